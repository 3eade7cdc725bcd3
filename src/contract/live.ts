import { z } from 'zod';

/**
 * What a committed write changed in a workspace, as the live event stream tells the members who
 * have it open. Each kind is named after the write whose queries the web app already declares
 * stale (`web/api/invalidation.ts`), so one table decides what a change makes stale, for the
 * writer's own tab and for everyone else's.
 */
export const LIVE_EVENT_KINDS = [
  'itemCreated',
  'itemChanged',
  'itemMoved',
  'dependencyChanged',
  'rankingApplied',
  'commentAdded',
  'estimateAccepted',
  'estimationSessionChanged',
  'estimationScaleSaved',
  'rationaleAmended',
  'snapshotPublished',
  'workspaceImported',
  'sampleDataAdded',
  'memberChanged',
  'formulaChanged',
  'workflowChanged',
  'cycleChanged',
  'forecastMade',
] as const;

export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/**
 * One event of `GET /api/workspaces/{id}/events`, the `data:` of an SSE message whose `id:` is
 * `id`. `reset` says events were missed (the stream resumed after an id the server no longer
 * keeps): everything of the workspace shown should be fetched again. `ready` opens every stream
 * and carries the position it starts from, so a reconnect resumes there.
 */
export const LiveEventSchema = z.object({
  id: z.string().regex(/^\d+$/),
  workspaceId: z.uuid(),
  kind: z.union([z.enum(LIVE_EVENT_KINDS), z.literal('reset'), z.literal('ready')]),
  /** The items the change touched, when it names them (an item's write, a move). */
  itemIds: z.array(z.uuid()),
  at: z.string(),
});
export type LiveEvent = z.infer<typeof LiveEventSchema>;

/** How long events are kept for a stream to resume from. */
export const LIVE_EVENT_RETENTION_DAYS = 7;
