/**
 * What every engine shares: the UTC day calendar, seeded random numbers, the median and the
 * check that a string is one of a closed list.
 */

export { betaCdf, betaQuantile } from './beta';
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
export { isOneOf } from './one-of';
export { createRandom, createSmallRandom, type Random } from './random';
export { computeMedian, computeQuantile } from './stats';
