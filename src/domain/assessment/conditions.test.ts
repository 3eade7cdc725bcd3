import { describe, expect, it } from 'vitest';
import { buildConditionContext, evaluateCondition, listConditionQuestions } from './conditions';
import { computeDoraTiers, findDoraBenchmark } from './dora';
import type { Answers, Condition } from './types';

function context(answers: Answers) {
  const benchmark = findDoraBenchmark(2024);
  if (!benchmark) throw new Error('missing 2024');
  return buildConditionContext(answers, computeDoraTiers(answers, benchmark));
}

const devsOver3: Condition = { q: 'developers', op: 'gt', value: 3 };
const pmUnknown: Condition = { q: 'product-managers', op: 'gte', value: 1 };

describe('evaluateCondition', () => {
  it('should be unknown for a leaf on an unanswered question', () => {
    expect(evaluateCondition(pmUnknown, context({}))).toBeUndefined();
  });

  it('should follow three-valued logic for all, any and not', () => {
    const c = context({ developers: 5 });
    expect(evaluateCondition({ all: [devsOver3, pmUnknown] }, c)).toBeUndefined();
    expect(evaluateCondition({ all: [{ not: devsOver3 }, pmUnknown] }, c)).toBe(false);
    expect(evaluateCondition({ any: [devsOver3, pmUnknown] }, c)).toBe(true);
    expect(evaluateCondition({ any: [{ not: devsOver3 }, pmUnknown] }, c)).toBeUndefined();
    expect(evaluateCondition({ not: pmUnknown }, c)).toBeUndefined();
  });

  it('should compare the points an answer earns', () => {
    // roadmap "wish-list" earns 1 point.
    const c = context({ roadmap: 'wish-list' });
    expect(evaluateCondition({ q: 'roadmap', op: 'pointsLte', value: 1 }, c)).toBe(true);
    expect(evaluateCondition({ q: 'roadmap', op: 'pointsGte', value: 2 }, c)).toBe(false);
  });

  it('should support in, notIn and includes', () => {
    const c = context({ stage: 'mvp', hygiene: ['ci-build'] });
    expect(evaluateCondition({ q: 'stage', op: 'in', value: ['idea', 'mvp'] }, c)).toBe(true);
    expect(evaluateCondition({ q: 'stage', op: 'notIn', value: ['idea', 'mvp'] }, c)).toBe(false);
    expect(evaluateCondition({ q: 'hygiene', op: 'includes', value: 'ci-build' }, c)).toBe(true);
  });

  it('should derive developers per tech lead as unbounded when there is no lead', () => {
    expect(context({ developers: 3, 'tech-leads': 0 }).metrics['devs-per-tech-lead']).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(context({ developers: 12, 'tech-leads': 2 }).metrics['devs-per-tech-lead']).toBe(6);
  });

  it('should assume one team when the number of teams is unanswered', () => {
    expect(context({ developers: 7 }).metrics['devs-per-team']).toBe(7);
    expect(context({ developers: 12, teams: 3 }).metrics['devs-per-team']).toBe(4);
  });

  it('should throw on an unknown metric, a bug in rule data', () => {
    expect(() => evaluateCondition({ metric: 'nope', op: 'eq', value: 1 }, context({}))).toThrow(
      /unknown metric/,
    );
  });
});

describe('listConditionQuestions', () => {
  it('should list question ids once, expanding metrics into their inputs', () => {
    const c: Condition = {
      all: [devsOver3, { not: { metric: 'devs-per-pm', op: 'gt', value: 10 } }, { any: [devsOver3] }],
    };
    expect(listConditionQuestions(c)).toEqual(['developers', 'product-managers']);
  });
});
