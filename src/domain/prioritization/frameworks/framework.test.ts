import { describe, expect, it } from 'vitest';
import { SCORING_FRAMEWORKS } from './catalogue';
import { defineFormulaFramework, scoreItem, validateFrameworkInputs } from './framework';

describe('validateFrameworkInputs', () => {
  it('should list every missing and every bad input together when several are wrong', () => {
    const result = validateFrameworkInputs({
      framework: SCORING_FRAMEWORKS.rice,
      values: { rice_reach: -5, rice_impact: 1.5, rice_effort: 0 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['rice_reach', 'below-minimum'],
      ['rice_impact', 'not-allowed'],
      ['rice_confidence', 'missing'],
      ['rice_effort', 'below-minimum'],
    ]);
    expect(result.problems[1]?.allowed).toEqual([0.25, 0.5, 1, 2, 3]);
    expect(result.problems[1]?.message).toBe(
      'Impact (rice_impact) must be one of 0.25 (minimal), 0.5 (low), 1 (medium), 2 (high), 3 (massive); got 1.5',
    );
    expect(result.problems[3]?.message).toBe('Effort (rice_effort) must be greater than 0, got 0');
  });

  it('should refuse text in a number input and values outside a 1–10 scale', () => {
    const result = validateFrameworkInputs({
      framework: SCORING_FRAMEWORKS.ice,
      values: { ice_impact: 'big', ice_confidence: 11, ice_ease: 0 },
    });
    expect(result.ok || result.problems.map((problem) => problem.code)).toEqual([
      'not-a-number',
      'above-maximum',
      'below-minimum',
    ]);
  });

  it('should refuse an answer that is not on the Kano list', () => {
    const result = validateFrameworkInputs({
      framework: SCORING_FRAMEWORKS.kano,
      values: { kano_functional: 'love', kano_dysfunctional: 'dislike' },
    });
    expect(result.ok || result.problems[0]?.allowed).toEqual([
      'like',
      'expect',
      'neutral',
      'live-with',
      'dislike',
    ]);
  });

  it('should treat null and empty strings as missing when an input was cleared', () => {
    const result = scoreItem({
      framework: SCORING_FRAMEWORKS.cd3,
      values: { cd3_cost_of_delay: null, cd3_duration: '' },
    });
    expect(result.ok || result.missing).toEqual(['cd3_cost_of_delay', 'cd3_duration']);
  });
});

describe('defineFormulaFramework', () => {
  it('should build a custom weighted framework with one number input per field', () => {
    const built = defineFormulaFramework({
      id: 'custom',
      name: 'Custom',
      formula: '2 * value + urgency - effort / 2',
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.framework.inputs.map((input) => input.key)).toEqual(['value', 'urgency', 'effort']);
    // 2×5 + 3 − 4/2 = 10 + 3 − 2 = 11
    expect(scoreItem({ framework: built.framework, values: { value: 5, urgency: 3, effort: 4 } })).toEqual({
      ok: true,
      score: 11,
    });
  });

  it('should return the parse error when the formula is malformed', () => {
    const built = defineFormulaFramework({ id: 'bad', name: 'Bad', formula: 'value * (urgency +' });
    expect(built.ok || built.errors[0]?.code).toBe('unexpected-end');
  });

  it('should report fields missing from the declared inputs when inputs are given', () => {
    const built = defineFormulaFramework({
      id: 'partial',
      name: 'Partial',
      formula: 'rice_reach / effrot',
      inputs: SCORING_FRAMEWORKS.rice.inputs,
    });
    expect(built.ok || built.errors.map((error) => [error.code, error.token])).toEqual([
      ['unknown-field', 'effrot'],
    ]);
  });

  it('should mark an item not computable when its custom formula divides by zero', () => {
    const built = defineFormulaFramework({ id: 'ratio', name: 'Ratio', formula: 'value / effort' });
    if (!built.ok) throw new Error('should build');
    const result = scoreItem({ framework: built.framework, values: { value: 3, effort: 0 } });
    expect(result.ok || result.problems[0]?.code).toBe('not-computable');
  });
});
