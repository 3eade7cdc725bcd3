import type { ThreePointEstimate } from './three-point';

/** One t-shirt size of a workspace with the effort range it stands for. */
export type TShirtSize = {
  size: string;
  low: number;
  high: number;
  /** Most likely effort; the geometric middle of the range when absent. */
  likely?: number;
  /** Sizes too big for one iteration (XL, XXL by default) are flagged to be split. */
  mustSplit?: boolean;
};

/** A workspace's t-shirt sizes, smallest first, and the unit of their ranges. */
export type TShirtScale = { unit: string; sizes: readonly TShirtSize[] };

/** Cohn's modified Fibonacci planning-poker deck. */
export const MODIFIED_FIBONACCI_DECK: readonly number[] = [0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100];

/** The plain Fibonacci deck. */
export const FIBONACCI_DECK: readonly number[] = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];

/** A common default scale in working days; workspaces define their own. */
export const DEFAULT_TSHIRT_SCALE: TShirtScale = {
  unit: 'days',
  sizes: [
    { size: 'XS', low: 0.25, high: 1 },
    { size: 'S', low: 1, high: 3 },
    { size: 'M', low: 3, high: 8 },
    { size: 'L', low: 8, high: 15 },
    { size: 'XL', low: 15, high: 30, mustSplit: true },
    { size: 'XXL', low: 30, high: 60, mustSplit: true },
  ],
};

/**
 * Checks a workspace's t-shirt scale: at least one size, unique names, low ≤ likely ≤ high, and
 * ranges that grow with the size.
 * @param scale the scale to check
 * @returns the problems found (empty when the scale is sound)
 */
export function validateTShirtScale(scale: TShirtScale): string[] {
  const problems: string[] = [];
  if (scale.sizes.length === 0) problems.push('the scale has no sizes');
  const seen = new Set<string>();
  scale.sizes.forEach((entry, index) => {
    if (seen.has(entry.size)) problems.push(`size ${entry.size} is listed twice`);
    seen.add(entry.size);
    if (
      !(
        Number.isFinite(entry.low) &&
        Number.isFinite(entry.high) &&
        entry.low >= 0 &&
        entry.low <= entry.high
      )
    ) {
      problems.push(`size ${entry.size} needs 0 ≤ low ≤ high, got ${entry.low}–${entry.high}`);
    }
    if (entry.likely !== undefined && !(entry.likely >= entry.low && entry.likely <= entry.high)) {
      problems.push(
        `size ${entry.size} has likely ${entry.likely} outside its range ${entry.low}–${entry.high}`,
      );
    }
    const previous = scale.sizes[index - 1];
    if (previous && (entry.low < previous.low || entry.high < previous.high)) {
      problems.push(`size ${entry.size} must not be smaller than ${previous.size}`);
    }
  });
  return problems;
}

/**
 * Turns a t-shirt size into a three-point estimate from the workspace's ranges.
 * @param options.size the size name, e.g. `M`
 * @param options.scale the workspace's scale
 * @returns the estimate (low, likely, high) and whether the size must be split, or the known sizes
 */
export function mapTShirtSize(options: {
  size: string;
  scale: TShirtScale;
}):
  | { ok: true; estimate: ThreePointEstimate; unit: string; mustSplit: boolean }
  | { ok: false; message: string; known: string[] } {
  const entry = options.scale.sizes.find((candidate) => candidate.size === options.size);
  const known = options.scale.sizes.map((candidate) => candidate.size);
  if (!entry) {
    return {
      ok: false,
      message: `unknown size ${JSON.stringify(options.size)}; known sizes: ${known.join(', ')}`,
      known,
    };
  }
  // The geometric middle suits ranges that grow by factors, as effort ranges do.
  const likely = entry.likely ?? Math.sqrt(entry.low * entry.high);
  return {
    ok: true,
    estimate: { optimistic: entry.low, likely, pessimistic: entry.high },
    unit: options.scale.unit,
    mustSplit: entry.mustSplit === true,
  };
}

/**
 * Checks a story-point value against a deck and suggests the nearest cards when it is not on it.
 * @param options.value the points given
 * @param options.deck the allowed cards, modified Fibonacci by default
 * @returns ok, or the nearest card below and above
 */
export function checkStoryPoints(options: {
  value: number;
  deck?: readonly number[];
}): { ok: true } | { ok: false; message: string; below: number | null; above: number | null } {
  const deck = [...(options.deck ?? MODIFIED_FIBONACCI_DECK)].sort((a, b) => a - b);
  if (deck.includes(options.value)) {
    return { ok: true };
  }
  const below = [...deck].reverse().find((card) => card < options.value) ?? null;
  const above = deck.find((card) => card > options.value) ?? null;
  const nearest = [below, above].filter((card) => card !== null).join(' or ');
  return {
    ok: false,
    message: `${options.value} is not a card of the deck (${deck.join(', ')})${nearest ? `; nearest: ${nearest}` : ''}`,
    below,
    above,
  };
}
