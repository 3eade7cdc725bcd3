/**
 * What every engine shares: the UTC day calendar, seeded random numbers and the median.
 */

export {
  addDays,
  countDaysBetween,
  formatIsoDay,
  isIsoDate,
  MS_PER_DAY,
  parseIsoDay,
  readDayNumber,
  toDayNumber,
  toDayNumberOf,
  toIsoDay,
  weekdayOf,
} from './calendar';
export { createRandom, createSmallRandom, type Random } from './random';
export { computeMedian, computeQuantile } from './stats';
