/**
 * Hand-computed answers for counting accounts and estimating reach. Interval references were
 * computed independently with SciPy (`scipy.stats.beta.ppf`).
 */
import { describe, expect, it } from 'vitest';
import {
  type Company,
  countAccounts,
  type EvidenceNote,
  type Importance,
  mergeEvidence,
  summarizeDemand,
} from './accounts';
import { estimateReach } from './reach';

const DAY = 86_400_000;
let sequence = 0;

function note(
  companyId: string | null,
  importance: Importance,
  day: number,
  extra: Partial<EvidenceNote> = {},
): EvidenceNote {
  sequence += 1;
  return {
    id: `n${String(sequence).padStart(3, '0')}`,
    ideaId: 'idea-1',
    companyId,
    requesterEmail: null,
    importance,
    givenAt: day * DAY,
    ...extra,
  };
}

function companies(...list: Company[]): Map<string, Company> {
  return new Map(list.map((company) => [company.id, company]));
}

const company = (id: string, arr: number | null, tier: string | null = null): Company => ({
  id,
  arr,
  tier,
  segment: null,
});

describe('countAccounts', () => {
  it('should count a company once, with the importance of its latest note', () => {
    const accounts = countAccounts([
      note('acme', 1, 1),
      note('acme', 3, 9),
      note('acme', 2, 5),
      note('globex', 0, 2),
    ]);
    expect(accounts).toEqual([
      { key: 'company:acme', companyId: 'acme', importance: 3, notes: 3, lastGivenAt: 9 * DAY },
      { key: 'company:globex', companyId: 'globex', importance: 0, notes: 1, lastGivenAt: 2 * DAY },
    ]);
  });

  it('should count a note without company for its requester, and one with neither for itself', () => {
    const accounts = countAccounts([
      note(null, 2, 1, { requesterEmail: 'ana@example.com' }),
      note(null, 1, 3, { requesterEmail: 'ana@example.com' }),
      note(null, 3, 1),
      note(null, 3, 1),
    ]);
    expect(accounts.map((account) => [account.key.split(':')[0], account.importance])).toEqual([
      ['note', 3],
      ['note', 3],
      ['person', 1],
    ]);
  });

  it('should break a tie in time by note id, whatever the order given', () => {
    const early = note('acme', 1, 4, { id: 'a' });
    const late = note('acme', 2, 4, { id: 'b' });
    expect(countAccounts([early, late])[0]?.importance).toBe(2);
    expect(countAccounts([late, early])[0]?.importance).toBe(2);
  });
});

describe('summarizeDemand', () => {
  it('should sum the revenue of distinct companies and say how many are unknown', () => {
    const demand = summarizeDemand(
      'idea-1',
      [note('acme', 3, 1), note('acme', 2, 2), note('globex', 1, 1), note('initech', 2, 1)],
      companies(company('acme', 120_000), company('globex', 30_000), company('initech', null)),
    );
    expect(demand).toEqual({
      ideaId: 'idea-1',
      accounts: 3,
      evidence: 4,
      revenue: 150_000,
      revenueUnknown: 1,
      importance: 2 + 1 + 2,
    });
  });

  it('should let ten quiet accounts outweigh one loud one in accounts', () => {
    const loud = Array.from({ length: 10 }, (_, day) => note('loud', 3, day));
    const quiet = Array.from({ length: 10 }, (_, index) => note(`quiet-${index}`, 1, 1));
    const none = companies();
    expect(summarizeDemand('a', loud, none).accounts).toBe(1);
    expect(summarizeDemand('b', quiet, none).accounts).toBe(10);
  });
});

describe('mergeEvidence', () => {
  it('should move every note of the duplicates to the kept idea', () => {
    const notes = [note('acme', 1, 1), note('acme', 2, 2, { ideaId: 'idea-2' })];
    const merged = mergeEvidence('idea-1', notes);
    expect(merged.map((n) => [n.id, n.ideaId])).toEqual([
      [notes[0]?.id, 'idea-1'],
      [notes[1]?.id, 'idea-1'],
    ]);
    expect(countAccounts(merged)).toHaveLength(1);
  });
});

