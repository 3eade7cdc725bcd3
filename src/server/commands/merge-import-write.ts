/**
 * Writes what `planMerge` found, inside the import's transaction: new items with their history,
 * field updates with their version bumped and each change recorded as an edit in Headway would
 * be (state history, decision log, slips), the missing dependencies, and one log entry for the
 * import as a whole.
 */
import { and, eq } from 'drizzle-orm';
import { ITEM_LEVELS, type UpdateItem } from '../../contract';
import type { Database } from '../../db/client';
import { itemDependencies, itemStateChanges, items, workspaces } from '../../db/schema';
import type { Actor } from '../policies/access';
import { label, presentItem } from '../presenters/item';
import { recordDecision } from './decision-log';
import { logItemDecisions } from './item-decisions';
import { loadDeps, loadRow, versionConflict } from './items';
import type { MergeCreate, MergePlan, MergeUpdate } from './merge-import-plan';
import { movesCommittedDate, recordSlip } from './slips';

/** Rows per insert: far below PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500;

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export interface MergeWriteContext {
  actor: Actor;
  /** Current members by lower-case e-mail: an assignee the file names who is one is assigned. */
  memberIds: ReadonlyMap<string, string>;
  fileName: string | null;
  now: Date;
}

function newRow(c: MergeCreate, plan: MergePlan, context: MergeWriteContext): typeof items.$inferInsert {
  const it = c.item;
  const assignee = it.assignee?.toLowerCase() ?? null;
  const assigneeId = assignee ? (context.memberIds.get(assignee) ?? null) : null;
  return {
    id: c.id,
    workspaceId: context.actor.workspaceId,
    number: c.number,
    type: it.type,
    title: it.title,
    description: it.description,
    parentId: c.parentId,
    state: it.state,
    rank: c.rank,
    estimateOptimistic: it.estimate?.optimistic ?? null,
    estimateLikely: it.estimate?.likely ?? null,
    estimatePessimistic: it.estimate?.pessimistic ?? null,
    actualEffort: it.actualEffort,
    storyPoints: it.storyPoints ?? null,
    labels: it.labels,
    assigneeId,
    // Someone the file names who is not a member stays imported attribution, never an account.
    importedAssignee: assigneeId ? null : assignee,
    targetDate: it.targetDate,
    importedCreatedBy: it.createdBy?.toLowerCase() ?? null,
    createdAt: new Date(it.createdAt),
    updatedAt: new Date(it.updatedAt),
    completedAt: it.completedAt ? new Date(it.completedAt) : null,
    version: 1,
    externalSource: plan.source,
    externalKey: c.key,
    externalVersion: 1,
  };
}

async function writeCreates(tx: Database, plan: MergePlan, context: MergeWriteContext): Promise<void> {
  if (plan.creates.length === 0) return;
  // Parents first: a parent the file also creates must exist when its child references it.
  const ordered = [...plan.creates].sort(
    (a, b) => ITEM_LEVELS[a.item.type] - ITEM_LEVELS[b.item.type] || a.number - b.number,
  );
  for (const part of batches(ordered))
    await tx.insert(items).values(part.map((c) => newRow(c, plan, context)));
  const history = plan.history.map((h) => ({
    workspaceId: context.actor.workspaceId,
    itemId: h.itemId,
    fromState: h.from,
    toState: h.to,
    changedAt: h.at,
  }));
  for (const part of batches(history)) await tx.insert(itemStateChanges).values(part);
  await tx
    .update(workspaces)
    .set({ nextItemNumber: plan.nextItemNumber })
    .where(eq(workspaces.id, context.actor.workspaceId));
}

/** The why every change of an update carries in the decision log. */
function noteFor(u: MergeUpdate, plan: MergePlan, context: MergeWriteContext): string {
  const from = `From the ${plan.source} import${context.fileName ? ` of ${context.fileName}` : ''} (${u.key})`;
  if (!u.changedHere) return `${from}.`;
  return `${from}; ${label(u.row)} had changed in Headway since the last import (version ${u.row.externalVersion} then, ${u.row.version} now): the file's ${u.fields.join(', ')} replace${u.fields.length === 1 ? 's' : ''} what was there.`;
}

