import { computeMedian } from '../shared/stats';

/** One estimator's hidden card, revealed with the others. */
export type SessionVote = { estimator: string; value: number };

/** A vote far from the group, with why. */
export type SessionOutlier = { estimator: string; value: number; reason: string };

/** What the revealed votes say. */
export type SessionSummary = {
  count: number;
  min: number;
  max: number;
  median: number;
  /** max / min; null when the lowest vote is 0. */
  spreadRatio: number | null;
  /** Number of deck positions between the lowest and the highest card; null without a deck. */
  spreadSteps: number | null;
  outliers: SessionOutlier[];
  needsDiscussion: boolean;
  reasons: string[];
};

/**
 * Summarises the votes of an estimation session once they are revealed together.
 *
 * With a deck (planning poker), votes are compared by card position: the session needs discussion
 * when the lowest and highest cards are not neighbours, and a vote is an outlier when it lies two or
 * more cards from the median card. Without a deck, the session needs discussion when the highest
 * vote is more than `outlierFactor` times the lowest, and a vote is an outlier when it is more than
 * `outlierFactor` times above or below the median.
 * @param options.votes one vote per estimator (at least one)
 * @param options.deck the cards allowed, when the session uses a deck
 * @param options.outlierFactor ratio that counts as far apart without a deck, 2 by default
 * @returns the spread, median, outliers and whether to discuss, or the votes not on the deck
 */
export function summarizeEstimationSession(options: {
  votes: readonly SessionVote[];
  deck?: readonly number[];
  outlierFactor?: number;
}): { ok: true; summary: SessionSummary } | { ok: false; problems: string[] } {
  const { votes } = options;
  const problems: string[] = [];
  if (votes.length === 0) problems.push('no votes were cast');
  const seen = new Set<string>();
  for (const vote of votes) {
    if (seen.has(vote.estimator)) problems.push(`${vote.estimator} voted twice`);
    seen.add(vote.estimator);
    if (!Number.isFinite(vote.value) || vote.value < 0)
      problems.push(`${vote.estimator}'s vote ${vote.value} is not a number ≥ 0`);
    else if (options.deck && !options.deck.includes(vote.value)) {
      problems.push(
        `${vote.estimator}'s vote ${vote.value} is not a card of the deck (${options.deck.join(', ')})`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const values = votes.map((vote) => vote.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const median = computeMedian(values);
  const factor = options.outlierFactor ?? 2;
  const outliers: SessionOutlier[] = [];
  const reasons: string[] = [];
  let spreadSteps: number | null = null;

  if (options.deck) {
    const cards = [...options.deck].sort((a, b) => a - b);
    const position = (value: number) => cards.indexOf(value);
    const medianPosition = computeMedian(values.map(position));
    spreadSteps = position(max) - position(min);
    if (spreadSteps > 1)
      reasons.push(`the lowest (${min}) and highest (${max}) cards are ${spreadSteps} cards apart`);
    for (const vote of votes) {
      const distance = Math.abs(position(vote.value) - medianPosition);
      if (distance >= 2) {
        outliers.push({
          estimator: vote.estimator,
          value: vote.value,
          reason: `${distance} cards from the median card`,
        });
      }
    }
  } else {
    if (max > factor * min)
      reasons.push(`the highest vote (${max}) is more than ${factor}× the lowest (${min})`);
    for (const vote of votes) {
      if (vote.value > factor * median || vote.value * factor < median) {
        outliers.push({
          estimator: vote.estimator,
          value: vote.value,
          reason: `more than ${factor}× away from the median ${median}`,
        });
      }
    }
  }
  for (const outlier of outliers)
    reasons.push(`${outlier.estimator} explains ${outlier.value} (${outlier.reason})`);
  return {
    ok: true,
    summary: {
      count: votes.length,
      min,
      max,
      median,
      spreadRatio: min === 0 ? null : max / min,
      spreadSteps,
      outliers,
      needsDiscussion: reasons.length > 0,
      reasons,
    },
  };
}
