/** Comparing two orders, and finding which inputs would change the top: read-only analysis of a ranking. */
import type { RankingComparison, RankSensitivityReport } from '../../contract';
import type { Database } from '../../db/client';
import {
  compareRankings,
  type ExpressionError,
  type InputInterval,
  type InputValues,
  rankSensitivity,
} from '../../domain/prioritization';
import { type BacklogRow, loadBacklog, rankRows, ref, resolveScoring } from './prioritization';
import { formulaError } from './scoring-formulas';

/**
 * Compares two orders of the open backlog: two frameworks, or a framework and the manual order.
 * @param options.a first order (`manual` or a framework ref)
 * @param options.b second order
 * @param options.movers how many of the biggest moves to list
 * @returns Spearman's rho, Kendall's tau and the items that move most
 */
export async function compareOrders(
  db: Database,
  workspaceId: string,
  options: { a: string; b: string; movers: number },
): Promise<RankingComparison> {
  const backlog = await loadBacklog(db, workspaceId);
  const orderOf = async (which: string) => {
    if (which === 'manual') return { ref: 'manual', name: 'Manual order', ids: backlog.map((row) => row.id) };
    const ranking = rankRows(backlog, await resolveScoring(db, workspaceId, which));
    return { ref: which, name: ranking.framework.name, ids: ranking.ranked.map((item) => item.itemId) };
  };
  const [a, b] = [await orderOf(options.a), await orderOf(options.b)];
  const result = compareRankings({ a: a.ids, b: b.ids, movers: options.movers });
  const byId = new Map(backlog.map((row) => [row.id, row]));
  const refOf = (id: string) => ref(byId.get(id) as BacklogRow);
  return {
    a: { ref: a.ref, name: a.name },
    b: { ref: b.ref, name: b.name },
    common: result.common,
    spearman: result.spearman,
    kendall: result.kendall,
    onlyInA: result.onlyInA.map(refOf),
    onlyInB: result.onlyInB.map(refOf),
    movers: result.movers.map((move) => ({
      ...refOf(move.id),
      rankA: move.rankA,
      rankB: move.rankB,
      shift: move.shift,
    })),
  };
}

// The intervals of the inputs computed from evidence, where the framework reads them as stored (a
// reach, not a percentage turned into a fraction).
function evidenceIntervals(row: BacklogRow, inputs: InputValues): Record<string, InputInterval> {
  const intervals: Record<string, InputInterval> = {};
  for (const [key, setting] of Object.entries(row.scoreProvenance)) {
    const value = Object.hasOwn(inputs, key) ? inputs[key] : undefined;
    if (setting.source !== 'evidence' || !setting.range || typeof value !== 'number') continue;
    if (value !== row.scores[key]) continue;
    intervals[key] = { low: setting.range.low, high: setting.range.high };
  }
  return intervals;
}

/**
 * Finds which inputs, moved one step on their scale, would change the top of the ranking; an
 * input computed from evidence is also tried at the ends of its interval.
 * @param options.framework a framework ref
 * @param options.top how many places count as the top
 * @returns the current top and the changes that alter it, named by score key
 */
export async function findRankSensitivity(
  db: Database,
  workspaceId: string,
  options: { framework: string; top: number },
): Promise<RankSensitivityReport> {
  const scoring = await resolveScoring(db, workspaceId, options.framework);
  const backlog = await loadBacklog(db, workspaceId);
  const result = rankSensitivity({
    items: backlog.map((row) => {
      const inputs = scoring.readInputs(row.scores);
      return { id: row.id, inputs, intervals: evidenceIntervals(row, inputs) };
    }),
    framework: scoring.framework,
    top: options.top,
  });
  if (!result.ok) throw formulaError(result.errors[0] as ExpressionError);
  const byId = new Map(backlog.map((row) => [row.id, row]));
  return {
    framework: { ref: scoring.ref, name: scoring.framework.name },
    top: result.top.map((id) => ref(byId.get(id) as BacklogRow)),
    changes: result.changes.map((change) => ({
      ...ref(byId.get(change.itemId) as BacklogRow),
      scoreKey: change.input,
      from: change.from,
      to: change.to,
      step: change.step,
      via: change.via,
      interval: change.interval ?? null,
      rankBefore: change.rankBefore,
      rankAfter: change.rankAfter,
      effect: change.effect,
      otherItemId: change.otherItemId ?? null,
    })),
  };
}
