import type { ExpressionError } from '../expression/expression-error';
import {
  type FrameworkInput,
  type InputValues,
  scoreItem,
  validateFrameworkInputs,
} from '../frameworks/framework';
import {
  type BacklogItem,
  compareRanked,
  type RankedItem,
  rankBacklog,
  resolveScoring,
  type ScoringChoice,
} from './rank-backlog';

/** The range an input's value could lie in (e.g. a reach from evidence), in the input's own units. */
export type InputInterval = { low: number; high: number };

/** A backlog item as the sensitivity analysis sees it: its inputs, and the intervals some carry. */
export type SensitivityItem = BacklogItem & {
  /** Input key → the interval its value could lie in; absent for an input known as a point. */
  intervals?: Readonly<Record<string, InputInterval>>;
};

/** A change of one input (one step, or an end of its interval) that would change the top of the ranking. */
export type SensitivityChange = {
  itemId: string;
  input: string;
  from: number | string;
  to: number | string;
  /** Whether the input moves up or down its scale. */
  step: 'up' | 'down';
  /** `step`: one step of the input's scale; `interval`: an end of the interval the input carries. */
  via: 'step' | 'interval';
  /** For a change via an interval: that interval (`to` is one of its ends). */
  interval?: InputInterval;
  rankBefore: number;
  rankAfter: number;
  /** enters-top / leaves-top change which items are in the top; reorders-top only their order. */
  effect: 'enters-top' | 'leaves-top' | 'reorders-top';
  /** For enters-top, the item pushed out; for leaves-top, the item that comes in. */
  otherItemId?: string;
};

/** Which input changes (one step, or an end of an interval) would change the top of a ranking. */
export type RankSensitivity = {
  ok: true;
  top: string[];
  /** Set-changing effects first, then by how far the item moves. */
  changes: SensitivityChange[];
};

/**
 * Finds the inputs that, changed by one step of their scale, would change the top of the ranking:
 * scale inputs move to the neighbouring option, choice inputs to the neighbouring answer, and free
 * numbers by their declared step (e.g. RICE reach ±25%, effort ±0.5). Each change is tried alone,
 * with every other item as it is. Steps that leave the input's allowed range are skipped.
 *
 * A number input that carries an interval (a reach computed from evidence, say) is also tried at
 * both ends of it; such a change is reported (`via: 'interval'`) only when it would move the item
 * into or out of the top. The ends stand for the whole interval, which holds for a score that only
 * rises or only falls with the input (every built-in framework); a formula that bends back on
 * itself inside the interval is not searched there.
 * @param options.items the backlog in its manual order, each item with the intervals its inputs carry
 * @param options.framework or `formula` (as for {@link rankBacklog})
 * @param options.top how many places count as the top, 10 by default
 * @returns the current top ids and the changes that alter it, or the formula's errors
 */
export function rankSensitivity(
  options: { items: readonly SensitivityItem[]; top?: number } & ScoringChoice,
): RankSensitivity | { ok: false; errors: ExpressionError[] } {
  const resolved = resolveScoring(options);
  if (!resolved.ok) {
    return resolved;
  }
  const scoring = resolved.framework;
  const ranking = rankBacklog({ items: options.items, framework: scoring });
  if (!ranking.ok) {
    return ranking;
  }
  const topSize = options.top ?? 10;
  const ranked = ranking.ranked;
  const byId = new Map(options.items.map((item) => [item.id, item]));
  const changes: SensitivityChange[] = [];
  for (const entry of ranked) {
    const item = byId.get(entry.id) as SensitivityItem;
    const validated = validateFrameworkInputs({ framework: scoring, values: item.inputs });
    if (!validated.ok) continue;
    for (const input of scoring.inputs) {
      const interval = item.intervals?.[input.key];
      const trials = [
        ...neighbours(input, item.inputs).map((neighbour) => ({ ...neighbour, via: 'step' as const })),
        ...intervalEnds(input, item.inputs, interval).map((end) => ({ ...end, via: 'interval' as const })),
      ];
      for (const neighbour of trials) {
        const stepped = scoreItem({
          framework: scoring,
          values: { ...item.inputs, [input.key]: neighbour.value },
        });
        if (!stepped.ok || stepped.score === entry.score) continue;
        const rankAfter = placeAfterChange(ranked, entry, stepped.score, scoring.direction);
        const change = describeChange(ranked, entry, rankAfter, topSize);
        // An interval says how far the input could be off: only a change of the top's members counts.
        if (!change || (neighbour.via === 'interval' && change.effect === 'reorders-top')) continue;
        changes.push({
          itemId: entry.id,
          input: input.key,
          from: item.inputs[input.key] as number | string,
          to: neighbour.value,
          step: neighbour.step,
          via: neighbour.via,
          ...(neighbour.via === 'interval' && interval ? { interval: { ...interval } } : {}),
          rankBefore: entry.rank,
          rankAfter,
          ...change,
        });
      }
    }
  }
  const weight = (change: SensitivityChange): number => (change.effect === 'reorders-top' ? 1 : 0);
  changes.sort(
    (a, b) =>
      weight(a) - weight(b) ||
      Math.abs(b.rankAfter - b.rankBefore) - Math.abs(a.rankAfter - a.rankBefore) ||
      a.rankBefore - b.rankBefore,
  );
  return { ok: true, top: ranked.slice(0, topSize).map((entry) => entry.id), changes };
}

