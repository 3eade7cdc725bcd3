/**
 * The default throughput Monte Carlo: every future day draws its completions from one past day
 * chosen independently and uniformly from the sample pool (exactly as the history shows it).
 */
import { createRandom } from '../shared/random';
import { buildBlockSampler, drawBlockTotal, drawDayWithinBlock } from './block-sampler';

// Each trial gets its own stream, so that with one seed, trial t sees the same days whatever
// the question: more items never finish earlier and a later date never counts fewer, trial by
// trial, not just on average.
/**
 * The seed of one trial's own stream.
 * @param seed the forecast's seed.
 * @param trial the trial index.
 * @returns a 32-bit seed, distinct per trial.
 */
export function deriveTrialSeed(seed: number, trial: number): number {
  return (Math.imul(trial + 1, 0x9e3779b1) ^ Math.imul((seed ^ (seed / 4294967296)) | 0, 0x85ebca6b)) >>> 0;
}

/**
 * Runs the "when" trials on a prepared sample pool: the hot loop, no allocation per trial.
 * @param options.samples items completed on each sampled past day.
 * @param options.target items to finish, in historical units (≥ 1).
 * @param options.trials number of trials.
 * @param options.seed seed of the generator.
 * @param options.working optional flags per future day offset (1 = working); null = every day.
 * @param options.maxDays horizon: trials not done by then count as unfinished.
 * @param options.targets optional target per trial (level uncertainty); overrides `target`.
 * @returns trials finishing per day offset, and the number unfinished.
 */
export function simulateFinishDays(options: {
  samples: Int32Array;
  target: number;
  trials: number;
  seed: number;
  working: Uint8Array | null;
  maxDays: number;
  targets?: Int32Array | undefined;
}): { finishHistogram: Int32Array; unfinished: number } {
  const { samples, trials, seed, working, maxDays } = options;
  const targets = options.targets ?? null;
  const n = samples.length;
  const random = createRandom(seed);
  // With a working calendar, blocks would hold varying numbers of working days: go day by day.
  const blocks = working === null ? buildBlockSampler(samples) : null;
  const finishHistogram = new Int32Array(maxDays);
  let unfinished = 0;
  for (let t = 0; t < trials; t++) {
    random.reseed(deriveTrialSeed(seed, t));
    const target = targets === null ? options.target : targets[t]!;
    let done = 0;
    let day = 0;
    let finish = -1;
    if (blocks !== null) {
      const k = blocks.blockDays;
      while (day + k <= maxDays) {
        const total = drawBlockTotal(blocks, random);
        if (done + total < target) {
          done += total;
          day += k;
          continue;
        }
        // This block crosses the target: find the day within it.
        let remaining = total;
        for (let left = k; ; left--, day++) {
          const v = drawDayWithinBlock(blocks, random, remaining, left);
          remaining -= v;
          done += v;
          if (done >= target) break;
        }
        finish = day;
        break;
      }
    }
    while (finish < 0 && day < maxDays) {
      if (working === null || working[day] === 1) done += samples[random.nextIndex(n)]!;
      if (done >= target) finish = day;
      else day++;
    }
    if (finish >= 0) finishHistogram[finish]!++;
    else unfinished++;
  }
  return { finishHistogram, unfinished };
}

/**
 * Runs the "how many" trials on a prepared sample pool.
 * @param options.samples items completed on each sampled past day.
 * @param options.days working days between the start and the target date, both included.
 * @param options.trials number of trials.
 * @param options.seed seed of the generator.
 * @param options.scales optional multiplier per trial (level uncertainty): the trial's total is
 *   then floor(total × scale).
 * @returns each trial's total, sorted ascending.
 */
export function simulateTotals(options: {
  samples: Int32Array;
  days: number;
  trials: number;
  seed: number;
  scales?: Float64Array | undefined;
}): Int32Array {
  const { samples, days, trials, seed } = options;
  const scales = options.scales ?? null;
  const n = samples.length;
  const random = createRandom(seed);
  const blocks = buildBlockSampler(samples);
  const totals = new Int32Array(trials);
  for (let t = 0; t < trials; t++) {
    random.reseed(deriveTrialSeed(seed, t));
    let done = 0;
    if (blocks === null) {
      for (let d = 0; d < days; d++) done += samples[random.nextIndex(n)]!;
    } else {
      const k = blocks.blockDays;
      let d = 0;
      for (; d + k <= days; d += k) done += drawBlockTotal(blocks, random);
      if (d < days) {
        // The last part-block is the start of a whole block, so a later date never counts less.
        let remaining = drawBlockTotal(blocks, random);
        for (let left = k; d < days; d++, left--) {
          const v = drawDayWithinBlock(blocks, random, remaining, left);
          remaining -= v;
          done += v;
        }
      }
    }
    totals[t] = scales === null ? done : Math.floor(done * scales[t]! + 1e-9);
  }
  return totals.sort();
}
