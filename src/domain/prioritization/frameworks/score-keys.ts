import { MOSCOW_SCALE, SCORING_FRAMEWORKS } from './catalogue';
import {
  type FrameworkInput,
  type InputValues,
  type ScoringFramework,
  validateFrameworkInputs,
} from './framework';

/** What an item stores in `scores`: score key → number, scale key or choice key. */
export type StoredScores = Readonly<Record<string, number | string>>;

/** `moscow` as a number (won't 0 … must 3), for custom formulas. */
export const MOSCOW_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  MOSCOW_SCALE.map((option) => [option.key, option.value]),
);

/** Every input the built-in frameworks read, keyed by its score key (inputs shared by two frameworks once). */
export const BUILT_IN_INPUTS: ReadonlyMap<string, { input: FrameworkInput; framework: ScoringFramework }> =
  new Map(
    Object.values(SCORING_FRAMEWORKS).flatMap((framework) =>
      framework.inputs.map((input) => [input.key, { input, framework }] as const),
    ),
  );

/**
 * Reads a framework's inputs from an item's stored scores. A percentage scale stored as a
 * percentage (RICE confidence 80) becomes the fraction the formula uses (0.8).
 * @param framework the framework
 * @param scores the item's `scores`
 * @returns score key → value for the framework's inputs; absent keys are simply absent
 */
export function readFrameworkInputs(framework: ScoringFramework, scores: StoredScores): InputValues {
  const values: Record<string, number | string> = {};
  for (const input of framework.inputs) {
    if (!Object.hasOwn(scores, input.key)) continue;
    const value = scores[input.key] as number | string;
    values[input.key] =
      input.kind === 'scale' && input.percent === true && typeof value === 'number' && value > 1
        ? value / 100
        : value;
  }
  return values;
}

/**
 * Reads a custom formula's fields from an item's stored scores: numbers as stored, `moscow` as 0–3.
 * @param fields the formula's fields (score keys)
 * @param scores the item's `scores`
 * @returns field → value; absent keys are simply absent
 */
export function readFormulaInputs(fields: readonly string[], scores: StoredScores): InputValues {
  const values: Record<string, number | string> = {};
  for (const field of fields) {
    if (!Object.hasOwn(scores, field)) continue;
    const value = scores[field] as number | string;
    values[field] =
      field === 'moscow' && typeof value === 'string' && Object.hasOwn(MOSCOW_VALUES, value)
        ? (MOSCOW_VALUES[value] as number)
        : value;
  }
  return values;
}

/**
 * A score key as a person reads it out of its framework's context: "rice_reach" → "RICE reach";
 * a key no built-in framework reads (one only custom formulas use) is shown as it is.
 */
export function describeScoreKey(scoreKey: string): string {
  const found = BUILT_IN_INPUTS.get(scoreKey);
  if (!found) return scoreKey;
  const { input, framework } = found;
  if (!framework.family) return input.label;
  return `${framework.family} ${input.label.charAt(0).toLowerCase()}${input.label.slice(1)}`;
}

/** The axes of a value-vs-effort chart for a framework, or the score against the likely estimate. */
export function describeValueEffortAxes(framework: ScoringFramework | undefined): {
  value: string;
  effort: string;
} {
  const axes = framework?.valueEffort;
  return axes
    ? { value: axes.valueAxis, effort: axes.effortAxis }
    : { value: 'Score', effort: 'Likely estimate (days)' };
}

/**
 * The value and effort of one ranked item for a value-vs-effort chart: the framework's own benefit
 * and cost when it declares them (RICE's reach × impact × confidence and effort, WSJF's cost of
 * delay and job size…), otherwise the score against the likely estimate.
 * @param options.framework the framework (undefined for a custom formula)
 * @param options.scores the item's stored scores
 * @param options.score the item's score
 * @param options.likelyDays its likely estimate in days, if any
 * @returns the point, or null when the item lacks what places it
 */
export function readValueEffort(options: {
  framework: ScoringFramework | undefined;
  scores: StoredScores;
  score: number;
  likelyDays: number | null;
}): { value: number; effort: number } | null {
  const { framework } = options;
  if (framework?.valueEffort) {
    const validated = validateFrameworkInputs({
      framework,
      values: readFrameworkInputs(framework, options.scores),
    });
    return validated.ok ? framework.valueEffort.read(validated.inputs.numbers) : null;
  }
  return options.likelyDays === null ? null : { value: options.score, effort: options.likelyDays };
}
