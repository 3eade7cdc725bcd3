/**
 * Reach from evidence, with its uncertainty. The share of a segment's accounts that want an idea
 * is estimated from the accounts heard from: k of the n heard asked for it. Its interval is the
 * Jeffreys interval — the equal-tailed credible interval of the Beta(k + ½, n − k + ½) posterior,
 * with the lower end 0 when k = 0 and the upper end 1 when k = n (Brown, Cai & DasGupta,
 * "Interval Estimation for a Binomial Proportion", Statistical Science 16(2), 2001) — so a
 * sample of three says it is a sample of three.
 *
 * Weighted by revenue or tier, the share is the weight of the accounts that asked over the
 * weight of the accounts heard, and the sample counts as its effective size (Kish: (Σw)² / Σw²):
 * one large customer among small ones moves the share, and widens the interval by as much as
 * it shrinks the sample.
 */
import { betaQuantile } from '../shared/beta';
import { computeMedian } from '../shared/stats';
import type { AccountSignal, Company } from './accounts';

export const REACH_WEIGHTINGS = ['accounts', 'revenue', 'tier'] as const;
export type ReachWeighting = (typeof REACH_WEIGHTINGS)[number];

export interface ReachInput {
  /** The accounts that asked for the idea. */
  asked: readonly AccountSignal[];
  /** The keys of every account heard from in the segment (those that asked are added if missing). */
  heard: readonly string[];
  companies: ReadonlyMap<string, Company>;
  /** Accounts in the segment, to turn the share into a reach in accounts; null for the share only. */
  population: number | null;
  weighting: ReachWeighting;
  /** Weight per tier name when weighting by tier; a tier not listed weighs 1. */
  tierWeights?: Readonly<Record<string, number>>;
  /** The interval's credibility, 0.9 unless said. */
  credibility?: number;
}

export interface ReachEstimate {
  /** The (weighted) share of heard accounts that asked. */
  share: number;
  low: number;
  high: number;
  /** Accounts that asked, and accounts heard. */
  asked: number;
  heard: number;
  /** The sample's effective size under the weighting (equal to `heard` when unweighted). */
  effectiveSample: number;
  /** share × population, and its interval; null without a population. */
  reach: { value: number; low: number; high: number } | null;
  /** Heard accounts whose revenue was unknown and weighed as the median known one. */
  revenueImputed: number;
  credibility: number;
}

function companyIdOfKey(key: string): string | null {
  return key.startsWith('company:') ? key.slice('company:'.length) : null;
}

/** Each heard account's weight under the weighting, and how many revenues were imputed. */
function weigh(input: ReachInput, heard: readonly string[]): { weights: number[]; imputed: number } {
  const companyOf = (key: string) => {
    const id = companyIdOfKey(key);
    return id === null ? undefined : input.companies.get(id);
  };
  if (input.weighting === 'accounts') return { weights: heard.map(() => 1), imputed: 0 };
  if (input.weighting === 'tier') {
    return {
      weights: heard.map((key) => {
        const tier = companyOf(key)?.tier;
        const weight = tier == null ? undefined : input.tierWeights?.[tier];
        return weight !== undefined && weight > 0 ? weight : 1;
      }),
      imputed: 0,
    };
  }
  const known = heard
    .map((key) => companyOf(key)?.arr ?? null)
    .filter((arr): arr is number => arr !== null && arr > 0);
  const median = known.length === 0 ? 1 : computeMedian(known);
  let imputed = 0;
  const weights = heard.map((key) => {
    const arr = companyOf(key)?.arr ?? null;
    if (arr !== null && arr > 0) return arr;
    imputed += 1;
    return median;
  });
  return { weights, imputed };
}

/**
 * Estimates an idea's reach among a segment's accounts from who asked and who was heard.
 * @param input the accounts that asked, those heard, and how to weigh them
 * @returns the share with its Jeffreys interval, and the reach in accounts when a population is given
 */
export function estimateReach(input: ReachInput): ReachEstimate {
  const credibility = input.credibility ?? 0.9;
  if (!(credibility > 0 && credibility < 1)) {
    throw new RangeError(`credibility must be between 0 and 1 (got ${credibility})`);
  }
  const askedKeys = new Set(input.asked.map((account) => account.key));
  const heard = [...new Set([...input.heard, ...askedKeys])].sort();
  const { weights, imputed } = weigh(input, heard);
  let total = 0;
  let squares = 0;
  let askedWeight = 0;
  heard.forEach((key, index) => {
    const weight = weights[index] ?? 0;
    total += weight;
    squares += weight * weight;
    if (askedKeys.has(key)) askedWeight += weight;
  });
  const n = heard.length === 0 ? 0 : (total * total) / squares;
  const share = total === 0 ? 0 : askedWeight / total;
  const k = share * n;
  const tail = (1 - credibility) / 2;
  const low = askedKeys.size === 0 ? 0 : betaQuantile(tail, k + 0.5, n - k + 0.5);
  const high = askedKeys.size === heard.length ? 1 : betaQuantile(1 - tail, k + 0.5, n - k + 0.5);
  const population = input.population;
  return {
    share,
    low,
    high,
    asked: askedKeys.size,
    heard: heard.length,
    effectiveSample: n,
    reach:
      population === null
        ? null
        : { value: share * population, low: low * population, high: high * population },
    revenueImputed: imputed,
    credibility,
  };
}
