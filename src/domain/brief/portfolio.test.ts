import { describe, expect, it } from 'vitest';
import { type PortfolioStanding, rankByNeed } from './portfolio';

function company(name: string, overrides: Partial<PortfolioStanding> = {}): PortfolioStanding {
  return {
    name,
    ok: true,
    waitingCount: 0,
    oldestWaitDays: null,
    lowestChanceOnTime: null,
    troubledMilestones: 0,
    ...overrides,
  };
}

const names = (list: PortfolioStanding[]) => list.map((c) => c.name);

describe('rankByNeed', () => {
  it('should put the company whose oldest decision waits longest first, then the one with most waiting', () => {
    const ranked = rankByNeed([
      company('Calm', { lowestChanceOnTime: 0.1 }),
      company('Many', { waitingCount: 9, oldestWaitDays: 3 }),
      company('Old', { waitingCount: 1, oldestWaitDays: 30 }),
      company('Few', { waitingCount: 2, oldestWaitDays: 3 }),
    ]);
    expect(names(ranked)).toEqual(['Old', 'Many', 'Few', 'Calm']);
  });

  it('should rank companies with nothing waiting by their least likely milestone, then by troubled health', () => {
    const ranked = rankByNeed([
      company('Undated'),
      company('Likely', { lowestChanceOnTime: 0.9 }),
      company('Troubled', { troubledMilestones: 2 }),
      company('Unlikely', { lowestChanceOnTime: 0.2 }),
    ]);
    expect(names(ranked)).toEqual(['Unlikely', 'Likely', 'Troubled', 'Undated']);
  });

  it('should list a company whose figures failed last and leave the given list as it was', () => {
    const given = [company('Broken', { ok: false }), company('Beta'), company('Alpha')];
    expect(names(rankByNeed(given))).toEqual(['Alpha', 'Beta', 'Broken']);
    expect(names(given)).toEqual(['Broken', 'Beta', 'Alpha']);
  });
});
