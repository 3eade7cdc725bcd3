/** An item whose place differs between two orders. */
export type RankMove = { id: string; rankA: number; rankB: number; shift: number };

/** Agreement between two orders of the same backlog. */
export type RankingComparison = {
  /** Items present in both orders; correlations are computed over these, re-ranked 1..n. */
  common: number;
  onlyInA: string[];
  onlyInB: string[];
  /** Spearman's rho, 1 − 6Σd² / (n(n² − 1)); null with fewer than 2 common items. */
  spearman: number | null;
  /** Kendall's tau, (concordant − discordant) / (n(n − 1)/2); null with fewer than 2 common items. */
  kendall: number | null;
  /** The items that move most (|shift| descending, then by rank in A); shift > 0 means later in B. */
  movers: RankMove[];
};

/**
 * Compares two orders of a backlog (e.g. manual vs RICE, or RICE vs WSJF).
 * @param options.a first order, as item ids best first
 * @param options.b second order, as item ids best first
 * @param options.movers how many of the biggest movers to return (10 by default)
 * @returns rank correlations over the common items and the items that move most
 */
export function compareRankings(options: {
  a: readonly string[];
  b: readonly string[];
  movers?: number;
}): RankingComparison {
  const inB = new Set(options.b);
  const inA = new Set(options.a);
  if (inA.size !== options.a.length || inB.size !== options.b.length) {
    throw new Error('an order lists the same item twice');
  }
  const commonA = options.a.filter((id) => inB.has(id));
  const commonB = options.b.filter((id) => inA.has(id));
  const rankInB = new Map(commonB.map((id, index) => [id, index + 1]));
  const n = commonA.length;
  // Ranks in B listed in A's order: Kendall's discordant pairs are the inversions of this sequence.
  const sequence = commonA.map((id) => rankInB.get(id) as number);
  let squaredDifferences = 0;
  const moves: RankMove[] = sequence.map((rankB, index) => {
    const rankA = index + 1;
    squaredDifferences += (rankA - rankB) ** 2;
    return { id: commonA[index] as string, rankA, rankB, shift: rankB - rankA };
  });
  const pairs = (n * (n - 1)) / 2;
  const discordant = countInversions(sequence);
  return {
    common: n,
    onlyInA: options.a.filter((id) => !inB.has(id)),
    onlyInB: options.b.filter((id) => !inA.has(id)),
    spearman: n < 2 ? null : 1 - (6 * squaredDifferences) / (n * (n * n - 1)),
    kendall: n < 2 ? null : (pairs - 2 * discordant) / pairs,
    movers: moves
      .filter((move) => move.shift !== 0)
      .sort((x, y) => Math.abs(y.shift) - Math.abs(x.shift) || x.rankA - y.rankA)
      .slice(0, options.movers ?? 10),
  };
}

// Merge sort counting inversions: O(n log n), so comparing large backlogs stays cheap.
function countInversions(values: readonly number[]): number {
  let buffer = [...values];
  let scratch = new Array<number>(values.length);
  let inversions = 0;
  for (let width = 1; width < buffer.length; width *= 2) {
    for (let start = 0; start < buffer.length; start += 2 * width) {
      const middle = Math.min(start + width, buffer.length);
      const end = Math.min(start + 2 * width, buffer.length);
      let left = start;
      let right = middle;
      let out = start;
      while (left < middle && right < end) {
        if ((buffer[left] as number) <= (buffer[right] as number)) {
          scratch[out++] = buffer[left++] as number;
        } else {
          inversions += middle - left;
          scratch[out++] = buffer[right++] as number;
        }
      }
      while (left < middle) scratch[out++] = buffer[left++] as number;
      while (right < end) scratch[out++] = buffer[right++] as number;
    }
    [buffer, scratch] = [scratch, buffer];
  }
  return inversions;
}