async function writeUpdate(tx: Database, u: MergeUpdate, plan: MergePlan, context: MergeWriteContext) {
  const { actor, now } = context;
  const { row, next, fields } = u;
  const has = (field: MergeUpdate['fields'][number]) => fields.includes(field);
  const slip = has('targetDate') && movesCommittedDate(row, next.targetDate);
  const set: Partial<typeof items.$inferInsert> = {
    updatedAt: now,
    version: row.version + 1,
    externalVersion: row.version + 1,
  };
  if (has('title')) set.title = next.title;
  if (has('description')) set.description = next.description;
  if (has('type')) set.type = next.type;
  if (has('labels')) set.labels = [...next.labels];
  if (has('storyPoints')) set.storyPoints = next.storyPoints;
  if (has('parent')) set.parentId = next.parent;
  if (has('estimate')) {
    set.estimateOptimistic = next.estimate?.optimistic ?? null;
    set.estimateLikely = next.estimate?.likely ?? null;
    set.estimatePessimistic = next.estimate?.pessimistic ?? null;
    // The file's estimate: nobody here made it.
    set.estimatedBy = null;
    set.importedEstimatedBy = null;
    set.estimatedAt = next.estimate ? now : null;
  }
  if (has('targetDate')) {
    set.targetDate = next.targetDate;
    if (next.targetDate === null) set.targetDateCommittedAt = null;
    else if (slip) set.targetDateCommittedAt = now;
  }
  if (has('state')) {
    set.state = next.state;
    set.completedAt = next.state === 'done' ? u.movedAt : null;
  }
  const [written] = await tx
    .update(items)
    .set(set)
    .where(and(eq(items.id, row.id), eq(items.version, row.version)))
    .returning({ id: items.id });
  if (!written) {
    // Someone saved the item while the import ran: the whole import rolls back (409).
    const latest = await loadRow(tx, actor.workspaceId, row.id);
    throw versionConflict(presentItem(latest, await loadDeps(tx, [latest.id])));
  }
  if (has('state')) {
    await tx.insert(itemStateChanges).values({
      workspaceId: actor.workspaceId,
      itemId: row.id,
      fromState: row.state,
      toState: next.state,
      changedBy: actor.userId,
      changedAt: u.movedAt,
    });
  }
  const rationale = noteFor(u, plan, context);
  const decided: UpdateItem = { rationale };
  if (has('estimate')) decided.estimate = next.estimate;
  if (has('storyPoints')) decided.storyPoints = next.storyPoints;
  if (has('type')) decided.type = next.type;
  if (has('parent')) decided.parentId = next.parent;
  if (has('state')) decided.state = next.state;
  if (has('targetDate')) decided.targetDate = next.targetDate;
  const logged = await logItemDecisions(tx, actor, row, decided, { slip });
  const texts = fields.filter((f) => f === 'title' || f === 'description' || f === 'labels');
  // Edits of the text are requirements decisions; an edit here logs none, an import says what it replaced.
  if (texts.length > 0 || (u.changedHere && Object.keys(logged).length === 0)) {
    await recordDecision(tx, {
      workspaceId: actor.workspaceId,
      decision: 'requirements',
      itemId: row.id,
      actorId: actor.userId,
      summary: `Updated the ${fields.join(', ')} of ${label(row)} from ${plan.source} ${u.key}`,
      rationale,
      details: {
        import: { source: plan.source, key: u.key, changedHere: u.changedHere },
        fields,
        before: Object.fromEntries(texts.map((f) => [f, row[f]])),
        after: Object.fromEntries(texts.map((f) => [f, next[f]])),
      },
    });
  }
  if (slip && row.targetDate) {
    await recordSlip(tx, {
      workspaceId: actor.workspaceId,
      itemId: row.id,
      fromDate: row.targetDate,
      toDate: next.targetDate,
      reason: rationale,
      movedBy: actor.userId,
      decisionId: logged.delivery_dates ?? null,
      movedAt: now,
    });
  }
}

/**
 * Writes a merge plan in the caller's transaction.
 * @param tx the import's transaction (the workspace's order is locked)
 * @param plan what planMerge found
 * @param context who imports, the members to assign, the file's name and the time
 * @throws AppError version_conflict when an item changed while the import ran (nothing is kept)
 */
export async function writeMerge(tx: Database, plan: MergePlan, context: MergeWriteContext): Promise<void> {
  const { actor } = context;
  await writeCreates(tx, plan, context);
  for (const u of plan.updates) await writeUpdate(tx, u, plan, context);
  const edges = plan.dependencies.map((d) => ({ workspaceId: actor.workspaceId, ...d, lagDays: 0 }));
  for (const part of batches(edges)) await tx.insert(itemDependencies).values(part);
  if (plan.creates.length + plan.updates.length + edges.length === 0) return;
  await recordDecision(tx, {
    workspaceId: actor.workspaceId,
    decision: 'scope',
    actorId: actor.userId,
    summary: `Imported ${context.fileName ?? `a ${plan.source} file`}: ${plan.creates.length} created, ${plan.updates.length} updated, ${plan.unchanged} unchanged, ${edges.length} dependencies added`,
    details: {
      import: { source: plan.source, fileName: context.fileName },
      created: plan.creates.map((c) => c.key),
      updated: plan.updates.map((u) => u.key),
      dependencies: edges.length,
      refusedDependencies: plan.refusedDependencies,
    },
  });
}
