import type { Random } from '../shared/random';
/**
 * Exact multi-day sampling for the throughput Monte Carlo. Drawing one day at a time costs a
 * random number per simulated day, which dominates when a team finishes ~1 item a day and the
 * question is about 1,000 items. Instead, draw the total of a whole block of days from its
 * exact distribution (the block-fold convolution of the daily distribution, via an alias
 * table), and only when a block would cross the target, draw its days one by one conditioned
 * on the block total. The joint law is that of independent daily draws, so answers keep the
 * same meaning; only the random stream differs.
 */

/** Precomputed tables for one sample pool. */
export interface BlockSampler {
  blockDays: number;
  maxDaily: number;
  /** Width of a row of `partial`: blockDays × maxDaily + 1. */
  width: number;
  /** daily[v] = probability that a day completes v items. */
  daily: Float64Array;
  /** partial[L × width + s] = probability that L days complete s items, L = 0..blockDays. */
  partial: Float64Array;
  /** Alias table over block totals 0..width-1 (Vose's method). */
  aliasProbability: Float64Array;
  aliasOther: Int32Array;
}

/** Block length in days: long enough to skip most draws, short enough to keep tables small. */
export const BLOCK_DAYS = 8;
const MAX_TABLE_WIDTH = 1 << 14;

/**
 * Builds the tables for a pool of daily samples.
 * @param samples items completed on each sampled day (at least one day).
 * @param blockDays days per block.
 * @returns the sampler, or null when a busy day makes the tables too large to be worth it.
 */
export function buildBlockSampler(samples: Int32Array, blockDays = BLOCK_DAYS): BlockSampler | null {
  let maxDaily = 0;
  for (const v of samples) if (v > maxDaily) maxDaily = v;
  const width = blockDays * maxDaily + 1;
  if (samples.length === 0 || width > MAX_TABLE_WIDTH) return null;
  const daily = new Float64Array(maxDaily + 1);
  for (const v of samples) daily[v]! += 1 / samples.length;
  const partial = new Float64Array((blockDays + 1) * width);
  partial[0] = 1;
  for (let days = 1; days <= blockDays; days++) {
    const prev = (days - 1) * width;
    const row = days * width;
    const reach = (days - 1) * maxDaily;
    for (let s = 0; s <= reach; s++) {
      const p = partial[prev + s]!;
      if (p === 0) continue;
      for (let v = 0; v <= maxDaily; v++) partial[row + s + v]! += p * daily[v]!;
    }
  }
  const { probability, other } = buildAliasTable(
    partial.subarray(blockDays * width, (blockDays + 1) * width),
  );
  return { blockDays, maxDaily, width, daily, partial, aliasProbability: probability, aliasOther: other };
}

// Vose's alias method: one uniform draw picks a column, its threshold picks the value or its alias.
function buildAliasTable(weights: Float64Array): { probability: Float64Array; other: Int32Array } {
  const n = weights.length;
  let total = 0;
  for (const w of weights) total += w;
  const scaled = Float64Array.from(weights, (w) => (w * n) / total);
  const probability = new Float64Array(n);
  const other = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) (scaled[i]! < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    probability[s] = scaled[s]!;
    other[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  // Leftovers are 1 up to rounding.
  for (const i of large) probability[i] = 1;
  for (const i of small) probability[i] = 1;
  return { probability, other };
}

/**
 * Draws the total of one block of days.
 * @returns items completed over `blockDays` days.
 */
export function drawBlockTotal(sampler: BlockSampler, random: Random): number {
  const u = random.nextFloat() * sampler.width;
  const column = Math.floor(u);
  return u - column < sampler.aliasProbability[column]! ? column : sampler.aliasOther[column]!;
}

/**
 * Draws the next day of a block whose remaining total is known.
 * @param remaining items still to complete in the block's remaining days.
 * @param daysLeft remaining days of the block, including this one (≥ 1).
 * @returns items completed on this day.
 */
export function drawDayWithinBlock(
  sampler: BlockSampler,
  random: Random,
  remaining: number,
  daysLeft: number,
): number {
  const { daily, partial, width, maxDaily } = sampler;
  const rest = (daysLeft - 1) * width;
  const top = Math.min(maxDaily, remaining);
  // P(v | total) ∝ P(day = v) · P(other days = remaining − v).
  let total = 0;
  for (let v = 0; v <= top; v++) total += daily[v]! * partial[rest + remaining - v]!;
  let u = random.nextFloat() * total;
  let last = 0;
  for (let v = 0; v <= top; v++) {
    const w = daily[v]! * partial[rest + remaining - v]!;
    if (w === 0) continue;
    last = v;
    u -= w;
    if (u < 0) return v;
  }
  return last;
}
