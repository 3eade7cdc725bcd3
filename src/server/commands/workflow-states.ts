/**
 * A workspace's workflow: its states' names, board order and WIP limits, each standing for a
 * built-in item state. Changing the workflow is part of how the team works, the technical
 * approach decision (the tech side by default), and every change is logged.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import {
  BUILTIN_STATE_CATEGORIES,
  type CreateWorkflowState,
  DEFAULT_WORKFLOW_STATES,
  type DeleteWorkflowState,
  type ItemState,
  type UpdateWorkflowState,
  WORKFLOW_LIMITS,
  type Workflow,
  type WorkflowState,
} from '../../contract';
import type { Database } from '../../db/client';
import { items, workflowStates } from '../../db/schema';
import { findFirstStateOf, moveState, resolveWorkflowState } from '../../domain/flow';
import { LEAF_TYPES } from '../../domain/planning';
import { AppError, notFound } from '../errors';
import { isUuid, requireContributor, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';

type StateRow = typeof workflowStates.$inferSelect;
const LEAVES = [...LEAF_TYPES] as ('feature' | 'task' | 'bug')[];

/**
 * Gives a new workspace the default workflow: one state per built-in state, named as Headway
 * names them. Called wherever a workspace is created.
 * @param db the transaction creating the workspace
 * @param workspaceId the new workspace
 */
export async function seedWorkflow(db: Database, workspaceId: string): Promise<void> {
  await db.insert(workflowStates).values(
    DEFAULT_WORKFLOW_STATES.map((s, position) => ({
      workspaceId,
      name: s.name,
      builtinState: s.builtinState,
      category: BUILTIN_STATE_CATEGORIES[s.builtinState],
      position,
    })),
  );
}

/**
 * A workspace's workflow states in board order.
 * @param db the database
 * @param workspaceId the workspace
 * @param lock lock the rows until the transaction ends (writers of the workflow do)
 */
export async function loadWorkflowStates(
  db: Database,
  workspaceId: string,
  lock = false,
): Promise<StateRow[]> {
  const query = db
    .select()
    .from(workflowStates)
    .where(eq(workflowStates.workspaceId, workspaceId))
    .orderBy(asc(workflowStates.position), asc(workflowStates.name));
  return lock ? query.for('update') : query;
}

/** Features, tasks and bugs per workflow state, each item counted in the state it resolves to. */
async function countItems(db: Database, workspaceId: string, states: readonly StateRow[]) {
  const rows = await db
    .select({ state: items.state, workflowStateId: items.workflowStateId, n: count() })
    .from(items)
    .where(and(eq(items.workspaceId, workspaceId), inArray(items.type, LEAVES)))
    .groupBy(items.state, items.workflowStateId);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const state = resolveWorkflowState(states, row);
    if (state) counts.set(state.id, (counts.get(state.id) ?? 0) + row.n);
  }
  return counts;
}

function present(row: StateRow, itemCount: number): WorkflowState {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    builtinState: row.builtinState,
    position: row.position,
    wipLimit: row.wipLimit,
    waiting: row.waiting,
    blocked: row.blocked,
    itemCount,
    version: row.version,
  };
}

/**
 * A workspace's workflow: its states in board order, each with the items in it now.
 * @param db the database
 * @param workspaceId the workspace
 */
export async function findWorkflow(db: Database, workspaceId: string): Promise<Workflow> {
  const states = await loadWorkflowStates(db, workspaceId);
  const counts = await countItems(db, workspaceId, states);
  return { states: states.map((s) => present(s, counts.get(s.id) ?? 0)) };
}

/**
 * The workflow state an item moving to a built-in state lands in: the one it names (which must
 * stand for that built-in state), else the first that does.
 * @param db the transaction
 * @param workspaceId the workspace
 * @param target the built-in state, the workflow state named, or both
 * @returns the built-in state and the workflow state id (null when the workspace has no workflow)
 * @throws AppError validation_failed for a state of another workspace or one that contradicts `state`
 */
