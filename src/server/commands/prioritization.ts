import { createHash } from 'node:crypto';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import type {
  AppliedRanking,
  ApplyRanking,
  ItemRef,
  ItemState,
  ItemType,
  Ranking,
  ScoreProvenanceView,
} from '../../contract';
import { CLOSED_ITEM_STATES } from '../../contract';
import type { Database } from '../../db/client';
import { items, scoringFormulas } from '../../db/schema';
import {
  defineFormulaFramework,
  type ExpressionError,
  findFramework,
  type InputValues,
  rankScoredBacklog,
  readFormulaInputs,
  readFrameworkInputs,
  type ScoreProvenance,
  type ScoringFramework,
} from '../../domain/prioritization';
import { AppError } from '../errors';
import { requireContributor, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';
import { lockWorkspaceOrder } from './item-order';
import { formulaError } from './scoring-formulas';
import { loadUserNames } from './user-names';

/** An open backlog item (not done or cancelled) in the manual order. */
export interface BacklogRow {
  id: string;
  number: number;
  title: string;
  type: ItemType;
  state: ItemState;
  rank: string;
  scores: Record<string, number | string>;
  /** Who last set each score input, by score key. */
  scoreProvenance: ScoreProvenance;
  estimateLikely: number | null;
}

/** A framework ready to run on stored items, and how it reads an item's scores. */
interface ResolvedScoring {
  ref: string;
  framework: ScoringFramework;
  readInputs: (scores: BacklogRow['scores']) => InputValues;
}

export const ref = (row: { id: string; number: number; title: string }): ItemRef => ({
  itemId: row.id,
  number: row.number,
  title: row.title,
});

/** The open backlog in the manual order. */
export async function loadBacklog(db: Database, workspaceId: string): Promise<BacklogRow[]> {
  return db
    .select({
      id: items.id,
      number: items.number,
      title: items.title,
      type: items.type,
      state: items.state,
      rank: items.rank,
      scores: items.scores,
      scoreProvenance: items.scoreProvenance,
      estimateLikely: items.estimateLikely,
    })
    .from(items)
    .where(and(eq(items.workspaceId, workspaceId), notInArray(items.state, [...CLOSED_ITEM_STATES])))
    .orderBy(asc(items.rank));
}

/** Resolves `rice`, `value_effort` or `formula:<id>` into a runnable framework. */
export async function resolveScoring(
  db: Database,
  workspaceId: string,
  frameworkRef: string,
): Promise<ResolvedScoring> {
  if (frameworkRef.startsWith('formula:')) {
    const id = frameworkRef.slice('formula:'.length);
    const [row] = await db
      .select()
      .from(scoringFormulas)
      .where(and(eq(scoringFormulas.id, id), eq(scoringFormulas.workspaceId, workspaceId)))
      .limit(1);
    if (!row) throw new AppError('validation_failed', `framework: no formula ${id} in this workspace`);
    const built = defineFormulaFramework({
      id: frameworkRef,
      name: row.name,
      formula: row.expression,
      summary: 'custom weighted formula',
    });
    if (!built.ok) throw formulaError(built.errors[0] as ExpressionError);
    const fields = built.framework.inputs.map((input) => input.key);
    return {
      ref: frameworkRef,
      framework: built.framework,
      readInputs: (scores) => readFormulaInputs(fields, scores),
    };
  }
  const framework = findFramework(frameworkRef);
  if (!framework) throw new AppError('validation_failed', `framework: unknown framework ${frameworkRef}`);
  return { ref: frameworkRef, framework, readInputs: (scores) => readFrameworkInputs(framework, scores) };
}

function describeFramework(scoring: ResolvedScoring): Ranking['framework'] {
  return {
    ref: scoring.ref,
    name: scoring.framework.name,
    summary: scoring.framework.summary,
    formula: scoring.framework.formula,
    direction: scoring.framework.direction,
    inputs: scoring.framework.inputs.map((input) => ({
      scoreKey: input.key,
      label: input.label,
      description: input.description,
    })),
  };
}

// A digest of what a ranking depends on, so an apply can refuse a backlog that changed under it.
function orderVersionOf(backlog: readonly BacklogRow[], scoring: ResolvedScoring): string {
  const hash = createHash('sha256').update(scoring.framework.formula);
  for (const row of backlog) {
    const keys = Object.keys(row.scores).sort();
    hash.update(
      `\n${row.id}|${row.rank}|${row.state}|${JSON.stringify(keys.map((k) => [k, row.scores[k]]))}`,
    );
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * The names of the accounts that set the backlog's scores, by account id.
 * @param db the database
 * @param backlog the rows whose score provenance names them
 * @returns id → name, for the accounts that still exist
 */
export async function loadScoreSetters(
  db: Database,
  backlog: readonly BacklogRow[],
): Promise<Map<string, string>> {
  return loadUserNames(
    db,
    backlog.flatMap((row) => Object.values(row.scoreProvenance).map((setting) => setting.by)),
  );
}

// Who set each of the given stored inputs of a row; null for one set before this was recorded.
function provenanceOf(
  row: BacklogRow,
  keys: readonly string[],
  names: ReadonlyMap<string, string>,
): Record<string, ScoreProvenanceView | null> {
  const shown: Record<string, ScoreProvenanceView | null> = {};
  for (const key of keys) {
    if (!Object.hasOwn(row.scores, key)) continue;
    const setting = Object.hasOwn(row.scoreProvenance, key) ? row.scoreProvenance[key] : undefined;
    if (!setting) {
      shown[key] = null;
      continue;
    }
    const name = setting.by ? names.get(setting.by) : undefined;
    shown[key] = {
      setBy: setting.by && name !== undefined ? { userId: setting.by, name } : null,
      setAt: setting.at,
      source: setting.source,
      ...(setting.importedBy ? { namedAs: setting.importedBy } : {}),
      ...(setting.range ? { range: setting.range } : {}),
      ...(setting.basis ? { basis: setting.basis } : {}),
    };
  }
  return shown;
}

/**
 * Ranks loaded backlog rows with a resolved framework and presents them for the API.
 * @param backlog the open backlog in the manual order
 * @param scoring the framework and how it reads scores
 * @param names the names of the accounts that set scores (see loadScoreSetters); without them
 *   no setter is named
 * @returns the ranking, with the orderVersion an apply must send back
 */
export function rankRows(
  backlog: readonly BacklogRow[],
  scoring: ResolvedScoring,
  names: ReadonlyMap<string, string> = new Map(),
): Ranking {
  const result = rankScoredBacklog({
    rows: backlog,
    framework: scoring.framework,
    readInputs: scoring.readInputs,
  });
  if (!result.ok) throw formulaError(result.errors[0] as ExpressionError);
  const byId = new Map(backlog.map((row) => [row.id, row]));
  const inputKeys = scoring.framework.inputs.map((input) => input.key);
  const entry = (id: string) => {
    const row = byId.get(id) as BacklogRow;
    return { ...ref(row), type: row.type, state: row.state, provenance: provenanceOf(row, inputKeys, names) };
  };
  return {
    framework: describeFramework(scoring),
    orderVersion: orderVersionOf(backlog, scoring),
    ranked: result.ranked.map((item) => ({
      ...entry(item.id),
      rank: item.rank,
      manualPosition: item.manualPosition,
      score: item.score,
      label: item.label ?? null,
      inputs: { ...item.inputs },
    })),
    unscored: result.unscored.map((item) => ({
      ...entry(item.id),
      manualPosition: item.manualPosition,
      missing: item.missing,
      problems: item.problems.map(({ field, code, message }) => ({ field, code, message })),
    })),
    moscowCheck: result.moscowCheck,
  };
}

/**
 * Ranks the open backlog of a workspace by a built-in framework or one of its formulas.
 * @param db the database
 * @param workspaceId the workspace
 * @param frameworkRef `rice`, `wsjf`, … or `formula:<id>`
 * @returns ranked items with scores and inputs, and apart the items missing inputs
 */
export async function computeRanking(
  db: Database,
  workspaceId: string,
  frameworkRef: string,
): Promise<Ranking> {
  const scoring = await resolveScoring(db, workspaceId, frameworkRef);
  const backlog = await loadBacklog(db, workspaceId);
  return rankRows(backlog, scoring, await loadScoreSetters(db, backlog));
}

/**
 * Rewrites the manual order to a computed one: the scored items go to the top of the backlog in
 * the computed order (new fractional ranks above the current first item); items missing inputs,
 * and done or cancelled ones, keep their places after them. Only as the backlog_order decision,
 * in one transaction, recorded in the decision log with the framework and every input used.
 * @param ctx the database and the acting member
 * @param input the framework, an optional rationale and the orderVersion the caller reviewed
 * @returns the items placed, in order, and the new orderVersion
 */
export async function applyRanking(ctx: CommandContext, input: ApplyRanking): Promise<AppliedRanking> {
  const { db, actor } = ctx;
  requireContributor(actor);
  await requireDecision(db, actor, 'backlog_order');
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      // Locking the workspace row serialises applies, moves and captures of new items.
      await lockWorkspaceOrder(tx, actor.workspaceId);
      const scoring = await resolveScoring(tx, actor.workspaceId, input.framework);
      const backlog = await loadBacklog(tx, actor.workspaceId);
      const ranking = rankRows(backlog, scoring);
      if (input.expectedOrderVersion !== undefined && input.expectedOrderVersion !== ranking.orderVersion) {
        throw new AppError(
          'version_conflict',
          'The backlog or its scores changed since you loaded this ranking: reload it, review, then apply again',
          { details: { orderVersion: ranking.orderVersion } },
        );
      }
      if (ranking.ranked.length === 0) {
        throw new AppError(
          'validation_failed',
          `No open item has every ${ranking.framework.name} input (${ranking.framework.inputs.map((i) => i.scoreKey).join(', ')}): score items first`,
        );
      }
      const [first] = await tx
        .select({ rank: items.rank })
        .from(items)
        .where(eq(items.workspaceId, actor.workspaceId))
        .orderBy(asc(items.rank))
        .limit(1);
      const keys = generateNKeysBetween(null, first?.rank ?? null, ranking.ranked.length);
      const byId = new Map(backlog.map((row) => [row.id, row]));
      const now = new Date();
      for (const [index, entry] of ranking.ranked.entries()) {
        await tx
          .update(items)
          .set({
            rank: keys[index] as string,
            orderedAt: now,
            updatedAt: now,
            version: sql`${items.version} + 1`,
          })
          .where(eq(items.id, entry.itemId));
      }
      const head = ranking.ranked
        .slice(0, 3)
        .map((entry) => `#${entry.number}`)
        .join(', ');
      await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'backlog_order',
        actorId: actor.userId,
        summary: `Ordered the backlog by ${ranking.framework.name}: ${ranking.ranked.length} items, ${head} first`,
        rationale: input.rationale,
        details: {
          framework: { ref: scoring.ref, name: ranking.framework.name, formula: ranking.framework.formula },
          orderVersion: ranking.orderVersion,
          order: ranking.ranked.map((entry, index) => ({
            itemId: entry.itemId,
            number: entry.number,
            score: entry.score,
            inputs: entry.inputs,
            from: byId.get(entry.itemId)?.rank,
            to: keys[index],
          })),
          unscored: ranking.unscored.map((entry) => ({
            itemId: entry.itemId,
            number: entry.number,
            missing: entry.missing,
          })),
        },
      });
      const after = rankRows(await loadBacklog(tx, actor.workspaceId), scoring);
      return {
        framework: { ref: scoring.ref, name: ranking.framework.name },
        applied: ranking.ranked.map((entry) => ({
          itemId: entry.itemId,
          number: entry.number,
          title: entry.title,
        })),
        unscored: ranking.unscored.length,
        orderVersion: after.orderVersion,
      };
    },
    (applied) => ({ kind: 'rankingApplied', itemIds: applied.applied.map((item) => item.itemId) }),
  );
}

// ── Custom formulas ───────────────────────────────────────────────────────────────────────────
