import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MilestoneForecastsView,
  Roadmap,
  RoadmapItem,
  RoadmapSnapshotSummary,
  ScenarioChange,
  ScenarioResult,
} from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

// Shapes of the roadmap API, from the shared contract (types only: no zod in the bundle).
export type { Roadmap, RoadmapItem, RoadmapSnapshotSummary, ScenarioChange, ScenarioResult };
export type RoadmapMilestone = Roadmap['milestones'][number];
export type RoadmapComparison = NonNullable<Roadmap['comparison']>;
export type PlanProblem = Roadmap['problems'][number];

/** The current plan of the workspace, with slips since a published version when `compareTo` is set. */
export function useRoadmap(ws: string, compareTo: string | null) {
  return useQuery({
    queryKey: keys.roadmap.plan(ws, compareTo),
    queryFn: ({ signal }) =>
      requestApi<Roadmap>(`/workspaces/${ws}/roadmap`, { query: { compareTo }, signal }),
    staleTime: 15_000,
    placeholderData: (previous) => previous,
  });
}

/** Every milestone's forecast from one simulation of the plan (the same as the forecast page's). */
export function useMilestoneForecasts(ws: string) {
  return useQuery({
    queryKey: keys.forecasts.milestones(ws),
    queryFn: ({ signal }) =>
      requestApi<MilestoneForecastsView>(`/workspaces/${ws}/forecasts/milestones`, { signal }),
    staleTime: 15_000,
  });
}

/** Published plan versions, newest first. */
export function useSnapshots(ws: string) {
  return useQuery({
    queryKey: keys.roadmap.snapshots(ws),
    queryFn: async () =>
      (await requestApi<{ data: RoadmapSnapshotSummary[] }>(`/workspaces/${ws}/roadmap/snapshots`)).data,
  });
}

/** Publishes the current plan as a new version (the roadmap decision). */
export function usePublishSnapshot(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { note?: string }) =>
      requestApi<RoadmapSnapshotSummary>(`/workspaces/${ws}/roadmap/snapshots`, { method: 'POST', body }),
    // The new version is listed at once from the answer, newest first; the list is still fetched
    // again, but a busy server's slower answer no longer leaves the page saying nothing was published.
    onSuccess: (published) =>
      client.setQueryData<RoadmapSnapshotSummary[]>(keys.roadmap.snapshots(ws), (list) => [
        published,
        ...(list ?? []).filter((s) => s.id !== published.id),
      ]),
    meta: { invalidates: invalidates.snapshotPublished(ws) },
  });
}

/** Computes a what-if plan beside the baseline; nothing is stored. */
export function useScenario(ws: string) {
  return useMutation({
    mutationFn: (changes: ScenarioChange[]) =>
      requestApi<ScenarioResult>(`/workspaces/${ws}/roadmap/scenarios`, {
        method: 'POST',
        body: { changes },
      }),
  });
}
