import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { generateKeyBetween } from 'fractional-indexing';
import { type CreateItem, ITEM_LEVELS, type Item, type ItemType, type UpdateItem } from '../../contract';
import type { Database } from '../../db/client';
import { itemDependencies, itemStateChanges, items, memberships, workspaces } from '../../db/schema';
import type { Decision } from '../../domain/decision-rights';
import { type ScoreSetting, settingsForAll, trackScoreSettings } from '../../domain/prioritization';
import { AppError, notFound } from '../errors';
import { isUuid, requireContributor, requireDecision } from '../policies/access';
import { type ItemRow, label, presentItem } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';
import { logItemDecisions } from './item-decisions';
import { movesCommittedDate, recordSlip, requireSlipReason } from './slips';
import { pickWorkflowState } from './workflow-states';

export type { CommandContext } from './context';

/** initiative › epic › feature / task / bug: a parent sits on a strictly higher level. */

export async function loadDeps(db: Database, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      itemId: itemDependencies.itemId,
      dependsOnId: itemDependencies.dependsOnId,
      lagDays: itemDependencies.lagDays,
    })
    .from(itemDependencies)
    .where(inArray(itemDependencies.itemId, itemIds));
}

export async function loadRow(db: Database, workspaceId: string, itemId: string): Promise<ItemRow> {
  if (!isUuid(itemId)) throw notFound('Item');
  const [row] = await db
    .select()
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.workspaceId, workspaceId)))
    .limit(1);
  if (!row) throw notFound('Item');
  return row;
}

/** Refuses a parent that is missing, the item itself, or not on a higher level than the item. */
export async function checkParent(
  db: Database,
  workspaceId: string,
  type: ItemType,
  parentId: string | null | undefined,
  selfId?: string,
): Promise<void> {
  if (!parentId) return;
  if (parentId === selfId)
    throw new AppError('validation_failed', 'parentId: an item cannot be its own parent');
  if (!isUuid(parentId)) throw new AppError('validation_failed', 'parentId: no such item in this workspace');
  const [parent] = await db
    .select({ type: items.type, number: items.number, title: items.title })
    .from(items)
    .where(and(eq(items.id, parentId), eq(items.workspaceId, workspaceId)))
    .limit(1);
  if (!parent) throw new AppError('validation_failed', 'parentId: no such item in this workspace');
  if (ITEM_LEVELS[parent.type] >= ITEM_LEVELS[type]) {
    throw new AppError(
      'validation_failed',
      `parentId: a ${type} cannot sit under a ${parent.type} (${label(parent)}); the levels are initiative › epic › feature, task or bug`,
    );
  }
}

async function checkAssignee(db: Database, workspaceId: string, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const [m] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, assigneeId)))
    .limit(1);
  if (!m)
    throw new AppError('validation_failed', 'assigneeId: the assignee must be a member of this workspace');
}

/** True when a state change moves an item into or out of `cancelled`, i.e. in or out of scope. */
export function isScopeTransition(from: string | null, to: string | undefined): boolean {
  if (to === undefined) return false;
  return to === 'cancelled' || (from === 'cancelled' && to !== 'cancelled');
}

/** Decisions a write touches, from the fields it sets (requirements text needs its own right). */
function decisionsFor(input: Partial<UpdateItem>, current: ItemRow | null): Decision[] {
  const needed = new Set<Decision>();
  const has = (key: keyof UpdateItem) => input[key] !== undefined;
  if (current && (has('title') || has('description') || has('labels'))) needed.add('requirements');
  if (current && (has('type') || has('parentId'))) needed.add('scope');
  // Cancelling cuts an item from scope and un-cancelling brings it back: both are scope
  // decisions. Other moves along the workflow (including reopening done work) are open to
  // every contributor, as the default decision rights intend.
  if (isScopeTransition(current?.state ?? null, input.state)) needed.add('scope');
  if (current && has('scopeQuestion') && input.scopeQuestion === null && current.scopeQuestion !== null) {
    needed.add('scope'); // Answering a scope question is a scope decision; asking one is open to all.
  }
  if (has('estimate') || has('storyPoints') || has('actualEffort')) needed.add('estimates');
  if (has('scores')) needed.add('backlog_order');
  if (has('targetDate')) needed.add('delivery_dates');
  if (has('assigneeId')) needed.add('assignment');
  if (has('skills')) needed.add('technical_approach');
  return [...needed];
}

/**
 * Captures a new work item at the bottom of the backlog. It waits in the product owner's inbox
 * until someone with the ordering right places it.
 */
