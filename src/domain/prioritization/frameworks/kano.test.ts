import { describe, expect, it } from 'vitest';
import { classifyKanoAnswers, KANO_ANSWERS, summarizeKanoSurvey } from './kano';

describe('classifyKanoAnswers', () => {
  it('should follow the standard evaluation table for every answer pair', () => {
    // Rows: functional answer; columns: dysfunctional answer (like, expect, neutral, live-with, dislike).
    const expected = [
      ['questionable', 'attractive', 'attractive', 'attractive', 'one-dimensional'],
      ['reverse', 'indifferent', 'indifferent', 'indifferent', 'must-be'],
      ['reverse', 'indifferent', 'indifferent', 'indifferent', 'must-be'],
      ['reverse', 'indifferent', 'indifferent', 'indifferent', 'must-be'],
      ['reverse', 'reverse', 'reverse', 'reverse', 'questionable'],
    ];
    KANO_ANSWERS.forEach((functional, row) => {
      KANO_ANSWERS.forEach((dysfunctional, column) => {
        expect(classifyKanoAnswers({ functional, dysfunctional })).toBe(expected[row]?.[column]);
      });
    });
  });
});

describe('summarizeKanoSurvey', () => {
  it('should compute counts and better/worse coefficients when respondents disagree', () => {
    // 3 attractive (like/neutral), 2 one-dimensional (like/dislike), 4 must-be (expect/dislike), 1 indifferent, 1 reverse.
    const responses = [
      ...Array.from({ length: 3 }, () => ({ functional: 'like', dysfunctional: 'neutral' }) as const),
      ...Array.from({ length: 2 }, () => ({ functional: 'like', dysfunctional: 'dislike' }) as const),
      ...Array.from({ length: 4 }, () => ({ functional: 'expect', dysfunctional: 'dislike' }) as const),
      { functional: 'neutral', dysfunctional: 'neutral' } as const,
      { functional: 'dislike', dysfunctional: 'like' } as const,
    ];
    const summary = summarizeKanoSurvey(responses);
    expect(summary.respondents).toBe(11);
    expect(summary.counts).toEqual({
      'must-be': 4,
      'one-dimensional': 2,
      attractive: 3,
      indifferent: 1,
      reverse: 1,
      questionable: 0,
    });
    expect(summary.dominant).toBe('must-be');
    // better = (A + O) / (A + O + M + I) = (3 + 2) / (3 + 2 + 4 + 1) = 0.5
    expect(summary.better).toBe(0.5);
    // worse = −(O + M) / (A + O + M + I) = −(2 + 4) / 10 = −0.6
    expect(summary.worse).toBe(-0.6);
  });

  it('should break a tie toward the higher-priority category and return nulls when nobody answered', () => {
    const tie = summarizeKanoSurvey([
      { functional: 'like', dysfunctional: 'neutral' },
      { functional: 'expect', dysfunctional: 'dislike' },
    ]);
    expect(tie.dominant).toBe('must-be');
    const empty = summarizeKanoSurvey([]);
    expect([empty.dominant, empty.better, empty.worse]).toEqual([null, null, null]);
  });
});
