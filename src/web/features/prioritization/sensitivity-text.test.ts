import { describe, expect, it } from 'vitest';
import type { RankSensitivityReport } from '../../../contract';
import { describeScoreInterval } from './score-provenance';
import { describeIntervalChange } from './sensitivity-text';

type Change = RankSensitivityReport['changes'][number];

const change: Change = {
  itemId: '00000000-0000-4000-8000-000000000012',
  number: 12,
  title: 'SSO',
  scoreKey: 'rice_reach',
  from: 24,
  to: 41.4,
  step: 'up',
  via: 'interval',
  interval: { low: 13.8, high: 41.4 },
  rankBefore: 7,
  rankAfter: 4,
  effect: 'enters-top',
  otherItemId: '00000000-0000-4000-8000-000000000003',
};

describe('describeIntervalChange', () => {
  it('should say how far a reach from evidence could move and what its end would do to the top', () => {
    expect(describeIntervalChange(change, 5)).toBe(
      'RICE reach from evidence is 14–41 accounts (now 24); at 41 it would enter the top 5',
    );
    expect(
      describeIntervalChange({ ...change, to: 13.8, step: 'down', rankBefore: 3, effect: 'leaves-top' }, 5),
    ).toBe('RICE reach from evidence is 14–41 accounts (now 24); at 14 it would leave the top 5');
  });

  it('should keep the digits of a small number and name no unit for another input', () => {
    const small = { ...change, scoreKey: 'value', from: 2.5, to: 3.25, interval: { low: 1.5, high: 3.25 } };
    expect(describeIntervalChange(small, 10)).toBe(
      'value from evidence is 1.5–3.25 (now 2.5); at 3.25 it would enter the top 10',
    );
  });

  it('should describe nothing for a one-step change', () => {
    expect(describeIntervalChange({ ...change, via: 'step', interval: null }, 5)).toBeNull();
  });
});

describe('describeScoreInterval', () => {
  const setAt = '2026-12-03T09:05:00.000Z';
  it('should show the interval of a score from evidence, whole', () => {
    expect(
      describeScoreInterval({ setBy: null, setAt, source: 'evidence', range: { low: 33.06, high: 166.94 } }),
    ).toBe('33–167');
  });

  it('should show none for a typed score or one from evidence without an interval', () => {
    expect(describeScoreInterval({ setBy: null, setAt, source: 'typed' })).toBeNull();
    expect(describeScoreInterval({ setBy: null, setAt, source: 'evidence' })).toBeNull();
    expect(describeScoreInterval(null)).toBeNull();
  });
});