export async function createItem(ctx: CommandContext, input: CreateItem): Promise<Item> {
  const { db, actor } = ctx;
  requireContributor(actor);
  for (const decision of decisionsFor(input, null)) await requireDecision(db, actor, decision);
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      await checkParent(tx, actor.workspaceId, input.type, input.parentId);
      await checkAssignee(tx, actor.workspaceId, input.assigneeId);
      // Locking the workspace row serialises item numbers and bottom ranks per workspace.
      const [ws] = await tx
        .update(workspaces)
        .set({ nextItemNumber: sql`${workspaces.nextItemNumber} + 1` })
        .where(eq(workspaces.id, actor.workspaceId))
        .returning({ number: sql<number>`${workspaces.nextItemNumber} - 1` });
      if (!ws) throw notFound('Workspace');
      const [last] = await tx
        .select({ rank: items.rank })
        .from(items)
        .where(eq(items.workspaceId, actor.workspaceId))
        .orderBy(sql`${items.rank} desc`)
        .limit(1);
      const now = new Date();
      const state = input.state ?? 'new';
      const placed = await pickWorkflowState(tx, actor.workspaceId, { state });
      const [row] = await tx
        .insert(items)
        .values({
          workspaceId: actor.workspaceId,
          number: ws.number,
          type: input.type,
          title: input.title,
          description: input.description ?? '',
          parentId: input.parentId ?? null,
          state,
          workflowStateId: placed?.workflowStateId ?? null,
          rank: generateKeyBetween(last?.rank ?? null, null),
          estimateOptimistic: input.estimate?.optimistic ?? null,
          estimateLikely: input.estimate?.likely ?? null,
          estimatePessimistic: input.estimate?.pessimistic ?? null,
          estimatedBy: input.estimate ? actor.userId : null,
          estimatedAt: input.estimate ? now : null,
          storyPoints: input.storyPoints ?? null,
          scores: input.scores ?? {},
          scoreProvenance: settingsForAll(input.scores ?? {}, typedBy(actor.userId, now)),
          skills: input.skills ?? [],
          labels: input.labels ?? [],
          assigneeId: input.assigneeId ?? null,
          targetDate: input.targetDate ?? null,
          scopeQuestion: input.scopeQuestion ?? null,
          scopeQuestionAt: input.scopeQuestion ? now : null,
          createdBy: actor.userId,
          completedAt: state === 'done' ? now : null,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await tx.insert(itemStateChanges).values({
        workspaceId: actor.workspaceId,
        itemId: row.id,
        fromState: null,
        toState: state,
        toWorkflowStateId: placed?.workflowStateId ?? null,
        changedBy: actor.userId,
      });
      return presentItem(row, []);
    },
    (item) => ({ kind: 'itemCreated', itemIds: [item.id] }),
  );
}

const typedBy = (userId: string, at: Date): ScoreSetting => ({
  by: userId,
  at: at.toISOString(),
  source: 'typed',
});

export function versionConflict(current: Item): AppError {
  return new AppError(
    'version_conflict',
    `Someone changed #${current.number} since you loaded it (now version ${current.version}): review their change, then reapply yours`,
    { details: { current } },
  );
}

/**
 * Updates an item if the caller still holds its current version; a stale version answers 409
 * with the current item and changes nothing. Each field is checked against the decision it
 * belongs to, and decisions go to the log. Moving a committed target date needs a reason and is
 * stored as a slip (see `slips.ts`).
 * @param ctx the database and the caller
 * @param input the item, the version the caller saw and the fields to change
 * @returns the item as it now is
 */
