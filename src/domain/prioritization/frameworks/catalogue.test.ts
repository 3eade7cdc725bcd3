import { describe, expect, it } from 'vitest';
import { listFormulaFields } from '../expression/evaluate';
import { parseFormula } from '../expression/parse';
import { findFramework, SCORING_FRAMEWORKS } from './catalogue';
import { scoreItem } from './framework';

const score = (id: keyof typeof SCORING_FRAMEWORKS, values: Record<string, number | string>) =>
  scoreItem({ framework: SCORING_FRAMEWORKS[id], values });

describe('built-in frameworks', () => {
  it('should compute RICE when all four inputs are on their scales', () => {
    // reach 2000/quarter × impact high (2) × confidence medium (0.8) / effort 4 person-months = 3200 / 4 = 800
    expect(score('rice', { rice_reach: 2000, rice_impact: 2, rice_confidence: 0.8, rice_effort: 4 })).toEqual(
      {
        ok: true,
        score: 800,
      },
    );
    // 150 × 0.25 × 0.5 / 0.5 = 18.75 / 0.5 = 37.5, using scale keys instead of values
    expect(
      score('rice', {
        rice_reach: 150,
        rice_impact: 'minimal',
        rice_confidence: 'low',
        rice_effort: 0.5,
      }),
    ).toEqual({
      ok: true,
      score: 37.5,
    });
  });

  it('should compute ICE as the average and as the product when the two conventions are chosen', () => {
    // (8 + 5 + 2) / 3 = 15 / 3 = 5
    expect(score('ice', { ice_impact: 8, ice_confidence: 5, ice_ease: 2 })).toEqual({ ok: true, score: 5 });
    // 8 × 5 × 2 = 80
    expect(score('ice_product', { ice_impact: 8, ice_confidence: 5, ice_ease: 2 })).toEqual({
      ok: true,
      score: 80,
    });
  });

  it('should compute WSJF as summed cost of delay over job size', () => {
    // (8 + 13 + 3) / 5 = 24 / 5 = 4.8
    expect(
      score('wsjf', {
        wsjf_value: 8,
        wsjf_time_criticality: 13,
        wsjf_risk_reduction: 3,
        wsjf_job_size: 5,
      }),
    ).toEqual({
      ok: true,
      score: 4.8,
    });
    // (20 + 1 + 1) / 20 = 22 / 20 = 1.1
    expect(
      score('wsjf', {
        wsjf_value: 20,
        wsjf_time_criticality: 1,
        wsjf_risk_reduction: 1,
        wsjf_job_size: 20,
      }),
    ).toEqual({
      ok: true,
      score: 1.1,
    });
  });

  it('should compute CD3 as cost of delay per week over duration and prefer the higher one', () => {
    // A: 10/week over 2 weeks → 5; B: 30/week over 4 weeks → 7.5, so B goes first.
    // Check by hand: B first costs 30×4 + 10×6 = 180, A first costs 10×2 + 30×6 = 200.
    expect(score('cd3', { cd3_cost_of_delay: 10, cd3_duration: 2 })).toEqual({ ok: true, score: 5 });
    expect(score('cd3', { cd3_cost_of_delay: 30, cd3_duration: 4 })).toEqual({ ok: true, score: 7.5 });
  });

  it('should score MoSCoW by category with the category as label', () => {
    expect(score('moscow', { moscow: 'must' })).toEqual({ ok: true, score: 3, label: 'must' });
    expect(score('moscow', { moscow: 'wont' })).toEqual({ ok: true, score: 0, label: 'wont' });
  });

  it('should score Kano from the evaluation table when both answers are given', () => {
    // like / dislike → one-dimensional (priority 3); expect / dislike → must-be (4); like / neutral → attractive (2)
    expect(score('kano', { kano_functional: 'like', kano_dysfunctional: 'dislike' })).toEqual({
      ok: true,
      score: 3,
      label: 'one-dimensional',
    });
    expect(score('kano', { kano_functional: 'expect', kano_dysfunctional: 'dislike' })).toEqual({
      ok: true,
      score: 4,
      label: 'must-be',
    });
    expect(score('kano', { kano_functional: 'like', kano_dysfunctional: 'neutral' })).toEqual({
      ok: true,
      score: 2,
      label: 'attractive',
    });
  });

  it('should compute value over effort with the quadrant as label', () => {
    // 9 / 3 = 3, value high (≥ 5.5) and effort low → quick win
    expect(score('value_effort', { value_score: 9, effort_score: 3 })).toEqual({
      ok: true,
      score: 3,
      label: 'quick-win',
    });
    // 2 / 8 = 0.25, value low and effort high → time sink
    expect(score('value_effort', { value_score: 2, effort_score: 8 })).toEqual({
      ok: true,
      score: 0.25,
      label: 'time-sink',
    });
  });

  it('should compute the opportunity score and never subtract when satisfaction exceeds importance', () => {
    // 8 + max(8 − 3, 0) = 8 + 5 = 13 → solid (12–15)
    expect(score('opportunity', { opportunity_importance: 8, opportunity_satisfaction: 3 })).toEqual({
      ok: true,
      score: 13,
      label: 'solid',
    });
    // 6 + max(6 − 9, 0) = 6 + 0 = 6 → low
    expect(score('opportunity', { opportunity_importance: 6, opportunity_satisfaction: 9 })).toEqual({
      ok: true,
      score: 6,
      label: 'low',
    });
    // 9.5 + max(9.5 − 1, 0) = 9.5 + 8.5 = 18 → major (> 15)
    expect(score('opportunity', { opportunity_importance: 9.5, opportunity_satisfaction: 1 })).toEqual({
      ok: true,
      score: 18,
      label: 'major',
    });
  });

  it('should find built-in frameworks by id and nothing else', () => {
    expect(findFramework('wsjf')?.name).toBe('WSJF');
    expect(findFramework('constructor')).toBeUndefined();
    expect(findFramework('nope')).toBeUndefined();
  });

  it('should declare every field its formula reads when a framework is formula-based', () => {
    for (const framework of Object.values(SCORING_FRAMEWORKS)) {
      if (framework.id === 'kano') continue;
      const parsed = parseFormula(framework.formula);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const keys = framework.inputs.map((input) => input.key);
      expect(listFormulaFields(parsed.expression).filter((field) => !keys.includes(field))).toEqual([]);
    }
  });
});
