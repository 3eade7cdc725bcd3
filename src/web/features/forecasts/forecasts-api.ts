import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PlanForecastView,
  ScenarioResult,
  ThroughputForecastView,
  TrackRecord,
} from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { storeItem } from '../../api/item-hooks';
import { keys } from '../../api/query-keys';
import type { Item } from '../../api/types';

// Types only: the zod schemas stay out of the browser bundle.
export type { PlanForecastView, ScenarioResult, ThroughputForecastView, TrackRecord };
export type PlanForecastOk = Extract<PlanForecastView, { status: 'ok' }>;
export type ThroughputForecastOk = Extract<ThroughputForecastView, { status: 'ok' }>;
export type InsufficientHistory = Extract<ThroughputForecastView, { status: 'insufficient-history' }>;

/** What a plan forecast is about: one milestone, or a hand-picked set of items. */
export type PlanSubject = { milestone: string } | { items: string[] };

/** A throughput question: when will N items be done, or how many by a day. */
export type ThroughputQuestion = { items: number } | { by: string };

// Every answer is stored server-side as a forecast of record, so a page does not ask again
// for the same question within half a minute just because it re-rendered or regained focus.
const STALE_MS = 30_000;

/**
 * The Monte Carlo forecast of a milestone or items through the scheduler, with P(on time) for
 * `target` (null: the milestone's own target date). Keeps showing the last answer while a new
 * target is asked for.
 */
export function usePlanForecast(ws: string, subject: PlanSubject | null, target: string | null) {
  return useQuery({
    queryKey: keys.forecasts.plan(ws, subject ?? { items: [] }, target),
    queryFn: ({ signal }) =>
      requestApi<PlanForecastView>(`/workspaces/${ws}/forecasts/plan`, {
        query: {
          ...(subject && 'milestone' in subject
            ? { milestone: subject.milestone }
            : { items: subject?.items.join(',') }),
          target,
        },
        signal,
      }),
    enabled: subject !== null && ('milestone' in subject || subject.items.length > 0),
    staleTime: STALE_MS,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });
}

/** The throughput forecast: date percentiles for N items, or count percentiles by a day. */
export function useThroughputForecast(ws: string, question: ThroughputQuestion | null, excludeBulk: boolean) {
  return useQuery({
    queryKey: keys.forecasts.throughput(ws, question ?? { items: 0 }, excludeBulk),
    queryFn: ({ signal }) =>
      requestApi<ThroughputForecastView>(`/workspaces/${ws}/forecasts/throughput`, {
        query: {
          ...(question && 'items' in question ? { items: question.items } : { by: question?.by }),
          excludeBulk: excludeBulk ? 'true' : undefined,
        },
        signal,
      }),
    enabled: question !== null,
    staleTime: STALE_MS,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });
}

/** Stored forecasts whose work has finished, scored, with the calibration summary. */
export function useTrackRecord(ws: string) {
  return useQuery({
    queryKey: keys.forecasts.trackRecord(ws),
    queryFn: () => requestApi<TrackRecord>(`/workspaces/${ws}/forecasts/track-record`),
  });
}

/**
 * Changes an item's scope through PATCH (state 'cancelled' cuts it; its earlier state brings it back),
 * reading the item first so the write is based on its latest version. Every forecast of the
 * workspace is re-run afterwards: the scope they were made on has changed.
 */
export function useChangeScope(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { itemId: string; state: Item['state']; rationale: string }) => {
      const current = await requestApi<Item>(`/workspaces/${ws}/items/${input.itemId}`);
      return requestApi<Item>(`/workspaces/${ws}/items/${input.itemId}`, {
        method: 'PATCH',
        body: { state: input.state, rationale: input.rationale, version: current.version },
      });
    },
    onSuccess: (item) => storeItem(client, ws, item),
    meta: { invalidates: invalidates.scopeChanged(ws) },
  });
}

/** What-if: the plan with an item cut, side by side with today's, without storing anything. */
export function useCutWhatIf(ws: string) {
  return useMutation({
    mutationFn: (itemId: string) =>
      requestApi<ScenarioResult>(`/workspaces/${ws}/roadmap/scenarios`, {
        method: 'POST',
        body: { changes: [{ kind: 'cut_item', itemId }] },
      }),
  });
}
