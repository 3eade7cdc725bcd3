/**
 * Practice answers measured from delivery data rather than answered: the items finished over a
 * period and their cycle times, from the state history. Only questions that ask about what is
 * measured are prefilled: the typical item size (how long an item takes once development
 * starts). Throughput and the tail of the cycle times are shown in the note as the evidence.
 */

/** Below this many finished items the measure says too little to prefill an answer. */
export const MIN_MEASURED_ITEMS = 10;

/** What the state history measured over a period (ISO days, inclusive). */
export interface MeasuredFlow {
  from: string;
  to: string;
  /** Items that reached done in the period (throughput). */
  finishedItems: number;
  /** Cycle-time percentiles in calendar days, of the finished items whose start was recorded. */
  cycleTimeDays: { count: number; p50: number; p85: number } | null;
}

/** A measured answer with the note that says it was measured, and over which period. */
export interface MeasuredAnswer {
  questionId: string;
  value: string;
  note: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatDay(iso: string, withYear: boolean): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]}${withYear ? ` ${year}` : ''}`;
}

/**
 * A period as people read it: "3 Sep – 1 Dec 2026", with both years when they differ.
 * @param from first ISO day
 * @param to last ISO day
 */
export function describePeriod(from: string, to: string): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${formatDay(from, !sameYear)} – ${formatDay(to, true)}`;
}

/**
 * The item-size band of a median cycle time. The options speak of working days; a calendar
 * week holds five of them, so "three to five days" reaches up to seven calendar days.
 * @param days the median cycle time in calendar days (≥ 0)
 */
export function bandItemSize(days: number): string {
  if (days <= 2) return 'up-to-2-days';
  if (days <= 7) return '3-5-days';
  if (days <= 14) return '1-2-weeks';
  return 'over-2-weeks';
}

const oneDecimal = (value: number): string => String(Math.round(value * 10) / 10);

/**
 * The answers the measured flow supports, each with a note naming the measure and its period.
 * @param flow what the state history measured; nothing is measured below MIN_MEASURED_ITEMS
 * @returns the measured answers (none when there is too little data)
 */
export function measureAnswers(flow: MeasuredFlow | undefined): MeasuredAnswer[] {
  if (!flow || flow.cycleTimeDays === null) return [];
  const { count, p50, p85 } = flow.cycleTimeDays;
  if (count < MIN_MEASURED_ITEMS) return [];
  if (!Number.isFinite(p50) || p50 < 0) return [];
  const period = describePeriod(flow.from, flow.to);
  return [
    {
      questionId: 'item-size',
      value: bandItemSize(p50),
      note: `measured: ${flow.finishedItems} items finished ${period}, cycle time median ${oneDecimal(p50)} days, P85 ${oneDecimal(p85)} days`,
    },
  ];
}
