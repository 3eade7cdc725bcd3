import { describe, expect, it } from 'vitest';
import { summarizeEstimationSession } from './estimation-session';
import { MODIFIED_FIBONACCI_DECK } from './sizes';

describe('summarizeEstimationSession', () => {
  it('should not ask for discussion when cards are neighbours on the deck', () => {
    const result = summarizeEstimationSession({
      votes: [
        { estimator: 'ana', value: 3 },
        { estimator: 'ben', value: 5 },
        { estimator: 'cy', value: 5 },
      ],
      deck: MODIFIED_FIBONACCI_DECK,
    });
    // median of 3, 5, 5 = 5; 3 and 5 are adjacent cards → one step, no discussion
    expect(result.ok && result.summary).toMatchObject({
      median: 5,
      spreadSteps: 1,
      spreadRatio: 5 / 3,
      needsDiscussion: false,
      outliers: [],
    });
  });

  it('should flag the outlier and ask for discussion when one card is far from the rest', () => {
    // cards 3, 3, 5, 20 → positions 4, 4, 5, 8; median position 4.5; 20 is 3.5 cards away; spread 4 cards
    const result = summarizeEstimationSession({
      votes: [
        { estimator: 'ana', value: 3 },
        { estimator: 'ben', value: 3 },
        { estimator: 'cy', value: 5 },
        { estimator: 'dee', value: 20 },
      ],
      deck: MODIFIED_FIBONACCI_DECK,
    });
    expect(result.ok && result.summary.median).toBe(4);
    expect(result.ok && result.summary.spreadSteps).toBe(4);
    expect(result.ok && result.summary.outliers).toEqual([
      { estimator: 'dee', value: 20, reason: '3.5 cards from the median card' },
    ]);
    expect(result.ok && result.summary.needsDiscussion).toBe(true);
  });

  it('should use ratios when there is no deck', () => {
    // days 2, 3, 4, 10: median 3.5; 10 > 2 × 3.5 = 7 → outlier; max 10 > 2 × min 2 → discuss
    const result = summarizeEstimationSession({
      votes: [
        { estimator: 'a', value: 2 },
        { estimator: 'b', value: 3 },
        { estimator: 'c', value: 4 },
        { estimator: 'd', value: 10 },
      ],
    });
    expect(result.ok && result.summary.outliers.map((outlier) => outlier.estimator)).toEqual(['d']);
    expect(result.ok && result.summary.spreadRatio).toBe(5);
    expect(result.ok && result.summary.needsDiscussion).toBe(true);
  });

  it('should refuse votes off the deck and double votes', () => {
    const result = summarizeEstimationSession({
      votes: [
        { estimator: 'a', value: 4 },
        { estimator: 'a', value: 5 },
      ],
      deck: MODIFIED_FIBONACCI_DECK,
    });
    expect(result.ok || result.problems).toEqual([
      "a's vote 4 is not a card of the deck (0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100)",
      'a voted twice',
    ]);
    expect(summarizeEstimationSession({ votes: [] })).toEqual({
      ok: false,
      problems: ['no votes were cast'],
    });
  });
});
