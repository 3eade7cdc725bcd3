/**
 * Writes what GitHub says about issues and pull requests into the workspace's items, inside the
 * caller's transaction: new items numbered and ranked after the last one (they wait to be
 * ordered), state moves recorded in the state history at the times GitHub gives, so throughput,
 * cycle time and forecasts read them as they read work done here. Rules: domain/github.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import { type ItemState, LIMITS } from '../../contract';
import type { Database } from '../../db/client';
import { itemStateChanges, items, workspaces } from '../../db/schema';
import { findPullRequestRefs, type SyncedState, stateOfIssue, stateOfPullRequest } from '../../domain/github';
import { applyIncidents } from './incidents';

/** An issue with the fields Headway reads (the REST listing's and the webhook's shape). */
export interface GithubIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  labels?: (string | { name?: string | null })[];
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  assignee?: { login: string } | null;
  pull_request?: unknown;
}

/** A pull request with the fields Headway reads. */
export interface GithubPull {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  merged_at?: string | null;
  head: { ref: string };
  user?: { login: string } | null;
}

type ItemRow = typeof items.$inferSelect;
type Transition = { itemId: string; from: ItemState | null; to: SyncedState; at: Date };

const SOURCE = 'github' as const;
const CHUNK = 500;
const keyOf = (n: number) => `#${n}`;
const open = (state: string): 'open' | 'closed' => (state === 'closed' ? 'closed' : 'open');

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** The fields of a new or updated item that GitHub decides. */
interface Synced {
  key: string;
  type: 'feature' | 'bug' | 'task';
  title: string;
  description: string;
  labels: string[];
  assignee: string | null;
  createdAt: Date;
  /** The state with the moment it was reached, and the moments of the states before it. */
  history: { state: SyncedState; at: Date }[];
}

function titleOf(title: string, number: number): string {
  const trimmed = title.trim().slice(0, LIMITS.titleChars);
  return trimmed === '' ? `GitHub #${number}` : trimmed;
}

function fromIssue(issue: GithubIssue, current: string | null): Synced {
  const labels = (issue.labels ?? [])
    .map((l) => (typeof l === 'string' ? l : (l.name ?? '')).slice(0, 100))
    .filter((l) => l !== '');
  const createdAt = new Date(issue.created_at);
  const state = stateOfIssue({ state: open(issue.state), stateReason: issue.state_reason ?? null }, current);
  const history: Synced['history'] = [{ state: 'new', at: createdAt }];
  if (state && state !== 'new') history.push({ state, at: new Date(issue.closed_at ?? issue.updated_at) });
  return {
    key: keyOf(issue.number),
    type: labels.some((l) => l.toLowerCase() === 'bug') ? 'bug' : 'feature',
    title: titleOf(issue.title, issue.number),
    description: (issue.body ?? '').slice(0, LIMITS.descriptionChars),
    labels,
    assignee: issue.assignee?.login ?? null,
    createdAt,
    history: current === null || state !== null ? history : [],
  };
}

function fromPull(pull: GithubPull): Synced {
  const createdAt = new Date(pull.created_at);
  const state = stateOfPullRequest({ state: open(pull.state), mergedAt: pull.merged_at ?? null });
  const history: Synced['history'] = [{ state: 'in_progress', at: createdAt }];
  if (state === 'done') history.push({ state, at: new Date(pull.merged_at as string) });
  if (state === 'cancelled') history.push({ state, at: new Date(pull.closed_at ?? pull.updated_at) });
  return {
    key: keyOf(pull.number),
    type: 'task',
    title: titleOf(pull.title, pull.number),
    description: (pull.body ?? '').slice(0, LIMITS.descriptionChars),
    labels: [],
    assignee: pull.user?.login ?? null,
    createdAt,
    history,
  };
}

/** Each number once, as it was last updated (a listing read while it changes can repeat one). */
function latestOf<T extends { number: number; updated_at: string }>(list: T[]): T[] {
  const byNumber = new Map<number, T>();
  for (const entry of list) {
    const seen = byNumber.get(entry.number);
    if (!seen || Date.parse(entry.updated_at) >= Date.parse(seen.updated_at))
      byNumber.set(entry.number, entry);
  }
  return [...byNumber.values()];
}

async function loadByKeys(tx: Database, workspaceId: string, keys: string[]): Promise<Map<string, ItemRow>> {
  const found = new Map<string, ItemRow>();
  for (const part of chunks([...new Set(keys)])) {
    const rows = await tx
      .select()
      .from(items)
      .where(
        and(
          eq(items.workspaceId, workspaceId),
          eq(items.externalSource, SOURCE),
          inArray(items.externalKey, part),
        ),
      );
    for (const row of rows) found.set(row.externalKey as string, row);
  }
  return found;
}

