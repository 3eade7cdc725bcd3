/**
 * What is left of work already under way. An item someone started days ago has used part of its
 * effort; planning it with its whole estimate again counts those days twice, and makes every
 * plan with work in flight too late. What remains is the effort drawn from the item's
 * distribution *given that it is larger than what was already spent*, minus what was spent.
 *
 * Rule for work that has run long: the time spent counts at most up to the 90th percentile of
 * the item's effort. Past that point the estimate no longer says how much is left, so the item
 * is treated as being in the top tenth of its distribution, and what remains is drawn from that
 * tail. This keeps every draw positive and never pretends an overrun item is nearly done.
 */
import { betaCdf, betaQuantile } from '../shared/beta';
import type { Random } from '../shared/random';
import { computeQuantile } from '../shared/stats';
import { fitPert, type PertDistribution, samplePert, type ThreePointEstimate } from './three-point';

/** Spent effort counts up to this quantile of the item's effort (see the module comment). */
export const SPENT_CAP_LEVEL = 0.9;
/** Draws before the rejection sampler gives up (acceptance is at least 1 − SPENT_CAP_LEVEL). */
const MAX_TRIES = 1000;

/**
 * The effort, in days, that counts as spent on a PERT-distributed item: what was spent, capped
 * at the distribution's 90th percentile.
 * @param distribution the item's fitted PERT distribution
 * @param spent the effort spent so far (days, ≥ 0)
 * @returns the spent effort the remaining effort is conditioned on
 */
export function capSpentPert(distribution: PertDistribution, spent: number): number {
  if (distribution.range === 0) return Math.min(spent, distribution.low);
  const p90 =
    distribution.low +
    distribution.range * betaQuantile(SPENT_CAP_LEVEL, distribution.alpha, distribution.beta);
  return Math.min(Math.max(spent, 0), p90);
}

/**
 * The expected effort left on an item after `spent` days of it: E[X − c | X > c] for the PERT
 * distribution of its three-point estimate, with c the capped spent effort. Exact, from the
 * incomplete beta function: for Y ~ Beta(α, β), E[Y | Y > y] = α/(α+β) · (1 − I_y(α+1, β)) / (1 − I_y(α, β)).
 * @param estimate the item's three-point estimate (days)
 * @param spent the effort spent so far (days)
 * @returns the expected remaining effort (days); the PERT mean minus `spent` when nothing of the
 *   range is used yet
 */
export function expectRemainingEffort(estimate: ThreePointEstimate, spent: number): number {
  const distribution = fitPert(estimate);
  const cap = capSpentPert(distribution, spent);
  if (distribution.range === 0) return distribution.low - cap;
  const { alpha, beta, low, range } = distribution;
  const y = (cap - low) / range;
  if (y <= 0) return distribution.mean - cap;
  const above = 1 - betaCdf(y, alpha, beta);
  const meanAbove = ((alpha / (alpha + beta)) * (1 - betaCdf(y, alpha + 1, beta))) / above;
  return Math.max(0, low + range * meanAbove - cap);
}

/** How to draw what remains of one item, prepared once for many trials. */
export type RemainingDraw = (random: Random) => number;

/**
 * A sampler of the effort left on a PERT-distributed item after `spent` days: a draw of its
 * effort above the capped spent effort (rejection: at least one draw in ten is accepted), minus
 * that effort.
 * @param distribution the item's fitted PERT distribution
 * @param spent the effort spent so far (days)
 * @returns the sampler
 */
export function prepareRemainingPert(distribution: PertDistribution, spent: number): RemainingDraw {
  const cap = capSpentPert(distribution, spent);
  if (distribution.range === 0) return () => distribution.low - cap;
  return (random) => {
    for (let i = 0; i < MAX_TRIES; i++) {
      const effort = samplePert(distribution, random);
      if (effort > cap) return effort - cap;
    }
    return 0;
  };
}

/**
 * A sampler of the effort left on an item whose effort is one of a list of past efforts (the
 * team's record): one of the efforts above the capped spent effort, uniformly, minus it; 0 when
 * none is above (ties at the top of the list).
 * @param efforts past efforts in days, ascending
 * @param spent the effort spent so far (days)
 * @returns the sampler
 */
export function prepareRemainingFromList(efforts: ArrayLike<number>, spent: number): RemainingDraw {
  const n = efforts.length;
  if (n === 0) return () => 0;
  const cap = Math.min(Math.max(spent, 0), computeQuantile(Array.from(efforts), SPENT_CAP_LEVEL));
  let first = 0;
  while (first < n && efforts[first]! <= cap) first++;
  if (first === n) return () => 0;
  return (random) => efforts[first + random.nextIndex(n - first)]! - cap;
}
