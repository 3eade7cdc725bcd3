/**
 * The team's size distribution: how much effort a piece of its work really took. A plan forecast
 * draws the effort of every planned item that nobody estimated from it, so unestimated work counts
 * in the dates (as a typical item of this team) instead of silently counting as no work at all.
 *
 * Only items completed before the forecast's start are read: a forecast never sees its future.
 */

import { toDayNumber } from '../shared/calendar';
import { computeMedian } from '../shared/stats';

/** A completed item and the effort it took, in days. */
export interface CompletedSize {
  completedOn: string;
  effort: number;
}

/** Completed items the team's record needs before its sizes stand for the team's work. */
export const MIN_SIZES = 10;

/** Where the efforts of unestimated items come from. */
export type SizeDistribution =
  /** The efforts of completed items before the start. */
  | { status: 'learned'; efforts: Float64Array; items: number; note: string }
  /** Too few completed items: the expected efforts of the estimated open work stand in. */
  | { status: 'estimates'; efforts: Float64Array; items: number; completed: number; note: string }
  /** Neither: unestimated items stay out of the dates. */
  | { status: 'none'; efforts: Float64Array; items: 0; completed: number; note: string };

const days = (x: number) => `${Number(x.toFixed(1))} d`;

/**
 * Learns the efforts unestimated items are drawn from.
 * @param options.completed completed items with their effort (any dates; those completed on or
 *   after `start`, and those without a positive effort, are ignored)
 * @param options.start the forecast's first day
 * @param options.fallback the expected efforts (days) of the open work that has an estimate, used
 *   when fewer than MIN_SIZES items were completed before the start
 * @returns the efforts, ascending, and a sentence saying where they come from
 */
export function learnSizeDistribution(options: {
  completed: readonly CompletedSize[];
  start: string;
  fallback: readonly number[];
}): SizeDistribution {
  const startDay = toDayNumber(options.start);
  const before = options.completed
    .filter((c) => c.effort > 0 && Number.isFinite(c.effort) && toDayNumber(c.completedOn) < startDay)
    .map((c) => c.effort);
  if (before.length >= MIN_SIZES) {
    const efforts = Float64Array.from(before).sort();
    return {
      status: 'learned',
      efforts,
      items: efforts.length,
      note: `the efforts of ${efforts.length} items the team completed before the start (median ${days(computeMedian(before))})`,
    };
  }
  const short = `only ${before.length} item(s) with a recorded effort were completed before the start, ${MIN_SIZES} are needed to learn the team's sizes`;
  const fallback = options.fallback.filter((e) => e > 0 && Number.isFinite(e));
  if (fallback.length === 0) {
    return {
      status: 'none',
      efforts: new Float64Array(0),
      items: 0,
      completed: before.length,
      note: `${short}, and no open work has an estimate to stand in`,
    };
  }
  const efforts = Float64Array.from(fallback).sort();
  return {
    status: 'estimates',
    efforts,
    items: efforts.length,
    completed: before.length,
    note: `the expected efforts of the ${efforts.length} estimated open item(s) (median ${days(computeMedian(fallback))}), since ${short}`,
  };
}

/**
 * The typical effort of the distribution, to place an unestimated item in the roadmap's own
 * deterministic pass (the Monte Carlo draws each trial's effort instead).
 * @param sizes a distribution with at least one effort
 * @returns its median effort in days
 */
export function typicalSize(sizes: SizeDistribution): number {
  return computeMedian([...sizes.efforts]);
}
