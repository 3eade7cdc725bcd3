import { isOneOf } from '../../shared';
import type { ExpressionError } from '../expression/expression-error';
import type { InputValues, ScoringFramework } from '../frameworks/framework';
import {
  checkMoscowEffort,
  MOSCOW_CATEGORIES,
  type MoscowCategory,
  type MoscowEffortCheck,
} from '../frameworks/moscow';
import type { StoredScores } from '../frameworks/score-keys';
import { type RankedItem, rankBacklog, type UnscoredItem } from './rank-backlog';

/** An open backlog item as stored: its scores and its likely estimate in days, if any. */
export type ScoredRow = { id: string; scores: StoredScores; estimateLikely: number | null };

/** The DSDM balance of the categorised items with an estimate, and how many had none. */
export type MoscowBacklogCheck = MoscowEffortCheck & { withoutEstimate: number };

/** A ranking of stored items: scored ones with the inputs they were scored on, as stored. */
export type ScoredBacklogRanking = {
  ok: true;
  ranked: Array<RankedItem & { inputs: StoredScores }>;
  unscored: UnscoredItem[];
  /** For MoSCoW only: are Musts at most 60% of the estimated effort in scope? */
  moscowCheck: MoscowBacklogCheck | null;
};

/**
 * The DSDM "Musts at most 60% of the effort" check over a MoSCoW ranking: effort from the items'
 * likely estimates; categorised items without an estimate are counted apart, not guessed.
 * @param rows the backlog
 * @param ranked the MoSCoW-ranked items, each labelled with its category
 * @returns effort per category, shares, findings and how many lacked an estimate
 */
export function checkMoscowBacklog(
  rows: readonly ScoredRow[],
  ranked: readonly { id: string; label?: string }[],
): MoscowBacklogCheck {
  const byId = new Map(rows.map((row) => [row.id, row]));
  // Every MoSCoW-ranked item carries its category as its label; anything else is not categorised.
  const categorised = ranked.flatMap((entry) =>
    entry.label !== undefined && isOneOf(MOSCOW_CATEGORIES, entry.label)
      ? [{ category: entry.label, effort: byId.get(entry.id)?.estimateLikely ?? null }]
      : [],
  );
  const estimated = categorised.filter(
    (entry): entry is { category: MoscowCategory; effort: number } => entry.effort !== null,
  );
  return {
    ...checkMoscowEffort({ items: estimated }),
    withoutEstimate: categorised.length - estimated.length,
  };
}

/**
 * Ranks stored backlog items by a framework: reads each item's inputs from its scores, ranks them
 * (stable: ties keep the manual order), keeps the stored inputs each score used, and for MoSCoW
 * adds the effort balance check.
 * @param options.rows the open backlog in the manual order
 * @param options.framework the framework (built-in or a custom formula's)
 * @param options.readInputs how the framework reads an item's scores (readFrameworkInputs or readFormulaInputs)
 * @returns the ranking, or the formula's errors
 */
export function rankScoredBacklog(options: {
  rows: readonly ScoredRow[];
  framework: ScoringFramework;
  readInputs: (scores: StoredScores) => InputValues;
}): ScoredBacklogRanking | { ok: false; errors: ExpressionError[] } {
  const { rows, framework } = options;
  const result = rankBacklog({
    items: rows.map((row) => ({ id: row.id, inputs: options.readInputs(row.scores) })),
    framework,
  });
  if (!result.ok) return result;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const keys = framework.inputs.map((input) => input.key);
  const storedInputs = (id: string): StoredScores => {
    const scores = byId.get(id)?.scores ?? {};
    return Object.fromEntries(
      keys.filter((key) => Object.hasOwn(scores, key)).map((key) => [key, scores[key] as number | string]),
    );
  };
  return {
    ok: true,
    ranked: result.ranked.map((item) => ({ ...item, inputs: storedInputs(item.id) })),
    unscored: result.unscored,
    moscowCheck: framework.id === 'moscow' ? checkMoscowBacklog(rows, result.ranked) : null,
  };
}
