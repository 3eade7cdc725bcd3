import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { keys } from './query-keys';

/**
 * What a mutation may declare in its `meta`: the queries its success makes stale, or, where
 * that depends on what was sent, a function of the mutation's variables that says which.
 */
export type MutationMeta = {
  invalidates?: readonly QueryKey[] | ((variables: unknown) => readonly QueryKey[]);
};

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: MutationMeta;
  }
}

/**
 * Plans and forecasts depend on the order, the scope, the estimates, the dependencies and the
 * team: any write to those makes every cached roadmap and forecast of the workspace stale, and
 * the flow metrics too (an item's state or assignee, a member who leaves).
 */
function plans(ws: string): QueryKey[] {
  // An accepted idea's chance of its promised date is read from the plan.
  return [keys.roadmap.all(ws), keys.forecasts.all(ws), keys.metrics.all(ws), keys.ideas(ws)];
}

/** What an item's own write can change around it: history, decisions, inbox, slips, children. */
function aroundItems(ws: string): QueryKey[] {
  return [keys.anyHistory(ws), keys.allDecisions(ws), keys.inbox(ws), keys.slips(ws), keys.anyChildren(ws)];
}

/**
 * Every write of the web app and the queries it makes stale, declared once. A mutation puts
 * one of these in `meta.invalidates`; the query client's mutation cache invalidates them after
 * the write succeeds (see `query-client.ts`). Data the answer already carries (the item, the
 * session) is stored by the mutation itself.
 */