/** Creates items for what GitHub has and the workspace does not, numbered and ranked last. */
async function createItems(tx: Database, workspaceId: string, created: Synced[]): Promise<string[]> {
  if (created.length === 0) return [];
  const [ws] = await tx
    .select({ next: workspaces.nextItemNumber })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for('no key update');
  const [last] = await tx
    .select({ rank: items.rank })
    .from(items)
    .where(eq(items.workspaceId, workspaceId))
    .orderBy(sql`${items.rank} desc`)
    .limit(1);
  if (!ws) throw new Error('the workspace vanished');
  const ranks = generateNKeysBetween(last?.rank ?? null, null, created.length);
  const rows = created.map((s, i) => {
    const final = s.history.at(-1) as Synced['history'][number];
    return {
      workspaceId,
      number: ws.next + i,
      type: s.type,
      title: s.title,
      description: s.description,
      state: final.state,
      rank: ranks[i] as string,
      labels: s.labels,
      importedAssignee: s.assignee,
      createdAt: s.createdAt,
      updatedAt: final.at,
      completedAt: final.state === 'done' ? final.at : null,
      externalSource: SOURCE,
      externalKey: s.key,
      externalVersion: 1,
    };
  });
  const ids: string[] = [];
  for (const part of chunks(rows)) {
    ids.push(...(await tx.insert(items).values(part).returning({ id: items.id })).map((r) => r.id));
  }
  const history = created.flatMap((s, i) =>
    s.history.map((h, j) => ({
      workspaceId,
      itemId: ids[i] as string,
      fromState: j === 0 ? null : (s.history[j - 1]?.state ?? null),
      toState: h.state,
      changedAt: h.at,
    })),
  );
  for (const part of chunks(history)) await tx.insert(itemStateChanges).values(part);
  await tx
    .update(workspaces)
    .set({ nextItemNumber: ws.next + created.length })
    .where(eq(workspaces.id, workspaceId));
  return ids;
}

/**
 * State moves gathered over a batch and written at once: one history row per move, and one
 * update per item (its last state, its version bumped once), in a single statement.
 */
class Moves {
  private readonly rows = new Map<string, ItemRow>();
  private readonly history: Transition[] = [];

  /** Records that an item was started earlier than its finish, without moving it now. */
  addStart(row: ItemRow, at: Date): void {
    this.history.push({ itemId: row.id, from: 'new', to: 'in_progress', at });
  }

  /** Moves an item (its row is kept current, so later rules see the new state). */
  add(row: ItemRow, to: SyncedState, at: Date): void {
    this.history.push({ itemId: row.id, from: row.state, to, at });
    row.state = to;
    row.completedAt = to === 'done' ? at : null;
    this.rows.set(row.id, row);
  }

  get ids(): string[] {
    return [...this.rows.keys()];
  }

  async write(tx: Database, workspaceId: string): Promise<void> {
    for (const part of chunks(this.history)) {
      await tx.insert(itemStateChanges).values(
        part.map((h) => ({
          workspaceId,
          itemId: h.itemId,
          fromState: h.from,
          toState: h.to,
          changedAt: h.at,
        })),
      );
    }
    for (const part of chunks([...this.rows.values()])) {
      const values = sql.join(
        part.map(
          (r) => sql`(${r.id}::uuid, ${r.state}, ${r.completedAt?.toISOString() ?? null}::timestamptz)`,
        ),
        sql`, `,
      );
      await tx.execute(sql`
        update ${items} set
          state = v.state,
          completed_at = v.completed_at,
          updated_at = now(),
          version = ${items.version} + 1,
          external_version = case when ${items.externalSource} = ${SOURCE} then ${items.version} + 1 else ${items.externalVersion} end
        from (values ${values}) as v(id, state, completed_at)
        where ${items.id} = v.id`);
    }
  }
}

/**
 * Creates or updates the items of GitHub issues (pull requests in the list are left out).
 * @returns the ids of the items created or changed
 */
