import { describe, expect, it } from 'vitest';
import { describeScoreSetting } from './score-provenance';

const dana = { userId: '00000000-0000-4000-8000-000000000001', name: 'Dana' };

describe('describeScoreSetting', () => {
  it('should name the person and the day in the viewer’s time zone', () => {
    const text = describeScoreSetting(
      { setBy: dana, setAt: '2026-12-03T23:30:00.000Z', source: 'typed' },
      'Europe/Berlin',
    );
    expect(text).toEqual({ line: 'Dana · 4 Dec', title: 'Set by Dana, 4 Dec 2026, 00:30' });
  });

  it('should say an input came from an import, and who ran it when known', () => {
    const at = '2026-12-03T09:05:00.000Z';
    expect(describeScoreSetting({ setBy: dana, setAt: at, source: 'imported' }, 'UTC')).toEqual({
      line: 'imported · 3 Dec',
      title: 'Imported by Dana, 3 Dec 2026, 09:05',
    });
    expect(describeScoreSetting({ setBy: null, setAt: at, source: 'imported' }, 'UTC')?.title).toBe(
      'Imported, 3 Dec 2026, 09:05',
    );
  });

  it('should say a reach came from evidence, with its interval, its basis and who applied it', () => {
    const setting = {
      setBy: dana,
      setAt: '2026-12-03T09:05:00.000Z',
      source: 'evidence' as const,
      range: { low: 6.4, high: 21.2 },
      basis: '4 of 30 accounts heard asked, of 100 in the segment',
    };
    expect(describeScoreSetting(setting, 'UTC')).toEqual({
      line: 'from evidence · 3 Dec',
      title:
        'Computed from customer evidence (90 % interval 6–21): 4 of 30 accounts heard asked, of 100 in the segment; applied by Dana, 3 Dec 2026, 09:05',
    });
  });

  it('should also name a setter an imported file gave only by e-mail', () => {
    const setting = {
      setBy: null,
      namedAs: 'dana@acme.com',
      setAt: '2026-12-03T09:05:00.000Z',
      source: 'typed' as const,
    };
    expect(describeScoreSetting(setting, 'UTC')?.line).toBe('dana@acme.com · 3 Dec');
  });

  it('should show no line for an input set before this was recorded, and nothing for an empty one', () => {
    expect(describeScoreSetting(null)).toEqual({
      line: null,
      title: 'Set before Headway recorded who sets scores',
    });
    expect(describeScoreSetting(undefined)).toBeNull();
  });
});
