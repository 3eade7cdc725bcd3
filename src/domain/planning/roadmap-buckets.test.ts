import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRoadmapBucket, NEXT_DAYS, NOW_DAYS, type RoadmapBucket } from './roadmap-buckets';

const ORDER: Record<RoadmapBucket, number> = { now: 0, next: 1, later: 2 };

describe('findRoadmapBucket', () => {
  it('should put work starting before day 14 in now, and day 14 in next', () => {
    expect(findRoadmapBucket({ startDay: NOW_DAYS - 1, underWay: false })).toBe('now');
    expect(findRoadmapBucket({ startDay: NOW_DAYS, underWay: false })).toBe('next');
  });

  it('should put work starting before day 56 in next, and day 56 in later', () => {
    expect(findRoadmapBucket({ startDay: NEXT_DAYS - 1, underWay: false })).toBe('next');
    expect(findRoadmapBucket({ startDay: NEXT_DAYS, underWay: false })).toBe('later');
  });

  it('should put work under way in now whenever it starts', () => {
    expect(findRoadmapBucket({ startDay: NEXT_DAYS + 100, underWay: true })).toBe('now');
  });

  it('should never move an item to an earlier bucket when it starts later', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), fc.boolean(), (a, b, underWay) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = findRoadmapBucket({ startDay: early, underWay });
        const second = findRoadmapBucket({ startDay: late, underWay });
        expect(ORDER[first]).toBeLessThanOrEqual(ORDER[second]);
      }),
    );
  });
});
