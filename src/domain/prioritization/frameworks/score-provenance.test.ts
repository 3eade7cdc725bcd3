import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScoreSetting, settingsForAll, trackScoreSettings } from './score-provenance';

const dana: ScoreSetting = { by: 'dana', at: '2026-12-01T09:00:00.000Z', source: 'typed' };
const sam: ScoreSetting = { by: 'sam', at: '2026-12-03T10:00:00.000Z', source: 'typed' };

describe('trackScoreSettings', () => {
  it('should credit only the changed and added inputs to the new setter', () => {
    const next = trackScoreSettings({
      before: { rice_reach: 500, rice_impact: 1 },
      provenance: { rice_reach: dana, rice_impact: dana },
      after: { rice_reach: 500, rice_impact: 2, rice_effort: 3 },
      setting: sam,
    });
    expect(next).toEqual({ rice_reach: dana, rice_impact: sam, rice_effort: sam });
  });

  it('should drop the entry of a removed input and leave an unrecorded unchanged input unrecorded', () => {
    const next = trackScoreSettings({
      before: { rice_reach: 500, moscow: 'must', rice_effort: 2 },
      provenance: { rice_reach: dana, moscow: dana },
      after: { rice_reach: 500, rice_effort: 2 },
      setting: sam,
    });
    expect(next).toEqual({ rice_reach: dana });
  });

  it('should treat 2 and "2" as different values', () => {
    const next = trackScoreSettings({
      before: { wsjf_value: 2 },
      provenance: { wsjf_value: dana },
      after: { wsjf_value: '2' },
      setting: sam,
    });
    expect(next).toEqual({ wsjf_value: sam });
  });

  it('should keep exactly the keys of the written scores that have a setter', () => {
    const scores = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(scores, scores, (before, after) => {
        const next = trackScoreSettings({
          before,
          provenance: settingsForAll(before, dana),
          after,
          setting: sam,
        });
        expect(Object.keys(next).sort()).toEqual(Object.keys(after).sort());
        for (const key of Object.keys(after)) {
          expect(next[key]).toEqual(before[key] === after[key] ? dana : sam);
        }
      }),
    );
  });
});

describe('settingsForAll', () => {
  it('should give every input the one setter', () => {
    expect(settingsForAll({ rice_reach: 1, moscow: 'could' }, sam)).toEqual({ rice_reach: sam, moscow: sam });
  });
});
