/**
 * Builds daily completed-item counts from raw completion events, avoiding the usual traps of
 * tracker data: an item closed, reopened and closed again counts once (on its last close), an
 * item reopened and not closed again does not count, and bulk-closed clean-ups (dozens of stale
 * tickets closed in one sweep) can be left out because they are not delivery.
 */
import { formatIsoDay, MS_PER_DAY, toDayNumber } from '../shared/calendar';
import type { DailyThroughput } from './history-samples';

/** One state change of an item that matters for throughput. */
export interface CompletionEvent {
  itemId: string;
  /** ISO timestamp or date (UTC). */
  at: string;
  /** Default 'completed'. */
  kind?: 'completed' | 'reopened';
}

/** A sweep of closures: at least `minItems` completions, each within `withinMinutes` of the previous. */
export interface BulkClosureRule {
  minItems: number;
  withinMinutes: number;
}

/** What buildDailyCounts kept and left out, so the caller can show it. */
export interface DailyCountsReport {
  /** Distinct items counted. */
  countedItems: number;
  /** Extra completions of items that had been reopened, not counted again. */
  repeatCompletions: number;
  /** Items whose last event is a reopen, so they are not done. */
  reopenedNotDone: number;
  /** Completions left out as bulk clean-ups, and the sweeps they came from. */
  bulkExcluded: number;
  bulkSweeps: Array<{ from: string; to: string; items: number }>;
}

const MS_PER_MINUTE = 60_000;

function parseInstant(at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`not an ISO timestamp: ${at}`);
  return ms;
}

/**
 * Turns completion events into one count per calendar day.
 * @param options.events completion and reopen events, in any order.
 * @param options.excludeBulkClosures when given, sweeps matching the rule are left out.
 * @param options.from first day of the output (default: first counted completion).
 * @param options.to last day of the output (default: last counted completion).
 * @returns the daily history (days without completions are 0) and a report of what was left out.
 */
export function buildDailyCounts(options: {
  events: readonly CompletionEvent[];
  excludeBulkClosures?: BulkClosureRule;
  from?: string;
  to?: string;
}): { history: DailyThroughput; report: DailyCountsReport } {
  const { events, excludeBulkClosures } = options;
  // The last event per item decides whether and when it was done.
  const last = new Map<string, { ms: number; kind: 'completed' | 'reopened' }>();
  let completions = 0;
  for (const event of events) {
    const ms = parseInstant(event.at);
    const kind = event.kind ?? 'completed';
    if (kind === 'completed') completions++;
    const seen = last.get(event.itemId);
    if (!seen || ms >= seen.ms) last.set(event.itemId, { ms, kind });
  }
  let reopenedNotDone = 0;
  const doneAt: number[] = [];
  for (const state of last.values()) {
    if (state.kind === 'completed') doneAt.push(state.ms);
    else reopenedNotDone++;
  }
  doneAt.sort((a, b) => a - b);

  const keep = new Uint8Array(doneAt.length).fill(1);
  const bulkSweeps: DailyCountsReport['bulkSweeps'] = [];
  if (excludeBulkClosures) {
    const gap = excludeBulkClosures.withinMinutes * MS_PER_MINUTE;
    let runStart = 0;
    for (let i = 1; i <= doneAt.length; i++) {
      if (i < doneAt.length && doneAt[i]! - doneAt[i - 1]! <= gap) continue;
      if (i - runStart >= excludeBulkClosures.minItems) {
        keep.fill(0, runStart, i);
        bulkSweeps.push({
          from: new Date(doneAt[runStart]!).toISOString(),
          to: new Date(doneAt[i - 1]!).toISOString(),
          items: i - runStart,
        });
      }
      runStart = i;
    }
  }

  const days: number[] = [];
  for (let i = 0; i < doneAt.length; i++) if (keep[i] === 1) days.push(Math.floor(doneAt[i]! / MS_PER_DAY));
  const first = options.from !== undefined ? toDayNumber(options.from) : (days[0] ?? 0);
  const lastDay = options.to !== undefined ? toDayNumber(options.to) : (days[days.length - 1] ?? first - 1);
  const counts = new Array<number>(Math.max(0, lastDay - first + 1)).fill(0);
  for (const day of days) {
    if (day >= first && day <= lastDay) counts[day - first]!++;
  }
  const bulkExcluded = bulkSweeps.reduce((sum, sweep) => sum + sweep.items, 0);
  return {
    history: { firstDate: formatIsoDay(first), counts },
    report: {
      countedItems: doneAt.length - bulkExcluded,
      repeatCompletions: completions - last.size + reopenedNotDone,
      reopenedNotDone,
      bulkExcluded,
      bulkSweeps,
    },
  };
}