describe('estimateReach', () => {
  const heard = (count: number) => Array.from({ length: count }, (_, i) => `company:c${i}`);
  const asked = (keys: string[]) =>
    countAccounts(keys.map((key) => note(key.slice('company:'.length), 2, 1)));

  it('should give a wide Jeffreys interval for one of three heard', () => {
    const estimate = estimateReach({
      asked: asked(['company:c0']),
      heard: heard(3),
      companies: companies(),
      population: 200,
      weighting: 'accounts',
    });
    expect(estimate.share).toBeCloseTo(1 / 3, 12);
    // Beta(1.5, 2.5): 5 % and 95 % quantiles.
    expect(estimate.low).toBeCloseTo(0.06241252, 7);
    expect(estimate.high).toBeCloseTo(0.76446596, 7);
    expect(estimate.reach?.value).toBeCloseTo(200 / 3, 9);
    expect(estimate.reach?.high).toBeCloseTo(200 * 0.76446596, 4);
    expect(estimate.effectiveSample).toBe(3);
  });

  it('should give a narrow interval for a hundred of three hundred heard', () => {
    const keys = heard(300);
    const estimate = estimateReach({
      asked: asked(keys.slice(0, 100)),
      heard: keys,
      companies: companies(),
      population: null,
      weighting: 'accounts',
    });
    // Beta(100.5, 200.5).
    expect(estimate.low).toBeCloseTo(0.28987644, 7);
    expect(estimate.high).toBeCloseTo(0.37915476, 7);
    expect(estimate.reach).toBeNull();
  });

  it('should keep the lower end at 0 when nobody asked and honour the credibility', () => {
    const none = estimateReach({
      asked: [],
      heard: heard(10),
      companies: companies(),
      population: null,
      weighting: 'accounts',
    });
    expect(none.low).toBe(0);
    // Beta(0.5, 10.5) at 95 %.
    expect(none.high).toBeCloseTo(0.17077311, 7);
    const keys = heard(4);
    const most = estimateReach({
      asked: asked(keys.slice(0, 3)),
      heard: keys,
      companies: companies(),
      population: null,
      weighting: 'accounts',
      credibility: 0.95,
    });
    // Beta(3.5, 1.5) at 2.5 % and 97.5 %.
    expect(most.low).toBeCloseTo(0.28375168, 7);
    expect(most.high).toBeCloseTo(0.9715291, 6);
  });

  it('should weigh by revenue with the sample shrunk to its effective size', () => {
    const estimate = estimateReach({
      asked: asked(['company:c2']),
      heard: heard(3),
      companies: companies(company('c0', 100), company('c1', 100), company('c2', 800)),
      population: null,
      weighting: 'revenue',
    });
    expect(estimate.share).toBeCloseTo(0.8, 12);
    // n = 1000² / (100² + 100² + 800²) = 1.5152; k = 0.8 n = 1.2121.
    expect(estimate.effectiveSample).toBeCloseTo(1_000_000 / 660_000, 12);
    expect(estimate.low).toBeCloseTo(0.20360533, 6);
    expect(estimate.high).toBeCloseTo(0.98638405, 6);
  });

  it('should weigh an unknown revenue as the median known one and say so', () => {
    const estimate = estimateReach({
      asked: asked(['company:c0']),
      heard: heard(4),
      companies: companies(company('c0', null), company('c1', 10), company('c2', 20), company('c3', 60)),
      population: null,
      weighting: 'revenue',
    });
    expect(estimate.revenueImputed).toBe(1);
    expect(estimate.share).toBeCloseTo(20 / 110, 12);
  });

  it('should weigh by tier, an unlisted tier weighing 1', () => {
    const estimate = estimateReach({
      asked: asked(['company:c0']),
      heard: heard(3),
      companies: companies(company('c0', null, 'enterprise'), company('c1', null, 'free')),
      population: null,
      weighting: 'tier',
      tierWeights: { enterprise: 4, free: 0.5 },
    });
    expect(estimate.share).toBeCloseTo(4 / 5.5, 12);
  });

  it('should count an account that asked even if the heard list missed it', () => {
    const estimate = estimateReach({
      asked: asked(['company:late']),
      heard: heard(1),
      companies: companies(),
      population: null,
      weighting: 'accounts',
    });
    expect([estimate.asked, estimate.heard]).toEqual([1, 2]);
  });
});
