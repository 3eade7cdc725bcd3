/**
 * The demo's forecast track record: forecasts the demo company would have made in the past, each
 * computed with the real throughput engine from the completions before its day only. They are
 * stored unscored; loading the demo then scores them through the ordinary track-record path
 * against what the history says happened afterwards.
 */

import type { HeadwayExport } from '../../contract';
import {
  buildDailyCounts,
  type CompletionEvent,
  forecastCompletion,
  forecastCountByDate,
} from '../../domain/forecasting';
import { formatIsoDay, MS_PER_DAY } from '../../domain/shared';

const LEAF_TYPES = new Set(['feature', 'task', 'bug']);
/** The same defaults as a forecast asked for in the app, with fewer trials to keep start-up quick. */
const WINDOW_DAYS = 90;
const TRIALS = 2_000;

/** Completion events of the file's features, tasks and bugs, as the server reads them. */
function completionEvents(doc: HeadwayExport): CompletionEvent[] {
  const leaves = new Set(doc.items.filter((it) => LEAF_TYPES.has(it.type)).map((it) => it.number));
  return doc.stateHistory
    .filter((h) => leaves.has(h.item) && (h.to === 'done' || h.from === 'done'))
    .map((h) => ({ itemId: `#${h.item}`, at: h.at, kind: h.to === 'done' ? 'completed' : 'reopened' }));
}

/**
 * Past forecasts for the demo: every `everyDays` from `firstDaysAgo` to `lastDaysAgo`, "when will
 * the next 10 items be done?" and "how many by four weeks later?", each from the history before
 * its start day. Origins with too little history are skipped, as the app would answer them.
 * @param doc the demo workspace, with its state history
 * @param options.now the demo's "now"
 * @param options.madeBy the email of the person who asked
 * @returns forecasts in Headway JSON, unscored
 */
export function buildPastForecasts(
  doc: HeadwayExport,
  options: { now: Date; madeBy: string; firstDaysAgo?: number; lastDaysAgo?: number; everyDays?: number },
): HeadwayExport['forecasts'] {
  const { firstDaysAgo = 147, lastDaysAgo = 35, everyDays = 14 } = options;
  const events = completionEvents(doc);
  const today = Math.floor(options.now.getTime() / MS_PER_DAY);
  const out: HeadwayExport['forecasts'] = [];
  for (let back = firstDaysAgo; back >= lastDaysAgo; back -= everyDays) {
    const startDay = today - back;
    const start = formatIsoDay(startDay);
    const before = events.filter((e) => e.at.slice(0, 10) < start);
    if (before.length === 0) continue;
    const { history } = buildDailyCounts({ events: before, to: formatIsoDay(startDay - 1) });
    const common = {
      history,
      start,
      trials: TRIALS,
      seed: back,
      window: { endBefore: start, days: WINDOW_DAYS },
    };
    const made = {
      madeBy: options.madeBy,
      madeAt: `${start}T09:00:00.000Z`,
      startDate: start,
      outcome: null,
      scoredAt: null,
    };
    const when = forecastCompletion({ ...common, items: 10 });
    if (when.status === 'ok') {
      out.push({
        ...made,
        kind: 'throughput_when',
        subject: { items: 10 },
        method: when.method,
        inputs: {
          trials: TRIALS,
          seed: back,
          windowDays: WINDOW_DAYS,
          excludeBulk: false,
          history: when.basis.history,
          notes: when.basis.notes,
        },
        percentiles: when.percentiles.map((p) => ({ level: p.level, date: p.date, dayOffset: p.dayOffset })),
        distribution: { histogram: when.finishHistogram, total: TRIALS },
      });
    }
    const by = formatIsoDay(startDay + 27);
    const count = forecastCountByDate({ ...common, by });
    if (count.status === 'ok') {
      out.push({
        ...made,
        kind: 'throughput_count',
        subject: { by },
        method: count.method,
        inputs: {
          trials: TRIALS,
          seed: back,
          windowDays: WINDOW_DAYS,
          excludeBulk: false,
          history: count.basis.history,
          notes: count.basis.notes,
        },
        percentiles: count.percentiles.map((p) => ({ level: p.level, count: p.count })),
        distribution: null,
      });
    }
  }
  return out;
}
