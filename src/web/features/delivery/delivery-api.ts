import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FlowMetricsView } from '../../../contract';
import { requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';

// Types only: the zod schemas stay out of the browser bundle.
export type { FlowMetricsView };
export type AgingRow = FlowMetricsView['aging'][number];

/** The period and person the Delivery page shows. */
export interface MetricsFilter {
  from: string;
  to: string;
  person: string | null;
}

/** The flow metrics of a period, as GET /metrics computes them; the last answer stays while a new one loads. */
export function useFlowMetrics(ws: string, filter: MetricsFilter) {
  return useQuery({
    queryKey: keys.metrics.period(ws, filter.from, filter.to, filter.person),
    queryFn: ({ signal }) =>
      requestApi<FlowMetricsView>(`/workspaces/${ws}/metrics`, {
        query: { from: filter.from, to: filter.to, person: filter.person },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
