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
 *
 * Every write of a workspace waits for that lock, and whoever holds it keeps it through its
 * commit, so the lock is taken, the events inserted and the NOTIFY queued in one statement: one
 * round trip under the lock instead of three. The lock sits in the insert's FROM, so no event
 * id is drawn before it is held.
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
  const values = merge(changes).map(
    (change) => sql`(${change.kind}, string_to_array(${change.itemIds.join(',')}, ',')::uuid[])`,
  );
  const result = await tx.execute(sql`
    with added as (
      insert into ${workspaceEvents} (workspace_id, kind, item_ids)
      select ${workspaceId}::uuid, change.kind, change.item_ids
      from (select pg_advisory_xact_lock(hashtext(${LIVE_CHANNEL}), hashtext(${workspaceId}))) as ordered,
        (values ${sql.join(values, sql`, `)}) as change (kind, item_ids)
      returning id
    )
    select pg_notify(${LIVE_CHANNEL}, ${`${workspaceId}:`} || max(id)) as notified,
      bool_or(id % ${PRUNE_EVERY} = 0) as prune
    from added`);
  const [row] = (result as unknown as { rows: { prune: boolean | null }[] }).rows;
  if (row?.prune) {
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
