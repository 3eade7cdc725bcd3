import type { RankingFramework } from '../../../contract';
import {
  BUILT_IN_INPUTS,
  describeValueEffortAxes,
  FRAMEWORK_IDS,
  type FrameworkInput,
  findFramework,
  readValueEffort as readFrameworkValueEffort,
} from '../../../domain/prioritization';
import { computeMedian } from '../../../domain/shared';

// The vocabulary (framework ids, score keys, scales, labels) is the prioritization engine's
// catalogue; this module only turns it into what the page's controls need.
export { describeScoreKey } from '../../../domain/prioritization';

/** The built-in frameworks in the switcher, in the order a product person meets them. */
export const FRAMEWORK_CHOICES: { ref: RankingFramework; label: string }[] = FRAMEWORK_IDS.map((id) => ({
  ref: id,
  label: findFramework(id)?.name ?? id,
}));

/** One choice of a scale: the value stored in `scores` and what a person reads. */
export interface ScaleOption {
  value: number | string;
  label: string;
}

/** How an input is entered: a free number (with bounds) or a pick from a standard scale. */
export type InputScale =
  | { kind: 'number'; min: number; positive: boolean; unit?: string }
  | { kind: 'select'; options: ScaleOption[] };

const FREE_NUMBER: InputScale = { kind: 'number', min: Number.NEGATIVE_INFINITY, positive: false };

const trimNumber = (value: number): string => String(Number(value.toPrecision(12)));

/** The control for one engine input: numbers with their bounds, scales and choices as picks. */
function scaleOf(input: FrameworkInput): InputScale {
  switch (input.kind) {
    case 'number': {
      const scale: InputScale = {
        kind: 'number',
        min: input.min ?? Number.NEGATIVE_INFINITY,
        positive: input.minExclusive === true && input.min === 0,
      };
      return input.unit ? { ...scale, unit: input.unit } : scale;
    }
    case 'scale': {
      const options = input.options.map((option): ScaleOption => {
        if (input.storesKey) return { value: option.key, label: option.label };
        if (input.percent) {
          const percent = Math.round(option.value * 100);
          return { value: percent, label: `${percent}% · ${option.key}` };
        }
        const value = trimNumber(option.value);
        return { value: option.value, label: option.key === value ? value : `${value} · ${option.key}` };
      });
      // Named levels read highest first ("massive" … "minimal", "must" … "won't"); a plain number
      // scale such as WSJF's Fibonacci reads rising. The engine lists every scale from low to high.
      const named = input.options.some((option) => option.key !== trimNumber(option.value));
      return { kind: 'select', options: named ? options.reverse() : options };
    }
    case 'choice':
      return { kind: 'select', options: input.options.map((o) => ({ value: o.key, label: o.label })) };
  }
}

/**
 * The control of a score key; keys only custom formulas read are free numbers. Bounded 1–10 and
 * 0–10 numbers are offered as picks, the way people score them.
 */
export function findScale(scoreKey: string): InputScale {
  const input = BUILT_IN_INPUTS.get(scoreKey)?.input;
  if (!input) return FREE_NUMBER;
  if (input.kind === 'number' && input.min !== undefined && input.max !== undefined && input.max <= 10) {
    const count = input.max - input.min + 1;
    return {
      kind: 'select',
      options: Array.from({ length: count }, (_, i) => ({
        value: (input.min as number) + i,
        label: String((input.min as number) + i),
      })),
    };
  }
  return scaleOf(input);
}

/**
 * Turns what a person typed or picked into the stored value, or explains why it cannot be stored.
 * @param options the score key and the raw text ('' clears the input)
 * @returns the value to store (null clears it) or an error sentence
 */
export function parseScoreInput(options: {
  scoreKey: string;
  raw: string;
}): { ok: true; value: number | string | null } | { ok: false; error: string } {
  const raw = options.raw.trim();
  if (raw === '') return { ok: true, value: null };
  const scale = findScale(options.scoreKey);
  if (scale.kind === 'select') {
    const match = scale.options.find((o) => String(o.value) === raw);
    return match ? { ok: true, value: match.value } : { ok: false, error: `${raw} is not on the scale` };
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) return { ok: false, error: `${raw} is not a number` };
  if (scale.positive && value <= 0) return { ok: false, error: 'must be more than 0' };
  if (value < scale.min) return { ok: false, error: `must be at least ${scale.min}` };
  return { ok: true, value };
}

/** A point of the value-vs-effort chart. */
export interface ValueEffort {
  value: number;
  effort: number;
}

/** Where the value and effort axes of the scatter chart come from, per framework ref. */
export function describeAxes(framework: string): { value: string; effort: string } {
  return describeValueEffortAxes(findFramework(framework));
}

/**
 * The value and effort of one ranked item for the scatter chart: the framework's own benefit
 * and cost when it has them (RICE's numerator and effort, WSJF's cost of delay and job size…),
 * otherwise the score against the likely estimate.
 * @param options the framework ref, the item's stored inputs and score, and its likely estimate in days
 * @returns the point, or null when the item has no effort to place it by
 */
export function readValueEffort(options: {
  framework: string;
  inputs: Readonly<Record<string, number | string>>;
  score: number;
  likelyDays: number | null;
}): ValueEffort | null {
  return readFrameworkValueEffort({
    framework: findFramework(options.framework),
    scores: options.inputs,
    score: options.score,
    likelyDays: options.likelyDays,
  });
}

/** The four quadrants of a value-vs-effort chart. */
export type Quadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'money-pit';

export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  'quick-win': 'Quick wins',
  'big-bet': 'Big bets',
  'fill-in': 'Fill-ins',
  'money-pit': 'Money pits',
};

/**
 * Which quadrant a point falls in, split at the given value and effort (the medians): high value
 * and low effort is a quick win, high value and high effort a big bet, low value and low effort
 * a fill-in, low value and high effort a money pit. A point on a split counts as high.
 */
export function findQuadrant(point: ValueEffort, split: ValueEffort): Quadrant {
  const highValue = point.value >= split.value;
  const highEffort = point.effort >= split.effort;
  if (highValue) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'money-pit' : 'fill-in';
}

/** The median of some numbers (mean of the middle two for an even count); 0 for none. */
export function findMedian(values: readonly number[]): number {
  return values.length === 0 ? 0 : computeMedian(values);
}

/** A number short enough for a table cell: 3 significant digits, no float noise. */
export function formatNumber(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Number(value.toPrecision(3)).toLocaleString('en-US');
}
