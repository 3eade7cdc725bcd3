import { and, asc, eq, sql } from 'drizzle-orm';
import type { CreateScoringFormula, ScoringFormula, UpdateScoringFormula } from '../../contract';
import type { Database } from '../../db/client';
import { scoringFormulas } from '../../db/schema';
import { type ExpressionError, listFormulaFields, parseFormula } from '../../domain/prioritization';
import { AppError, notFound } from '../errors';
import { isUuid, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';

/** Custom scoring formulas of a workspace: the prioritization-method decision. */

/** Turns a parse error into a 400 that points at the bad token. */
export function formulaError(error: ExpressionError, field = 'expression'): AppError {
  return new AppError('validation_failed', `${field}: ${error.message}`, {
    details: {
      field,
      code: error.code,
      column: error.column,
      token: error.token ?? null,
      expected: error.expected ?? null,
    },
  });
}

export async function loadFormula(db: Database, workspaceId: string, id: string) {
  if (!isUuid(id)) throw notFound('Formula');
  const [row] = await db
    .select()
    .from(scoringFormulas)
    .where(and(eq(scoringFormulas.id, id), eq(scoringFormulas.workspaceId, workspaceId)))
    .limit(1);
  if (!row) throw notFound('Formula');
  return row;
}

type FormulaRow = typeof scoringFormulas.$inferSelect;

function presentFormula(row: FormulaRow): ScoringFormula {
  const parsed = parseFormula(row.expression);
  return {
    id: row.id,
    ref: `formula:${row.id}`,
    name: row.name,
    expression: row.expression,
    fields: parsed.ok ? listFormulaFields(parsed.expression) : [],
    createdBy: row.createdBy,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function checkExpression(expression: string): string[] {
  const parsed = parseFormula(expression);
  if (!parsed.ok) throw formulaError(parsed.error);
  return listFormulaFields(parsed.expression);
}

function nameTaken(name: string, error: unknown): AppError | unknown {
  return (error as { code?: string }).code === '23505' ||
    (error as { cause?: { code?: string } }).cause?.code === '23505'
    ? new AppError('conflict', `name: this workspace already has a formula called "${name}"`)
    : error;
}

/** The workspace's custom formulas, by name. */
export async function findScoringFormulas(db: Database, workspaceId: string): Promise<ScoringFormula[]> {
  const rows = await db
    .select()
    .from(scoringFormulas)
    .where(eq(scoringFormulas.workspaceId, workspaceId))
    .orderBy(asc(scoringFormulas.name));
  return rows.map(presentFormula);
}

/**
 * Adds a custom formula (the prioritization_method decision). The expression is parsed first;
 * a bad one answers 400 pointing at the token.
 */
export async function createScoringFormula(
  ctx: CommandContext,
  input: CreateScoringFormula,
): Promise<ScoringFormula> {
  const { db, actor } = ctx;
  await requireDecision(db, actor, 'prioritization_method');
  const fields = checkExpression(input.expression);
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      let row: FormulaRow | undefined;
      try {
        [row] = await tx
          .insert(scoringFormulas)
          .values({
            workspaceId: actor.workspaceId,
            name: input.name,
            expression: input.expression,
            createdBy: actor.userId,
          })
          .returning();
      } catch (error) {
        throw nameTaken(input.name, error);
      }
      if (!row) throw new Error('insert returned no row');
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'prioritization_method',
        actorId: actor.userId,
        summary: `Added the scoring formula “${row.name}”: ${row.expression}`,
        rationale: input.rationale,
        details: { formulaId: row.id, expression: row.expression, fields },
      });
      return presentFormula(row);
    },
    () => ({ kind: 'formulaChanged' }),
  );
}

/** Changes a formula's name or expression if the caller holds its current version. */
export async function updateScoringFormula(
  ctx: CommandContext,
  input: UpdateScoringFormula & { formulaId: string; version: number },
): Promise<ScoringFormula> {
  const { db, actor } = ctx;
  await requireDecision(db, actor, 'prioritization_method');
  const current = await loadFormula(db, actor.workspaceId, input.formulaId);
  if (input.expression !== undefined) checkExpression(input.expression);
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      let row: FormulaRow | undefined;
      try {
        [row] = await tx
          .update(scoringFormulas)
          .set({
            ...(input.name === undefined ? {} : { name: input.name }),
            ...(input.expression === undefined ? {} : { expression: input.expression }),
            updatedAt: new Date(),
            version: sql`${scoringFormulas.version} + 1`,
          })
          .where(and(eq(scoringFormulas.id, current.id), eq(scoringFormulas.version, input.version)))
          .returning();
      } catch (error) {
        throw nameTaken(input.name ?? current.name, error);
      }
      if (!row) {
        const latest = await loadFormula(tx, actor.workspaceId, current.id);
        throw new AppError(
          'version_conflict',
          `Someone changed the formula “${latest.name}” since you loaded it (now version ${latest.version}): review, then reapply`,
          { details: { current: presentFormula(latest) } },
        );
      }
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'prioritization_method',
        actorId: actor.userId,
        summary: `Changed the scoring formula “${row.name}”`,
        rationale: input.rationale,
        details: {
          formulaId: row.id,
          before: { name: current.name, expression: current.expression },
          after: { name: row.name, expression: row.expression },
        },
      });
      return presentFormula(row);
    },
    () => ({ kind: 'formulaChanged' }),
  );
}

/** Removes a formula (the prioritization_method decision). */
export async function deleteScoringFormula(ctx: CommandContext, input: { formulaId: string }): Promise<void> {
  const { db, actor } = ctx;
  await requireDecision(db, actor, 'prioritization_method');
  const current = await loadFormula(db, actor.workspaceId, input.formulaId);
  await inTransaction(
    ctx,
    async ({ db: tx }) => {
      await tx.delete(scoringFormulas).where(eq(scoringFormulas.id, current.id));
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'prioritization_method',
        actorId: actor.userId,
        summary: `Removed the scoring formula “${current.name}”`,
        details: { formulaId: current.id, expression: current.expression },
      });
    },
    () => ({ kind: 'formulaChanged' }),
  );
}