export const invalidates = {
  workspaceJoined: (): QueryKey[] => [keys.me],
  // A member who leaves also leaves the companies they owned without an owner.
  memberChanged: (ws: string): QueryKey[] => [
    keys.members(ws),
    keys.rights(ws),
    keys.companies(ws),
    ...plans(ws),
  ],
  commentAdded: (ws: string): QueryKey[] => [keys.anyComments(ws)],
  sampleDataAdded: (ws: string): QueryKey[] => [
    keys.items(ws),
    keys.inbox(ws),
    keys.gettingStarted(ws),
    keys.prioritization.all(ws),
    ...plans(ws),
  ],
  itemCreated: (ws: string): QueryKey[] => [
    keys.items(ws),
    keys.inbox(ws),
    keys.prioritization.all(ws),
    ...plans(ws),
  ],
  // The answer carries the item, which the mutation stores in every cached list itself.
  itemChanged: (ws: string): QueryKey[] => [
    ...aroundItems(ws),
    keys.prioritization.all(ws),
    keys.workflow(ws),
    keys.cycles(ws),
    ...plans(ws),
  ],
  // A patch of a field the lists filter on (state, type, assignee, labels) can move the item into
  // or out of a filtered list, which storing the answer cannot do: those lists are read again.
  itemPatched:
    (ws: string) =>
    (variables: unknown): QueryKey[] => {
      const patch = (variables as { patch?: Record<string, unknown> } | undefined)?.patch ?? {};
      const filtered = ['state', 'type', 'assigneeId', 'labels'].some((field) => field in patch);
      return filtered ? [...invalidates.itemChanged(ws), keys.items(ws)] : invalidates.itemChanged(ws);
    },
  // Cutting an item or bringing it back changes which lists hold it.
  scopeChanged: (ws: string): QueryKey[] => [
    ...aroundItems(ws),
    keys.items(ws),
    keys.prioritization.all(ws),
    ...plans(ws),
  ],
  // The inbox is refreshed once a burst of moves is over (see useMoveItem).
  itemMoved: (ws: string): QueryKey[] => [keys.allDecisions(ws), keys.prioritization.all(ws), ...plans(ws)],
  dependencyChanged: (ws: string): QueryKey[] => [...aroundItems(ws), ...plans(ws)],
  rankingApplied: (ws: string): QueryKey[] => [
    keys.prioritization.all(ws),
    keys.items(ws),
    keys.anyItem(ws),
    keys.allDecisions(ws),
    keys.inbox(ws),
    ...plans(ws),
  ],
  proposalMade: (ws: string): QueryKey[] => [keys.inbox(ws)],
  // An accepted proposal moves or cuts an item, as a direct change would.
  briefEmailSet: (ws: string): QueryKey[] => [keys.briefEmail(ws)],
  proposalAnswered: (ws: string): QueryKey[] => [
    ...aroundItems(ws),
    keys.items(ws),
    keys.anyItem(ws),
    keys.prioritization.all(ws),
    ...plans(ws),
  ],
  formulaChanged: (ws: string): QueryKey[] => [keys.prioritization.all(ws)],
  estimationSessionChanged: (ws: string): QueryKey[] => [keys.estimationSessions.all(ws)],
  estimateAccepted: (ws: string): QueryKey[] => [
    keys.estimationSessions.all(ws),
    keys.items(ws),
    keys.anyItem(ws),
    keys.allDecisions(ws),
    keys.prioritization.all(ws),
    ...plans(ws),
  ],
  estimationScaleSaved: (ws: string): QueryKey[] => [keys.allDecisions(ws)],
  rationaleAmended: (ws: string): QueryKey[] => [keys.allDecisions(ws)],
  snapshotPublished: (ws: string): QueryKey[] => [keys.roadmap.snapshots(ws)],
  healthUpdatePosted: (ws: string): QueryKey[] => [keys.roadmap.health(ws), keys.allDecisions(ws)],
  assessmentCreated: (ws: string): QueryKey[] => [keys.assessments.list(ws)],
  assessmentRightsApplied: (ws: string): QueryKey[] => [keys.rights(ws), keys.assessments.log(ws)],
  // An import adds and updates items, their history and decisions; a dry run of it is stale too.
  workspaceImported: (ws: string): QueryKey[] => [
    keys.anyImportDryRun(ws),
    keys.ideas(ws),
    ...aroundItems(ws),
    keys.items(ws),
    keys.anyItem(ws),
    keys.gettingStarted(ws),
    keys.prioritization.all(ws),
    ...plans(ws),
  ],
  // A new workspace from a file: the list of my workspaces gains it.
  workspaceCreatedFromFile: (): QueryKey[] => [keys.me],
  tokensChanged: (): QueryKey[] => [keys.tokens],
  calendarFeedsChanged: (ws: string): QueryKey[] => [keys.calendarFeeds(ws)],
  ingestTokensChanged: (ws: string): QueryKey[] => [keys.ingestTokens(ws)],
  /** Endpoints, their delivery logs and the failed jobs (a retry or a replay changes both). */
  webhooksChanged: (ws: string): QueryKey[] => [keys.webhooks(ws), keys.failedJobs(ws)],
  // A sync writes items and delivery events: the connection, and everything read from them.
  githubChanged: (ws: string): QueryKey[] => [keys.github(ws), keys.items(ws), keys.anyItem(ws)],
  assessmentLinksChanged: (ws: string): QueryKey[] => [keys.assessmentLinks(ws)],
  // Forgetting a lead changes the list and the lead count of its link.
  assessmentLeadsChanged: (ws: string): QueryKey[] => [keys.assessmentLeads(ws), keys.assessmentLinks(ws)],
  savedViewsChanged: (ws: string): QueryKey[] => [keys.savedViews(ws)],
  // Removing a state moves its items; the board, the metrics' names and the decision log follow.
  workflowChanged: (ws: string): QueryKey[] => [
    keys.workflow(ws),
    keys.items(ws),
    keys.anyItem(ws),
    keys.metrics.all(ws),
    keys.allDecisions(ws),
  ],
  // Only the track record: a forecast page that stored a forecast must not be read again for it.
  forecastMade: (ws: string): QueryKey[] => [keys.forecasts.trackRecord(ws)],
  cycleChanged: (ws: string): QueryKey[] => [
    keys.cycles(ws),
    keys.items(ws),
    keys.anyItem(ws),
    keys.allDecisions(ws),
  ],
};

/**
 * Marks every query under the declared keys stale; the ones on screen are fetched again. A read
 * already on its way may have been answered before the write, so it is cancelled first: left
 * alone, a first read (one with nothing cached yet) would land after the write with the old
 * answer and nothing would fetch it again.
 */
export function invalidateDeclared(
  client: QueryClient,
  meta: MutationMeta | undefined,
  variables?: unknown,
): void {
  const declared = typeof meta?.invalidates === 'function' ? meta.invalidates(variables) : meta?.invalidates;
  for (const queryKey of declared ?? []) {
    void client.cancelQueries({ queryKey, fetchStatus: 'fetching' });
    void client.invalidateQueries({ queryKey });
  }
}
