/**
 * Cycles (iterations): time boxes that never share a day, the work committed to each, their
 * capacity as the planner counts it, and closing one, which carries its unfinished work to the
 * next. Deciding what goes into which cycle is part of the roadmap decision.
 */

import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { AssignCycleItems, CloseCycle, CreateCycle, Cycle, UpdateCycle } from '../../contract';
import { CLOSED_ITEM_STATES, CYCLE_LIMITS } from '../../contract';
import type { Database } from '../../db/client';
import { cycles, items, memberships } from '../../db/schema';
import { computeCycleCapacity, findOverlappingCycle, LEAF_TYPES } from '../../domain/planning';
import { countDaysBetween } from '../../domain/shared';
import { AppError, notFound } from '../errors';
import { isUuid, requireContributor, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';

type CycleRow = typeof cycles.$inferSelect;

async function loadCycles(db: Database, workspaceId: string): Promise<CycleRow[]> {
  return db.select().from(cycles).where(eq(cycles.workspaceId, workspaceId)).orderBy(asc(cycles.startDate));
}

/**
 * Every cycle of a workspace, earliest first, with its capacity, committed and completed work.
 * @param db the database
 * @param workspaceId the workspace
 */
export async function findCycles(db: Database, workspaceId: string): Promise<Cycle[]> {
  const rows = await loadCycles(db, workspaceId);
  if (rows.length === 0) return [];
  const people = await db
    .select({
      id: memberships.userId,
      role: memberships.role,
      fte: memberships.fte,
      skills: memberships.skills,
    })
    .from(memberships)
    .where(eq(memberships.workspaceId, workspaceId));
  const carried = rows.flatMap((r) => r.carriedOverItemIds);
  const work = await db
    .select({ id: items.id, cycleId: items.cycleId, state: items.state, likely: items.estimateLikely })
    .from(items)
    .where(
      and(
        eq(items.workspaceId, workspaceId),
        carried.length > 0
          ? sql`(${items.cycleId} is not null or ${inArray(items.id, carried)})`
          : sql`${items.cycleId} is not null`,
      ),
    );
  const byId = new Map(work.map((w) => [w.id, w]));
  return rows.map((row) => {
    const inCycle = work.filter((w) => w.cycleId === row.id);
    const carriedOut = row.carriedOverItemIds.flatMap((id) => byId.get(id) ?? []);
    const tally = (list: typeof work) => ({
      items: list.length,
      estimateDays: Math.round(list.reduce((sum, w) => sum + (w.likely ?? 0), 0) * 100) / 100,
    });
    return {
      id: row.id,
      name: row.name,
      startDate: row.startDate,
      endDate: row.endDate,
      closedAt: row.closedAt?.toISOString() ?? null,
      capacityDays: computeCycleCapacity(row, people).personDays,
      committed: tally([...inCycle, ...carriedOut]),
      completed: tally(inCycle.filter((w) => w.state === 'done')),
      carriedOver: { items: row.carriedOverItemIds.length, toCycleId: row.carriedToCycleId },
      version: row.version,
    };
  });
}

async function findCycle(db: Database, workspaceId: string, cycleId: string): Promise<Cycle> {
  const cycle = (await findCycles(db, workspaceId)).find((c) => c.id === cycleId);
  if (!cycle) throw notFound('Cycle');
  return cycle;
}

/** Serialises writes to one workspace's cycles, so two cycles written at once cannot overlap. */
async function lockCycles(ctx: CommandContext): Promise<CycleRow[]> {
  await ctx.db.execute(
    sql`select pg_advisory_xact_lock(hashtext('cycles'), hashtext(${ctx.actor.workspaceId}))`,
  );
  return loadCycles(ctx.db, ctx.actor.workspaceId);
}

type Span = { id: string; startDate: string; endDate: string };

/**
 * Locks the workspace's cycles, then checks the days a cycle is to cover against the others
 * (a length between one day and the limit, no day shared with another cycle).
 * @param ctx the transaction
 * @param choose the span to check, from the locked cycles (an update finds its own row there)
 * @returns what `choose` gave, checked
 */
async function lockFreeSpan<T extends Span>(
  ctx: CommandContext,
  choose: (all: readonly CycleRow[]) => T,
): Promise<T> {
  const all = await lockCycles(ctx);
  const span = choose(all);
  requireSpan(all, span);
  return span;
}

function requireSpan(all: readonly CycleRow[], span: Span): void {
  const days = countDaysBetween(span.startDate, span.endDate) + 1;
  if (days < 1) {
    throw new AppError(
      'validation_failed',
      `endDate: the cycle ends (${span.endDate}) before it starts (${span.startDate})`,
      {
        details: { field: 'endDate' },
      },
    );
  }
  if (days > CYCLE_LIMITS.days) {
    throw new AppError(
      'validation_failed',
      `endDate: a cycle lasts at most ${CYCLE_LIMITS.days} days (this one ${days})`,
      {
        details: { field: 'endDate' },
      },
    );
  }
  const clash = findOverlappingCycle(all, span);
  if (clash) {
    throw new AppError(
      'validation_failed',
      `startDate: the cycle would share days with “${clash.name}” (${clash.startDate} to ${clash.endDate}): pick dates outside it`,
      { details: { field: 'startDate', cycleId: clash.id } },
    );
  }
}

async function requireCycleRight(ctx: CommandContext): Promise<void> {
  requireContributor(ctx.actor);
  await requireDecision(ctx.db, ctx.actor, 'roadmap');
}

function getRow(all: readonly CycleRow[], cycleId: string): CycleRow {
  const row = isUuid(cycleId) ? all.find((c) => c.id === cycleId) : undefined;
  if (!row) throw notFound('Cycle');
  return row;
}

function requireVersion(row: CycleRow, version: number): void {
  if (row.version !== version) {
    throw new AppError(
      'version_conflict',
      `Someone changed the cycle “${row.name}” since you loaded it (now version ${row.version}, you sent ${version}): reload it, then try again`,
      { details: { currentVersion: row.version } },
    );
  }
}

function requireOpen(row: CycleRow): void {
  if (row.closedAt)
    throw new AppError('conflict', `The cycle “${row.name}” is closed: plan work into an open cycle`);
}

/**
 * Creates a cycle (the roadmap decision); its days may not overlap another cycle's.
 * @param ctx the database and the caller
 * @param input its name, first and last day
 */
export async function createCycle(ctx: CommandContext, input: CreateCycle): Promise<Cycle> {
  await requireCycleRight(ctx);
  return inTransaction(
    ctx,
    async (tx) => {
      await lockFreeSpan(tx, () => ({ id: '', ...input }));
      const [row] = await tx.db
        .insert(cycles)
        .values({ workspaceId: tx.actor.workspaceId, ...input })
        .returning({ id: cycles.id });
      return findCycle(tx.db, tx.actor.workspaceId, row!.id);
    },
    () => ({ kind: 'cycleChanged', itemIds: [] }),
  );
}

/**
 * Renames a cycle or moves its dates (the roadmap decision); stale versions answer 409.
 * @param ctx the database and the caller
 * @param input the cycle, the version seen and the fields to change
 */
export async function updateCycle(
  ctx: CommandContext,
  input: UpdateCycle & { cycleId: string },
): Promise<Cycle> {
  await requireCycleRight(ctx);
  return inTransaction(
    ctx,
    async (tx) => {
      const { row, ...span } = await lockFreeSpan(tx, (all) => {
        const row = getRow(all, input.cycleId);
        requireVersion(row, input.version);
        return {
          row,
          id: row.id,
          startDate: input.startDate ?? row.startDate,
          endDate: input.endDate ?? row.endDate,
        };
      });
      await tx.db
        .update(cycles)
        .set({ name: input.name ?? row.name, ...span, version: sql`${cycles.version} + 1` })
        .where(eq(cycles.id, row.id));
      return findCycle(tx.db, tx.actor.workspaceId, row.id);
    },
    () => ({ kind: 'cycleChanged', itemIds: [] }),
  );
}

/**
 * Puts features, tasks and bugs into an open cycle or takes them out (the roadmap decision,
 * logged). An item is in one cycle at a time: adding it here takes it out of another.
 * @param ctx the database and the caller
 * @param input the cycle and the items to add and remove
 */
export async function assignCycleItems(
  ctx: CommandContext,
  input: AssignCycleItems & { cycleId: string },
): Promise<Cycle> {
  await requireCycleRight(ctx);
  const add = [...new Set(input.add ?? [])];
  const remove = [...new Set(input.remove ?? [])];
  if (add.length + remove.length === 0) {
    throw new AppError(
      'validation_failed',
      'add or remove: name at least one item to add to the cycle or take out of it',
    );
  }
  return inTransaction(
    ctx,
    async (tx) => {
      const row = getRow(await lockCycles(tx), input.cycleId);
      requireOpen(row);
      const named = await tx.db
        .select({ id: items.id, type: items.type, number: items.number })
        .from(items)
        .where(and(eq(items.workspaceId, tx.actor.workspaceId), inArray(items.id, [...add, ...remove])));
      const known = new Map(named.map((n) => [n.id, n]));
      const missing = [...add, ...remove].find((id) => !known.has(id));
      if (missing)
        throw new AppError('validation_failed', `add: no item ${missing} in this workspace`, {
          details: { field: 'add' },
        });
      const container = add.map((id) => known.get(id)!).find((n) => !LEAF_TYPES.has(n.type));
      if (container) {
        throw new AppError(
          'validation_failed',
          `add: #${container.number} is an ${container.type}: cycles hold features, tasks and bugs`,
          {
            details: { field: 'add' },
          },
        );
      }
      const bump = { version: sql`${items.version} + 1`, updatedAt: new Date() };
      if (add.length > 0)
        await tx.db
          .update(items)
          .set({ cycleId: row.id, ...bump })
          .where(inArray(items.id, add));
      if (remove.length > 0) {
        await tx.db
          .update(items)
          .set({ cycleId: null, ...bump })
          .where(and(inArray(items.id, remove), eq(items.cycleId, row.id)));
      }
      await recordDecision(tx.db, {
        workspaceId: tx.actor.workspaceId,
        decision: 'roadmap',
        actorId: tx.actor.userId,
        summary: `Cycle “${row.name}”: ${[
          add.length > 0 ? `added ${add.map((id) => `#${known.get(id)!.number}`).join(', ')}` : null,
          remove.length > 0 ? `took out ${remove.map((id) => `#${known.get(id)!.number}`).join(', ')}` : null,
        ]
          .filter(Boolean)
          .join('; ')}`,
        details: { cycleId: row.id, added: add, removed: remove },
      });
      return findCycle(tx.db, tx.actor.workspaceId, row.id);
    },
    () => ({ kind: 'cycleChanged', itemIds: [...add, ...remove] }),
  );
}

/**
 * Closes a cycle (the roadmap decision, logged): its unfinished items (neither done nor
 * cancelled) move to the next open cycle, and the closed cycle keeps which ones and where. With
 * unfinished work and no later open cycle, closing is refused until one exists.
 * @param ctx the database and the caller
 * @param input the cycle and the version seen
 */
export async function closeCycle(
  ctx: CommandContext,
  input: CloseCycle & { cycleId: string },
): Promise<Cycle> {
  await requireCycleRight(ctx);
  return inTransaction(
    ctx,
    async (tx) => {
      const all = await lockCycles(tx);
      const row = getRow(all, input.cycleId);
      requireVersion(row, input.version);
      requireOpen(row);
      const unfinished = await tx.db
        .select({ id: items.id, number: items.number })
        .from(items)
        .where(and(eq(items.cycleId, row.id), notInArray(items.state, [...CLOSED_ITEM_STATES])));
      const next = all.find((c) => c.startDate > row.endDate && c.closedAt === null);
      if (unfinished.length > 0 && !next) {
        throw new AppError(
          'validation_failed',
          `${unfinished.length} item(s) of “${row.name}” are unfinished and there is no later open cycle to carry them to: create the next cycle first`,
        );
      }
      const ids = unfinished.map((u) => u.id);
      if (next && ids.length > 0) {
        await tx.db
          .update(items)
          .set({ cycleId: next.id, version: sql`${items.version} + 1`, updatedAt: new Date() })
          .where(inArray(items.id, ids));
      }
      await tx.db
        .update(cycles)
        .set({
          closedAt: new Date(),
          closedBy: tx.actor.userId,
          carriedOverItemIds: ids,
          carriedToCycleId: ids.length > 0 ? (next?.id ?? null) : null,
          version: sql`${cycles.version} + 1`,
        })
        .where(and(eq(cycles.id, row.id), isNull(cycles.closedAt)));
      await recordDecision(tx.db, {
        workspaceId: tx.actor.workspaceId,
        decision: 'roadmap',
        actorId: tx.actor.userId,
        summary:
          ids.length > 0
            ? `Closed the cycle “${row.name}”; carried ${unfinished.map((u) => `#${u.number}`).join(', ')} over to “${next!.name}”`
            : `Closed the cycle “${row.name}” with nothing left unfinished`,
        details: { cycleId: row.id, carriedOver: ids, toCycleId: next?.id ?? null },
      });
      return findCycle(tx.db, tx.actor.workspaceId, row.id);
    },
    () => ({ kind: 'cycleChanged', itemIds: [] }),
  );
}