export async function applyIssues(
  tx: Database,
  workspaceId: string,
  given: GithubIssue[],
): Promise<string[]> {
  const issues = latestOf(given.filter((i) => i.pull_request === undefined || i.pull_request === null));
  const known = await loadByKeys(
    tx,
    workspaceId,
    issues.map((i) => keyOf(i.number)),
  );
  const created: Synced[] = [];
  const changed: string[] = [];
  const moves = new Moves();
  for (const issue of issues) {
    const row = known.get(keyOf(issue.number));
    const synced = fromIssue(issue, row?.state ?? null);
    if (!row) {
      created.push(synced);
      continue;
    }
    const fields: Partial<ItemRow> = {};
    if (row.title !== synced.title) fields.title = synced.title;
    if (row.description !== synced.description) fields.description = synced.description;
    if (JSON.stringify(row.labels) !== JSON.stringify(synced.labels)) fields.labels = synced.labels;
    const final = synced.history.at(-1);
    if (Object.keys(fields).length > 0) {
      await tx
        .update(items)
        .set({ ...fields, updatedAt: new Date(), version: row.version + 1, externalVersion: row.version + 1 })
        .where(eq(items.id, row.id));
      changed.push(row.id);
    }
    // Back to new is a reopening: it happened when the issue last changed.
    if (final && final.state !== row.state) {
      moves.add(row, final.state, final.state === 'new' ? new Date(issue.updated_at) : final.at);
    }
  }
  await moves.write(tx, workspaceId);
  await applyIncidents(tx, workspaceId, issues);
  return [...new Set([...changed, ...moves.ids, ...(await createItems(tx, workspaceId, created))])];
}

/** The items among these whose history already holds a start. */
async function findStarted(tx: Database, rows: ItemRow[]): Promise<Set<string>> {
  const ids = [...new Set(rows.filter((r) => r.state === 'done').map((r) => r.id))];
  const found = new Set<string>();
  for (const part of chunks(ids)) {
    const starts = await tx
      .selectDistinct({ id: itemStateChanges.itemId })
      .from(itemStateChanges)
      .where(
        and(
          inArray(itemStateChanges.itemId, part),
          inArray(itemStateChanges.toState, ['in_progress', 'in_review']),
        ),
      );
    for (const { id } of starts) found.add(id);
  }
  return found;
}

/**
 * Applies pull requests: the items each one names are started when it opens (and Headway's own
 * items finished when it merges); one that names no item becomes a task of its own.
 * @returns the ids of the items created or changed
 */
export async function applyPulls(tx: Database, workspaceId: string, given: GithubPull[]): Promise<string[]> {
  const pulls = latestOf(given);
  const refs = pulls.map((p) =>
    findPullRequestRefs({ number: p.number, branch: p.head.ref, title: p.title, body: p.body ?? '' }),
  );
  const byKey = await loadByKeys(tx, workspaceId, [
    ...pulls.map((p) => keyOf(p.number)),
    ...refs.flatMap((r) => r.issues.map(keyOf)),
  ]);
  const numbers = [...new Set(refs.flatMap((r) => r.items))];
  const byNumber = new Map<number, ItemRow>();
  for (const part of chunks(numbers)) {
    const rows = await tx
      .select()
      .from(items)
      .where(and(eq(items.workspaceId, workspaceId), inArray(items.number, part)));
    for (const row of rows) byNumber.set(row.number, row);
  }
  const started = await findStarted(tx, [...byKey.values(), ...byNumber.values()]);
  const created: Synced[] = [];
  const moves = new Moves();
  for (const [index, pull] of pulls.entries()) {
    const ref = refs[index] as (typeof refs)[number];
    const targets = [
      ...ref.issues.map((n) => byKey.get(keyOf(n))),
      ...ref.items.map((n) => byNumber.get(n)),
    ].filter((t): t is ItemRow => t !== undefined && t.externalKey !== keyOf(pull.number));
    if (targets.length === 0) {
      const own = byKey.get(keyOf(pull.number));
      const synced = fromPull(pull);
      const final = synced.history.at(-1) as Synced['history'][number];
      if (!own) created.push(synced);
      else if (own.state !== final.state) moves.add(own, final.state, final.at);
      continue;
    }
    const working = pull.merged_at || open(pull.state) === 'open';
    for (const target of new Set(targets)) {
      const opened = new Date(pull.created_at);
      if (working && (target.state === 'new' || target.state === 'ready')) {
        moves.add(target, 'in_progress', opened);
        started.add(target.id);
      } else if (working && target.state === 'done' && !started.has(target.id)) {
        // Finished before this sync saw the pull request (a backfill): its start is history.
        if (target.completedAt && opened < target.completedAt) moves.addStart(target, opened);
        started.add(target.id);
      }
      const ours = target.externalSource !== SOURCE;
      if (pull.merged_at && ours && target.state !== 'done' && target.state !== 'cancelled') {
        moves.add(target, 'done', new Date(pull.merged_at));
      }
    }
  }
  await moves.write(tx, workspaceId);
  return [...new Set([...moves.ids, ...(await createItems(tx, workspaceId, created))])];
}
