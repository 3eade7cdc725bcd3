/**
 * Writing what a committed change did, for the live event stream: an event row in the change's
 * own transaction (so it exists exactly when the change committed) and a NOTIFY that PostgreSQL
 * delivers to every listening server when, and only if, the transaction commits.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { LIVE_EVENT_RETENTION_DAYS, type LiveEventKind } from '../../contract';
import type { Database } from '../../db/client';
import { workspaceEvents } from '../../db/schema';

/** The channel every Headway server listens on; a payload is `<workspaceId>:<eventId>`. */
export const LIVE_CHANNEL = 'headway_events';

/** What a command announces once its writes are done: which kind of change, about which items. */
export interface WorkspaceChange {
  kind: LiveEventKind;
  itemIds?: readonly string[] | undefined;
}

/** One old event in this many writes prunes the workspace's events older than the retention. */
const PRUNE_EVERY = 64;

/** Changes of one kind announced twice in a transaction (a command and one it calls) become one. */
function merge(changes: readonly WorkspaceChange[]): { kind: LiveEventKind; itemIds: string[] }[] {
  const byKind = new Map<LiveEventKind, Set<string>>();
  for (const change of changes) {
    const ids = byKind.get(change.kind) ?? new Set<string>();
    for (const id of change.itemIds ?? []) ids.add(id);
    byKind.set(change.kind, ids);
  }
  return [...byKind].map(([kind, ids]) => ({ kind, itemIds: [...ids] }));
}

/**
 * Appends the events of a transaction's changes to one workspace and notifies the listening
 * servers on commit. Call it last in the transaction: it takes a per-workspace lock held until
 * commit, so events of one workspace get their ids in commit order and a stream that resumes
 * after id N can never miss an event with a smaller id that committed later.
 * @param tx the transaction that made the changes
 * @param workspaceId the workspace they changed
 * @param changes what was changed, in the order it happened
 */
export async function recordChanges(
  tx: Database,
  workspaceId: string,
  changes: readonly WorkspaceChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${LIVE_CHANNEL}), hashtext(${workspaceId}))`);
  const rows = await tx
    .insert(workspaceEvents)
    .values(merge(changes).map((change) => ({ workspaceId, ...change })))
    .returning({ id: workspaceEvents.id });
  const last = Math.max(...rows.map((row) => row.id));
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${`${workspaceId}:${last}`})`);
  if (rows.some((row) => row.id % PRUNE_EVERY === 0)) {
    await tx
      .delete(workspaceEvents)
      .where(
        and(
          eq(workspaceEvents.workspaceId, workspaceId),
          lt(workspaceEvents.createdAt, sql`now() - make_interval(days => ${LIVE_EVENT_RETENTION_DAYS})`),
        ),
      );
  }
}
