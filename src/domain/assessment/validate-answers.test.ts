import { describe, expect, it } from 'vitest';
import { listQuestions, QUESTIONS } from './questionnaire';
import { validateAnswers } from './validate-answers';

describe('validateAnswers', () => {
  it('should accept valid answers and turn a numeric choice into its option id', () => {
    const check = validateAnswers(
      { developers: 4.5, satisfaction: 4, hygiene: ['ci-build'], stage: 'mvp' },
      { short: false },
    );
    expect(check.problems).toEqual([]);
    expect(check.answers).toEqual({
      developers: 4.5,
      satisfaction: '4',
      hygiene: ['ci-build'],
      stage: 'mvp',
    });
  });

  it('should list each bad answer with what is allowed', () => {
    const check = validateAnswers(
      { stage: 'seed', developers: -1, teams: 1.5, hygiene: ['ci', 'ci'], colour: 'blue' },
      { short: false },
    );
    const byId = Object.fromEntries(check.problems.map((p) => [p.questionId, p.message]));
    expect(Object.keys(byId).sort()).toEqual(['colour', 'developers', 'hygiene', 'stage', 'teams']);
    expect(byId.stage).toBe('"seed" is not allowed; expected one of: idea, mvp, early-traction, scaling');
    expect(byId.developers).toMatch(/a number from 0 to 500/);
    expect(byId.teams).toMatch(/a whole number from 1 to 100/);
    expect(byId.hygiene).toMatch(/a list of any of: source-control/);
    expect(byId.colour).toMatch(/unknown question; known ids: stage, user-facing/);
  });

  it('should treat null as unanswered', () => {
    const check = validateAnswers({ developers: null }, { short: false });
    expect(check).toEqual({ answers: {}, problems: [], ignored: [] });
  });

  it('should ignore answers outside the short questionnaire when it is used', () => {
    const check = validateAnswers({ developers: 3, cadence: 'no' }, { short: true });
    expect(check.answers).toEqual({ developers: 3 });
    expect(check.ignored).toEqual(['cadence']);
  });

  it('should reject a file that is not a mapping', () => {
    expect(validateAnswers([1, 2], { short: false }).problems).toHaveLength(1);
  });
});

describe('questionnaire', () => {
  it('should have about thirty questions over five areas, with a shorter short version', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(28);
    expect(new Set(QUESTIONS.map((q) => q.area)).size).toBe(5);
    const short = listQuestions({ short: true }).length;
    expect(short).toBeLessThan(QUESTIONS.length);
    expect(short).toBeGreaterThanOrEqual(15);
  });

  it('should have unique question ids and unique option ids per question', () => {
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) {
      if (q.answer.kind === 'number') continue;
      const ids = q.answer.options.map((o) => o.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('should keep every option worth 0–3 points', () => {
    for (const q of QUESTIONS) {
      if (q.answer.kind !== 'choice') continue;
      for (const o of q.answer.options) if (o.points !== undefined) expect([0, 1, 2, 3]).toContain(o.points);
    }
  });

  it('should accept founder hats, none ticked included, and list the hats a bad one may be', () => {
    expect(validateAnswers({ 'founder-hats': ['tech', 'designer'] }, { short: true }).problems).toEqual([]);
    expect(validateAnswers({ 'founder-hats': [] }, { short: true }).answers).toEqual({ 'founder-hats': [] });
    const [problem] = validateAnswers({ 'founder-hats': ['cpo'] }, { short: true }).problems;
    expect(problem?.message).toMatch(/a list of any of: tech, designer, cto-product/);
  });
});