function neighbours(
  input: FrameworkInput,
  values: InputValues,
): { value: number | string; step: 'up' | 'down' }[] {
  const raw = values[input.key];
  switch (input.kind) {
    case 'number': {
      if (typeof raw !== 'number') return [];
      const delta = input.step.kind === 'relative' ? Math.abs(raw) * input.step.fraction : input.step.amount;
      if (delta === 0) return [];
      return [
        { value: raw + delta, step: 'up' },
        { value: raw - delta, step: 'down' },
      ];
    }
    case 'scale': {
      const sorted = [...input.options].sort((a, b) => a.value - b.value);
      const index = sorted.findIndex((option) =>
        typeof raw === 'number' ? Math.abs(option.value - raw) < 1e-9 : option.key === raw,
      );
      if (index < 0) return [];
      // Keep the caller's notation: step by value when a value was given, by key otherwise.
      const pick = (option: { key: string; value: number }) =>
        typeof raw === 'number' ? option.value : option.key;
      const result: { value: number | string; step: 'up' | 'down' }[] = [];
      const up = sorted[index + 1];
      const down = sorted[index - 1];
      if (up) result.push({ value: pick(up), step: 'up' });
      if (down) result.push({ value: pick(down), step: 'down' });
      return result;
    }
    case 'choice': {
      const index = input.options.findIndex((option) => option.key === raw);
      if (index < 0) return [];
      const result: { value: number | string; step: 'up' | 'down' }[] = [];
      const next = input.options[index + 1];
      const previous = input.options[index - 1];
      if (next) result.push({ value: next.key, step: 'up' });
      if (previous) result.push({ value: previous.key, step: 'down' });
      return result;
    }
  }
}

// The ends of a number input's interval other than its value; none for a malformed interval.
function intervalEnds(
  input: FrameworkInput,
  values: InputValues,
  interval: InputInterval | undefined,
): { value: number; step: 'up' | 'down' }[] {
  const raw = values[input.key];
  if (input.kind !== 'number' || typeof raw !== 'number' || !interval) return [];
  const { low, high } = interval;
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) return [];
  const ends = low === high ? [high] : [high, low];
  return ends
    .filter((end) => end !== raw)
    .map((end) => ({ value: end, step: end > raw ? ('up' as const) : ('down' as const) }));
}

// Binary search for the new place of one item among the others, whose order does not change.
function placeAfterChange(
  ranked: readonly RankedItem[],
  entry: RankedItem,
  score: number,
  direction: 'higher-first' | 'lower-first',
): number {
  const moved = { score, manualPosition: entry.manualPosition };
  let low = 0;
  let high = ranked.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareRanked(ranked[middle] as RankedItem, moved, direction) < 0) low = middle + 1;
    else high = middle;
  }
  // `low` others-or-self come before; the item itself is counted when it used to come before its new key.
  const selfBefore = compareRanked(entry, moved, direction) < 0 ? 1 : 0;
  return low - selfBefore + 1;
}

function describeChange(
  ranked: readonly RankedItem[],
  entry: RankedItem,
  rankAfter: number,
  topSize: number,
): Pick<SensitivityChange, 'effect' | 'otherItemId'> | undefined {
  const wasTop = entry.rank <= topSize;
  const isTop = rankAfter <= topSize;
  if (wasTop && !isTop) {
    const incoming = ranked[topSize];
    return incoming ? { effect: 'leaves-top', otherItemId: incoming.id } : undefined;
  }
  if (!wasTop && isTop) {
    const outgoing = ranked[topSize - 1];
    return outgoing ? { effect: 'enters-top', otherItemId: outgoing.id } : { effect: 'enters-top' };
  }
  if (wasTop && isTop && rankAfter !== entry.rank) {
    return { effect: 'reorders-top' };
  }
  return undefined;
}