export async function pickWorkflowState(
  db: Database,
  workspaceId: string,
  target: { state?: ItemState | undefined; workflowStateId?: string | undefined },
): Promise<{ state: ItemState; workflowStateId: string | null } | null> {
  if (target.state === undefined && target.workflowStateId === undefined) return null;
  const states = await loadWorkflowStates(db, workspaceId);
  if (target.workflowStateId !== undefined) {
    const named = states.find((s) => s.id === target.workflowStateId);
    if (!named) {
      throw new AppError('validation_failed', 'workflowStateId: no such state in this workspace’s workflow', {
        details: { field: 'workflowStateId' },
      });
    }
    if (target.state !== undefined && target.state !== named.builtinState) {
      throw new AppError(
        'validation_failed',
        `workflowStateId: “${named.name}” stands for ${named.builtinState}, not ${target.state}: send one of the two, or both agreeing`,
        { details: { field: 'workflowStateId' } },
      );
    }
    return { state: named.builtinState, workflowStateId: named.id };
  }
  const state = target.state as ItemState;
  return { state, workflowStateId: findFirstStateOf(states, state)?.id ?? null };
}

async function requireWorkflowRight(ctx: CommandContext): Promise<void> {
  requireContributor(ctx.actor);
  await requireDecision(ctx.db, ctx.actor, 'technical_approach');
}

function requireFreeName(states: readonly StateRow[], name: string, exceptId?: string): void {
  const clash = states.find((s) => s.id !== exceptId && s.name.toLowerCase() === name.toLowerCase());
  if (clash) {
    throw new AppError(
      'validation_failed',
      `name: the workflow already has a state named “${clash.name}”: pick another name`,
      { details: { field: 'name' } },
    );
  }
}

/**
 * Waiting and blocked describe work that has started and stopped moving: a state before work
 * starts, or after it ends, cannot be either (the flow metrics read them within cycle times).
 */
function requireStartedForFlags(
  state: { name: string; builtinState: ItemState },
  flags: { waiting?: boolean | undefined; blocked?: boolean | undefined },
): void {
  const category = BUILTIN_STATE_CATEGORIES[state.builtinState];
  const flag = (['waiting', 'blocked'] as const).find((f) => flags[f] === true);
  if (category === 'started' || flag === undefined) return;
  throw new AppError(
    'validation_failed',
    `${flag}: “${state.name}” stands for ${state.builtinState} (${category}); only a state of started work (in_progress, in_review) can be marked ${flag}`,
    { details: { field: flag } },
  );
}

/** Writes consecutive positions for the ids in their new order (only the rows that moved). */
async function renumber(db: Database, states: readonly StateRow[], order: readonly string[]): Promise<void> {
  const before = new Map(states.map((s) => [s.id, s.position]));
  for (const [position, id] of order.entries()) {
    if (before.get(id) === position) continue;
    await db
      .update(workflowStates)
      .set({ position, version: sql`${workflowStates.version} + 1` })
      .where(eq(workflowStates.id, id));
  }
}

function staleState(current: StateRow, version: number): AppError {
  return new AppError(
    'version_conflict',
    `Someone changed the state “${current.name}” since you loaded it (now version ${current.version}, you sent ${version}): reload the workflow, then try again`,
    { details: { current: present(current, 0) } },
  );
}

async function lockState(ctx: CommandContext, stateId: string) {
  const states = await loadWorkflowStates(ctx.db, ctx.actor.workspaceId, true);
  const state = isUuid(stateId) ? states.find((s) => s.id === stateId) : undefined;
  if (!state) throw notFound('Workflow state');
  return { states, state };
}

async function log(ctx: CommandContext, summary: string, details: Record<string, unknown>): Promise<void> {
  await recordDecision(ctx.db, {
    workspaceId: ctx.actor.workspaceId,
    decision: 'technical_approach',
    actorId: ctx.actor.userId,
    summary,
    details: { workflow: true, ...details },
  });
}

