import type { ExpressionError } from '../expression/expression-error';
import {
  defineFormulaFramework,
  type FrameworkInput,
  type InputProblem,
  type InputValues,
  type ScoreDirection,
  type ScoringFramework,
  scoreItem,
} from '../frameworks/framework';

/** A backlog item as the ranking sees it: an id and its inputs. */
export type BacklogItem = { id: string; inputs: InputValues };

/** A scored item in its computed place. */
export type RankedItem = {
  id: string;
  /** 1-based place in the computed order. */
  rank: number;
  score: number;
  /** Category or quadrant, for frameworks that give one. */
  label?: string;
  /** 1-based place in the manual order given. */
  manualPosition: number;
};

/** An item that could not be scored, with what to fix. */
export type UnscoredItem = {
  id: string;
  manualPosition: number;
  missing: string[];
  problems: InputProblem[];
};

/** How to score: a framework, or a custom formula (with optional input declarations). */
export type ScoringChoice =
  | { framework: ScoringFramework; formula?: undefined }
  | {
      framework?: undefined;
      formula: string;
      inputs?: readonly FrameworkInput[];
      direction?: ScoreDirection;
    };

/** The computed order. */
export type BacklogRanking = {
  ok: true;
  framework: { id: string; name: string; formula: string; direction: ScoreDirection };
  ranked: RankedItem[];
  unscored: UnscoredItem[];
};

/**
 * Resolves a scoring choice into a framework, parsing a custom formula when one is given.
 * @param choice a framework or a formula
 * @returns the framework, or the formula's errors
 */
export function resolveScoring(
  choice: ScoringChoice,
): { ok: true; framework: ScoringFramework } | { ok: false; errors: ExpressionError[] } {
  if (choice.framework) {
    return { ok: true, framework: choice.framework };
  }
  return defineFormulaFramework({
    id: 'custom',
    name: 'Custom formula',
    formula: choice.formula,
    ...(choice.inputs ? { inputs: choice.inputs } : {}),
    ...(choice.direction ? { direction: choice.direction } : {}),
  });
}

/**
 * Compares two scored entries in ranking order: better score first, and on equal scores the
 * manual order decides, so ties never reorder what the product owner arranged.
 * @returns negative when `a` comes first
 */
export function compareRanked(
  a: { score: number; manualPosition: number },
  b: { score: number; manualPosition: number },
  direction: ScoreDirection,
): number {
  if (a.score !== b.score) {
    return direction === 'higher-first' ? b.score - a.score : a.score - b.score;
  }
  return a.manualPosition - b.manualPosition;
}

/**
 * Orders a backlog by a framework or a custom formula.
 * @param options.items the backlog in its manual order; ids must be unique
 * @param options.framework a scoring framework, or
 * @param options.formula a custom formula in the expression language (with optional `inputs` and `direction`)
 * @returns the ranked items (ties keep the manual order) and, apart, the items that could not be
 *   scored with what is missing; or the formula's errors
 */
export function rankBacklog(
  options: { items: readonly BacklogItem[] } & ScoringChoice,
): BacklogRanking | { ok: false; errors: ExpressionError[] } {
  const resolved = resolveScoring(options);
  if (!resolved.ok) {
    return resolved;
  }
  const framework = resolved.framework;
  assertUniqueIds(options.items);
  const scored: Omit<RankedItem, 'rank'>[] = [];
  const unscored: UnscoredItem[] = [];
  options.items.forEach((item, index) => {
    const manualPosition = index + 1;
    const result = scoreItem({ framework, values: item.inputs });
    if (result.ok) {
      scored.push(
        result.label === undefined
          ? { id: item.id, score: result.score, manualPosition }
          : { id: item.id, score: result.score, label: result.label, manualPosition },
      );
    } else {
      unscored.push({ id: item.id, manualPosition, missing: result.missing, problems: result.problems });
    }
  });
  scored.sort((a, b) => compareRanked(a, b, framework.direction));
  return {
    ok: true,
    framework: {
      id: framework.id,
      name: framework.name,
      formula: framework.formula,
      direction: framework.direction,
    },
    ranked: scored.map((entry, index) => ({ ...entry, rank: index + 1 })),
    unscored,
  };
}

function assertUniqueIds(items: readonly BacklogItem[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) {
      throw new Error(`duplicate backlog item id ${item.id}`);
    }
    seen.add(item.id);
  }
}
