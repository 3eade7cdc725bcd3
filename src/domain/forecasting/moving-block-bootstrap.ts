import { createRandom, type Random } from '../shared/random';
/**
 * Moving-block bootstrap for the throughput Monte Carlo. Real delivery is bursty: a release
 * crunch lands many items over a few weeks, a holiday lands none, so consecutive days are not
 * independent. Drawing single days breaks that dependence and gives futures that are too smooth.
 * Here a trial replays whole runs of consecutive past periods (a block of `blockLength`
 * periods starting at a uniformly drawn position of the window, blocks overlapping), one block
 * after another, so bursts and quiet spells carry over into the simulated futures.
 *
 * Blocks wrap from the end of the window to its start (the circular variant of the moving-block
 * bootstrap). Without the wrap, the first and last days of the window sit in fewer blocks than
 * the others, and since the last days are usually the most telling, the simulated rate would
 * drift from the window's; with it, every period sits in exactly `blockLength` blocks, so the
 * mean rate is the window's, as with single-day draws.
 *
 * A "period" is one sample of the pool: a day for daily counts, a week for weekly counts.
 */

/** The prepared blocks of one sample pool. */
export interface MovingBlocks {
  /** The pool in calendar order, followed by its first blockLength − 1 periods again (the wrap). */
  samples: Int32Array;
  /** Periods per block (≥ 1, ≤ samples.length). */
  blockLength: number;
  /** totals[s] = items completed over the block starting at s; one entry per period of the pool. */
  totals: Int32Array;
}

/**
 * Prepares the blocks of a pool: every run of `blockLength` consecutive periods, wrapping from
 * the end to the start, is one block; there are as many blocks as periods.
 * @param options.samples items completed per period, in calendar order.
 * @param options.blockLength periods per block, from 1 to samples.length.
 * @returns the blocks with their totals; throws on a block length the pool cannot hold.
 */
export function buildMovingBlocks(options: { samples: Int32Array; blockLength: number }): MovingBlocks {
  const { samples, blockLength } = options;
  if (!Number.isInteger(blockLength) || blockLength < 1 || blockLength > samples.length) {
    throw new RangeError(`blockLength must be a whole number from 1 to ${samples.length}: ${blockLength}`);
  }
  const n = samples.length;
  const wrapped = new Int32Array(n + blockLength - 1);
  wrapped.set(samples);
  wrapped.set(samples.subarray(0, blockLength - 1), n);
  const totals = new Int32Array(n);
  let running = 0;
  for (let i = 0; i < wrapped.length; i++) {
    running += wrapped[i]!;
    if (i >= blockLength) running -= wrapped[i - blockLength]!;
    if (i >= blockLength - 1) totals[i - blockLength + 1] = running;
  }
  return { samples: wrapped, blockLength, totals };
}

/**
 * Draws the start of the next block.
 * @returns an index into `samples`; the block is samples[start .. start + blockLength - 1].
 */
export function drawBlockStart(blocks: MovingBlocks, random: Random): number {
  return random.nextIndex(blocks.totals.length);
}

/**
 * Runs the "when" trials with whole blocks: no allocation per trial.
 * @param options.blocks the prepared blocks.
 * @param options.target items to finish, in historical units (≥ 1).
 * @param options.trials number of trials.
 * @param options.seedOfTrial the seed of each trial's own stream.
 * @param options.working optional flags per future period (1 = working); null = every period.
 *   Non-working periods add nothing and do not use up the block being replayed.
 * @param options.maxPeriods horizon: trials not done by then count as unfinished.
 * @param options.targets optional target per trial (level uncertainty); overrides `target`.
 * @returns trials finishing per period offset, and the number unfinished.
 */
export function simulateFinishWithBlocks(options: {
  blocks: MovingBlocks;
  target: number;
  trials: number;
  seedOfTrial: (trial: number) => number;
  working: Uint8Array | null;
  maxPeriods: number;
  targets?: Int32Array | undefined;
}): { finishHistogram: Int32Array; unfinished: number } {
  const { blocks, trials, seedOfTrial, working, maxPeriods } = options;
  const targets = options.targets ?? null;
  const { samples, blockLength, totals } = blocks;
  const random = createRandom(0);
  const finishHistogram = new Int32Array(maxPeriods);
  let unfinished = 0;
  for (let t = 0; t < trials; t++) {
    random.reseed(seedOfTrial(t));
    const target = targets === null ? options.target : targets[t]!;
    let done = 0;
    let period = 0;
    let finish = -1;
    if (working === null) {
      // Whole blocks that cannot reach the target are added in one step.
      while (period + blockLength <= maxPeriods) {
        const start = drawBlockStart(blocks, random);
        const total = totals[start]!;
        if (done + total < target) {
          done += total;
          period += blockLength;
          continue;
        }
        for (let i = start; ; i++, period++) {
          done += samples[i]!;
          if (done >= target) break;
        }
        finish = period;
        break;
      }
    }
    // Day by day: with a calendar, or for the part-block before the horizon. The block in
    // progress is always a prefix of a whole block, so the stream matches the fast path.
    let position = blockLength;
    let start = 0;
    while (finish < 0 && period < maxPeriods) {
      if (working === null || working[period] === 1) {
        if (position === blockLength) {
          start = drawBlockStart(blocks, random);
          position = 0;
        }
        done += samples[start + position++]!;
      }
      if (done >= target) finish = period;
      else period++;
    }
    if (finish >= 0) finishHistogram[finish]!++;
    else unfinished++;
  }
  return { finishHistogram, unfinished };
}

/**
 * Runs the "how many" trials with whole blocks.
 * @param options.blocks the prepared blocks.
 * @param options.periods working periods between the start and the target date, both included.
 * @param options.trials number of trials.
 * @param options.seedOfTrial the seed of each trial's own stream.
 * @param options.scales optional multiplier per trial (level uncertainty): the trial's total is
 *   then floor(total × scale).
 * @returns each trial's total, sorted ascending.
 */
export function simulateTotalsWithBlocks(options: {
  blocks: MovingBlocks;
  periods: number;
  trials: number;
  seedOfTrial: (trial: number) => number;
  scales?: Float64Array | undefined;
}): Int32Array {
  const { blocks, periods, trials, seedOfTrial } = options;
  const scales = options.scales ?? null;
  const { samples, blockLength, totals } = blocks;
  const random = createRandom(0);
  const result = new Int32Array(trials);
  for (let t = 0; t < trials; t++) {
    random.reseed(seedOfTrial(t));
    let done = 0;
    let p = 0;
    for (; p + blockLength <= periods; p += blockLength) done += totals[drawBlockStart(blocks, random)]!;
    if (p < periods) {
      // The last part-block is the start of a whole block, so a later date never counts less.
      const start = drawBlockStart(blocks, random);
      for (let i = 0; p < periods; i++, p++) done += samples[start + i]!;
    }
    result[t] = scales === null ? done : Math.floor(done * scales[t]! + 1e-9);
  }
  return result.sort();
}