export async function updateItem(
  ctx: CommandContext,
  request: UpdateItem & { itemId: string; version: number },
  /** How the scores this update sets came to be, when not typed (see ideas-reach.ts). */
  scoreOrigin: Omit<ScoreSetting, 'by' | 'at'> = { source: 'typed' },
): Promise<Item> {
  const { db, actor } = ctx;
  requireContributor(actor);
  const current = await loadRow(db, actor.workspaceId, request.itemId);
  // A workflow state sets the built-in state it stands for; a built-in state picks its first workflow state.
  const placed = await pickWorkflowState(db, actor.workspaceId, request);
  const input = placed ? { ...request, state: placed.state } : request;
  for (const decision of decisionsFor(input, current)) await requireDecision(db, actor, decision);
  requireSlipReason(current, input.targetDate, input.rationale);
  const slips = movesCommittedDate(current, input.targetDate);

  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      const type = input.type ?? current.type;
      if (input.parentId !== undefined || input.type !== undefined) {
        await checkParent(
          tx,
          actor.workspaceId,
          type,
          input.parentId === undefined ? current.parentId : input.parentId,
          current.id,
        );
      }
      if (input.type !== undefined) {
        const children = await tx
          .select({ type: items.type, number: items.number, title: items.title })
          .from(items)
          .where(eq(items.parentId, current.id));
        const clash = children.find((ch) => ITEM_LEVELS[ch.type] <= ITEM_LEVELS[type]);
        if (clash) {
          throw new AppError(
            'validation_failed',
            `type: ${label(clash)} (a ${clash.type}) cannot stay under a ${type}`,
          );
        }
      }
      await checkAssignee(tx, actor.workspaceId, input.assigneeId);
      const now = new Date();
      const set: PgUpdateSetSource<typeof items> = {
        updatedAt: now,
        version: sql`${items.version} + 1`,
      };
      if (input.type !== undefined) set.type = input.type;
      if (input.title !== undefined) set.title = input.title;
      if (input.description !== undefined) set.description = input.description;
      if (input.parentId !== undefined) set.parentId = input.parentId;
      if (input.labels !== undefined) set.labels = input.labels;
      if (input.scores !== undefined) {
        set.scores = input.scores;
        // The update applies only at input.version, whose scores are `current`'s when the versions
        // match; otherwise it answers 409 and changes nothing.
        if (current.version === input.version) {
          set.scoreProvenance = trackScoreSettings({
            before: current.scores,
            provenance: current.scoreProvenance,
            after: input.scores,
            setting: { ...scoreOrigin, by: actor.userId, at: now.toISOString() },
          });
        }
      }
      if (input.skills !== undefined) set.skills = input.skills;
      if (input.assigneeId !== undefined) {
        // An assignment made here replaces the one an imported file named.
        set.assigneeId = input.assigneeId;
        set.importedAssignee = null;
      }
      if (input.targetDate !== undefined) {
        set.targetDate = input.targetDate;
        // A moved committed date stays committed (it is the new promise); a cleared one is not.
        if (input.targetDate === null) set.targetDateCommittedAt = null;
        else if (slips) set.targetDateCommittedAt = now;
      }
      if (input.actualEffort !== undefined) set.actualEffort = input.actualEffort;
      if (input.storyPoints !== undefined) set.storyPoints = input.storyPoints;
      if (input.scopeQuestion !== undefined) {
        set.scopeQuestion = input.scopeQuestion;
        set.scopeQuestionAt = input.scopeQuestion ? now : null;
      }
      if (input.estimate !== undefined) {
        set.estimateOptimistic = input.estimate?.optimistic ?? null;
        set.estimateLikely = input.estimate?.likely ?? null;
        set.estimatePessimistic = input.estimate?.pessimistic ?? null;
        set.estimatedBy = input.estimate ? actor.userId : null;
        set.importedEstimatedBy = null;
        set.estimatedAt = input.estimate ? now : null;
      }
      const stateChanged = input.state !== undefined && input.state !== current.state;
      if (stateChanged && input.state) {
        set.state = input.state;
        set.completedAt = input.state === 'done' ? now : null;
      }
      // Moving within the same built-in state (In review → QA) changes only the workflow state.
      if (placed && (stateChanged || request.workflowStateId !== undefined)) {
        set.workflowStateId = placed.workflowStateId;
      }
      const [row] = await tx
        .update(items)
        .set(set)
        .where(and(eq(items.id, current.id), eq(items.version, input.version)))
        .returning();
      if (!row) {
        const latest = await loadRow(tx, actor.workspaceId, current.id);
        throw versionConflict(presentItem(latest, await loadDeps(tx, [latest.id])));
      }
      // A move between two workflow states of one built-in state (In review → Waiting for QA) is
      // history too: flow efficiency and the cumulative flow read the workflow state entered.
      const movedWithin =
        placed !== null &&
        request.workflowStateId !== undefined &&
        placed.workflowStateId !== current.workflowStateId;
      if ((stateChanged && input.state) || movedWithin) {
        await tx.insert(itemStateChanges).values({
          workspaceId: actor.workspaceId,
          itemId: row.id,
          fromState: current.state,
          toState: row.state,
          toWorkflowStateId: placed?.workflowStateId ?? null,
          changedBy: actor.userId,
          changedAt: now,
        });
      }
      const logged = await logItemDecisions(tx, actor, current, input, { slip: slips });
      if (slips && current.targetDate) {
        await recordSlip(tx, {
          workspaceId: actor.workspaceId,
          itemId: row.id,
          fromDate: current.targetDate,
          toDate: input.targetDate ?? null,
          reason: input.rationale ?? '',
          movedBy: actor.userId,
          decisionId: logged.delivery_dates ?? null,
          movedAt: now,
        });
      }
      return presentItem(row, await loadDeps(tx, [row.id]));
    },
    (item) => ({ kind: 'itemChanged', itemIds: [item.id] }),
  );
}
