import { describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS, SCORING_FRAMEWORKS } from './catalogue';
import {
  BUILT_IN_INPUTS,
  describeScoreKey,
  describeValueEffortAxes,
  MOSCOW_VALUES,
  readFormulaInputs,
  readFrameworkInputs,
  readValueEffort,
} from './score-keys';

describe('one vocabulary', () => {
  it('should name every framework by the id it is listed under', () => {
    for (const id of FRAMEWORK_IDS) expect(SCORING_FRAMEWORKS[id].id).toBe(id);
    expect(Object.keys(SCORING_FRAMEWORKS).sort()).toEqual([...FRAMEWORK_IDS].sort());
  });

  it('should give an input shared by two frameworks the same definition in both', () => {
    const seen = new Map<string, unknown>();
    for (const framework of Object.values(SCORING_FRAMEWORKS)) {
      for (const input of framework.inputs) {
        if (seen.has(input.key)) expect(input).toBe(seen.get(input.key));
        seen.set(input.key, input);
      }
    }
    expect(BUILT_IN_INPUTS.size).toBe(seen.size);
  });

  it('should spell every id and score key in snake case when it is stored or sent', () => {
    for (const id of FRAMEWORK_IDS) expect(id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    for (const key of BUILT_IN_INPUTS.keys()) expect(key).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
  });
});

describe('readFrameworkInputs', () => {
  it('should turn a RICE confidence stored as a percentage into the fraction the formula uses', () => {
    expect(
      readFrameworkInputs(SCORING_FRAMEWORKS.rice, {
        rice_reach: 10,
        rice_confidence: 80,
        unrelated: 3,
      }),
    ).toEqual({ rice_reach: 10, rice_confidence: 0.8 });
    expect(readFrameworkInputs(SCORING_FRAMEWORKS.rice, { rice_confidence: 0.5 })).toEqual({
      rice_confidence: 0.5,
    });
    expect(readFrameworkInputs(SCORING_FRAMEWORKS.rice, { rice_confidence: 'high' })).toEqual({
      rice_confidence: 'high',
    });
  });
});

describe('readFormulaInputs', () => {
  it('should read moscow as 0–3 and numbers as stored when a custom formula reads them', () => {
    expect(MOSCOW_VALUES).toEqual({ wont: 0, could: 1, should: 2, must: 3 });
    expect(
      readFormulaInputs(['moscow', 'rice_reach', 'absent'], { moscow: 'should', rice_reach: 7 }),
    ).toEqual({
      moscow: 2,
      rice_reach: 7,
    });
  });
});

describe('describeScoreKey', () => {
  it('should prefix an input with its framework family when it is shown out of context', () => {
    expect(describeScoreKey('rice_reach')).toBe('RICE reach');
    expect(describeScoreKey('wsjf_time_criticality')).toBe('WSJF time criticality');
    expect(describeScoreKey('value_score')).toBe('Value');
    expect(describeScoreKey('moscow')).toBe('MoSCoW');
    expect(describeScoreKey('team_mood')).toBe('team_mood');
  });
});

describe('readValueEffort', () => {
  it('should use reach × impact × confidence against effort when ranking by RICE', () => {
    // 1000 × 2 × 0.8 = 1600 against 3 person-months; confidence stored as 80 %
    expect(
      readValueEffort({
        framework: SCORING_FRAMEWORKS.rice,
        scores: { rice_reach: 1000, rice_impact: 2, rice_confidence: 80, rice_effort: 3 },
        score: 533,
        likelyDays: null,
      }),
    ).toEqual({ value: 1600, effort: 3 });
  });

  it('should give no point when an input is missing and the framework has its own axes', () => {
    expect(
      readValueEffort({
        framework: SCORING_FRAMEWORKS.cd3,
        scores: { cd3_cost_of_delay: 10 },
        score: 1,
        likelyDays: 4,
      }),
    ).toBeNull();
  });

  it('should plot the score against the likely estimate when the framework has no axes of its own', () => {
    expect(
      readValueEffort({ framework: SCORING_FRAMEWORKS.kano, scores: {}, score: 3, likelyDays: 5 }),
    ).toEqual({ value: 3, effort: 5 });
    expect(readValueEffort({ framework: undefined, scores: {}, score: 3, likelyDays: null })).toBeNull();
    expect(describeValueEffortAxes(undefined)).toEqual({ value: 'Score', effort: 'Likely estimate (days)' });
    expect(describeValueEffortAxes(SCORING_FRAMEWORKS.wsjf).effort).toBe('Job size');
  });
});