/**
 * Adds a state to the workflow (the technical approach decision, logged).
 * @param ctx the database and the caller
 * @param input its name, the built-in state it stands for, where it goes, its WIP limit and flags
 *   (waiting or blocked, for a started state only)
 * @returns the new state
 */
export async function createWorkflowState(
  ctx: CommandContext,
  input: CreateWorkflowState,
): Promise<WorkflowState> {
  await requireWorkflowRight(ctx);
  return inTransaction(
    ctx,
    async (tx) => {
      const states = await loadWorkflowStates(tx.db, tx.actor.workspaceId, true);
      if (states.length >= WORKFLOW_LIMITS.states) {
        throw new AppError(
          'validation_failed',
          `A workflow holds at most ${WORKFLOW_LIMITS.states} states: remove one first`,
        );
      }
      requireFreeName(states, input.name);
      requireStartedForFlags(input, input);
      const lastOfKind = states.findLastIndex((s) => s.builtinState === input.builtinState);
      const index = input.position ?? (lastOfKind === -1 ? states.length : lastOfKind + 1);
      const [row] = await tx.db
        .insert(workflowStates)
        .values({
          workspaceId: tx.actor.workspaceId,
          name: input.name,
          builtinState: input.builtinState,
          category: BUILTIN_STATE_CATEGORIES[input.builtinState],
          position: states.length,
          wipLimit: input.wipLimit ?? null,
          waiting: input.waiting ?? false,
          blocked: input.blocked ?? false,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      const order = moveState([...states.map((s) => s.id), row.id], row.id, index);
      await renumber(tx.db, [...states, row], order);
      await log(tx, `Added the workflow state “${row.name}” (${row.builtinState})`, { stateId: row.id });
      const [stored] = await tx.db.select().from(workflowStates).where(eq(workflowStates.id, row.id));
      return present(stored!, 0);
    },
    () => ({ kind: 'workflowChanged', itemIds: [] }),
  );
}

/**
 * Renames a state, moves it in board order, sets its WIP limit or marks it as waiting or blocked (the
 * technical approach decision, logged); a stale version answers 409 and changes nothing, and marking
 * a state that is not started answers 400.
 * @param ctx the database and the caller
 * @param input the state, the version seen and the fields to change
 * @returns the state as it now is
 */
export async function updateWorkflowState(
  ctx: CommandContext,
  input: UpdateWorkflowState & { stateId: string },
): Promise<WorkflowState> {
  await requireWorkflowRight(ctx);
  return inTransaction(
    ctx,
    async (tx) => {
      const { states, state } = await lockState(tx, input.stateId);
      if (state.version !== input.version) throw staleState(state, input.version);
      if (input.name !== undefined) requireFreeName(states, input.name, state.id);
      requireStartedForFlags(state, input);
      await tx.db
        .update(workflowStates)
        .set({
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.wipLimit === undefined ? {} : { wipLimit: input.wipLimit }),
          ...(input.waiting === undefined ? {} : { waiting: input.waiting }),
          ...(input.blocked === undefined ? {} : { blocked: input.blocked }),
          version: sql`${workflowStates.version} + 1`,
        })
        .where(eq(workflowStates.id, state.id));
      if (input.position !== undefined) {
        const order = moveState(
          states.map((s) => s.id),
          state.id,
          input.position,
        );
        await renumber(tx.db, states, order);
      }
      const changes = [
        input.name !== undefined && input.name !== state.name
          ? `renamed “${state.name}” to “${input.name}”`
          : null,
        input.wipLimit !== undefined && input.wipLimit !== state.wipLimit
          ? `WIP limit of “${input.name ?? state.name}” ${input.wipLimit === null ? 'removed' : `set to ${input.wipLimit}`}`
          : null,
        ...(['waiting', 'blocked'] as const).map((flag) =>
          input[flag] !== undefined && input[flag] !== state[flag]
            ? `“${input.name ?? state.name}” ${input[flag] ? 'marked' : 'no longer marked'} as ${flag}`
            : null,
        ),
        input.position !== undefined && input.position !== state.position
          ? `moved “${input.name ?? state.name}”`
          : null,
      ].filter((c) => c !== null);
      if (changes.length > 0) await log(tx, `Workflow: ${changes.join(', ')}`, { stateId: state.id });
      const [row] = await tx.db.select().from(workflowStates).where(eq(workflowStates.id, state.id));
      const counts = await countItems(
        tx.db,
        tx.actor.workspaceId,
        await loadWorkflowStates(tx.db, tx.actor.workspaceId),
      );
      return present(row!, counts.get(state.id) ?? 0);
    },
    () => ({ kind: 'workflowChanged', itemIds: [] }),
  );
}

/**
 * Removes a state (the technical approach decision, logged). Its items move to `moveTo`, another
 * state standing for the same built-in state, so their state and history stay as they are; a
 * state holding items without `moveTo`, or the last state of a built-in state, is refused.
 * @param ctx the database and the caller
 * @param input the state, the version seen and where its items go
 * @returns the items that moved
 */
export async function deleteWorkflowState(
  ctx: CommandContext,
  input: DeleteWorkflowState & { stateId: string },
): Promise<{ movedItems: string[] }> {
  await requireWorkflowRight(ctx);
  return inTransaction(
    ctx,
    async (tx) => {
      const { states, state } = await lockState(tx, input.stateId);
      if (state.version !== input.version) throw staleState(state, input.version);
      const siblings = states.filter((s) => s.id !== state.id && s.builtinState === state.builtinState);
      if (siblings.length === 0) {
        throw new AppError(
          'validation_failed',
          `“${state.name}” is the only state for ${state.builtinState}: add another state for ${state.builtinState} before removing it, or rename it instead`,
        );
      }
      // Every item in the state, whether it names it or resolves to it (items of any type).
      const inState = (
        await tx.db
          .select({ id: items.id, state: items.state, workflowStateId: items.workflowStateId })
          .from(items)
          .where(and(eq(items.workspaceId, tx.actor.workspaceId), eq(items.state, state.builtinState)))
      ).filter((it) => resolveWorkflowState(states, it)?.id === state.id);
      const target = input.moveTo === undefined ? undefined : siblings.find((s) => s.id === input.moveTo);
      if (inState.length > 0 && !target) {
        const options = siblings.map((s) => `“${s.name}” (${s.id})`).join(', ');
        throw new AppError(
          'validation_failed',
          `moveTo: ${inState.length} item(s) are in “${state.name}”: say where they go, one of ${options}`,
          { details: { field: 'moveTo', itemCount: inState.length, options: siblings.map((s) => s.id) } },
        );
      }
      if (target && inState.length > 0) {
        await tx.db
          .update(items)
          .set({ workflowStateId: target.id, version: sql`${items.version} + 1`, updatedAt: new Date() })
          .where(
            inArray(
              items.id,
              inState.map((it) => it.id),
            ),
          );
      }
      await tx.db.delete(workflowStates).where(eq(workflowStates.id, state.id));
      await renumber(
        tx.db,
        states,
        states.filter((s) => s.id !== state.id).map((s) => s.id),
      );
      await log(
        tx,
        `Removed the workflow state “${state.name}”${target && inState.length > 0 ? `; its ${inState.length} item(s) went to “${target.name}”` : ''}`,
        { stateId: state.id, movedTo: target?.id ?? null, movedItems: inState.length },
      );
      return { movedItems: inState.map((it) => it.id) };
    },
    (moved) => ({ kind: 'workflowChanged', itemIds: moved.movedItems }),
  );
}
