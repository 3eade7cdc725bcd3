import { describe, expect, it } from 'vitest';
import { defaultDecisionMatrix } from '../decision-rights';
import { assessSetup } from './assess';
import { applyDecisionRightsChanges, impliedDecisionRights } from './growth-plan';
import { withAnswers } from './test-answers';
import type { AnswerValue, GrowthPlan, PlannedAction } from './types';

function planFor(changes: Record<string, AnswerValue | undefined>): GrowthPlan {
  return assessSetup({ answers: withAnswers(changes) }).plan;
}

function actions(plan: GrowthPlan): PlannedAction[] {
  return plan.horizons.flatMap((h) => h.actions);
}

const ctoRunsEverything = {
  'backlog-owner': 'cto',
  'delivery-owner': 'cto',
  'cto-delivery-share': 'over-60',
  'product-managers': 0,
  'delivery-manager': 'none',
  developers: 5,
};

describe('buildGrowthPlan', () => {
  it('should plan nothing when there are no findings', () => {
    expect(actions(planFor({}))).toEqual([]);
  });

  it('should keep the CTO and hire a manager now when the CTO runs delivery for five developers', () => {
    const plan = planFor(ctoRunsEverything);
    const now = plan.horizons.find((h) => h.horizon === 'now')?.actions.map((a) => a.id);
    expect(now).toEqual(
      expect.arrayContaining(['name-product-owner', 'refocus-cto-on-how', 'hire-delivery-manager']),
    );
    expect(now).not.toContain('founder-runs-delivery');
    const hire = actions(plan).find((a) => a.id === 'hire-delivery-manager');
    expect(hire?.rationale.map((r) => r.findingId)).toEqual(['cto-owns-delivery', 'no-delivery-manager']);
    expect(hire?.exitCriteria.length).toBeGreaterThan(0);
  });

  it('should let the founder run delivery when the CTO does so for three developers', () => {
    const ids = actions(planFor({ ...ctoRunsEverything, developers: 3 })).map((a) => a.id);
    expect(ids).toContain('founder-runs-delivery');
    expect(ids).not.toContain('hire-delivery-manager');
  });

  it('should pull an action forward to now when it fixes a critical finding', () => {
    // hiring a designer defaults to 3 months; with no product owner (critical) the fractional CPO
    // stays now, and the designer stays at 3 months because its finding is only high.
    const plan = planFor({
      stage: 'mvp',
      'backlog-owner': 'nobody',
      'design-ownership': 'none',
      'product-leadership': 'none',
    });
    const horizonOf = (id: string) => actions(plan).find((a) => a.id === id)?.horizon;
    expect(horizonOf('contract-fractional-cpo')).toBe('now');
    expect(horizonOf('engage-designer')).toBe('3-months');
  });

  it('should give the fractional CPO a time budget and deliverables', () => {
    const cpo = actions(planFor({ stage: 'mvp', 'product-leadership': 'none' })).find(
      (a) => a.id === 'contract-fractional-cpo',
    );
    expect(cpo?.budget).toMatch(/days a week/);
    expect(cpo?.deliverables.join(' ')).toMatch(/roadmap/);
    expect(cpo?.deliverables.join(' ')).toMatch(/coaching plan for the designer/);
  });

  it('should not propose a fractional CPO to a company that already has one', () => {
    const ids = actions(planFor({ roadmap: 'none', 'product-leadership': 'fractional-cpo' })).map(
      (a) => a.id,
    );
    expect(ids).toContain('write-roadmap');
    expect(ids).not.toContain('contract-fractional-cpo');
  });
});

describe('hiring triggers', () => {
  function status(id: string, changes: Record<string, AnswerValue | undefined>) {
    return planFor(changes).triggers.find((t) => t.id === id)?.status;
  }

  it('should mark the PM trigger due at four developers without a manager', () => {
    expect(status('pm-at-fourth-developer', { ...ctoRunsEverything, developers: 4 })).toBe('due');
  });

  it('should keep watching the PM trigger at three developers', () => {
    expect(status('pm-at-fourth-developer', { ...ctoRunsEverything, developers: 3 })).toBe('watch');
  });

  it('should mark the PM trigger satisfied once a manager exists', () => {
    expect(status('pm-at-fourth-developer', { developers: 7 })).toBe('satisfied');
  });

  it('should say unknown when the answers do not tell', () => {
    expect(status('engineering-manager-past-eight-reports', { 'cto-direct-reports': undefined })).toBe(
      'unknown',
    );
  });

  it('should read a count answered as 0 as an answer: no designer yet is not yet another designer', () => {
    expect(status('designer-per-ten-developers', { designers: 0, developers: 14 })).toBe('watch');
    expect(status('pm-per-ten-developers', { 'product-managers': 0, developers: 14 })).toBe('watch');
    expect(status('designer-per-ten-developers', { designers: 1, developers: 14 })).toBe('due');
  });

  it('should name the planned action that answers a due trigger, even without a finding', () => {
    const plan = planFor({ developers: 14, designers: 1 });
    expect(plan.triggers.find((t) => t.id === 'designer-per-ten-developers')?.actionId).toBe('add-designer');
    const add = actions(plan).find((a) => a.id === 'add-designer');
    expect(add?.rationale).toEqual([]);
    expect(add?.answersTriggers).toEqual(['designer-per-ten-developers']);
  });

  it('should hire a full-time CPO, not contract a fractional one, after product–market fit', () => {
    const plan = planFor({
      stage: 'scaling',
      developers: 14,
      teams: 2,
      designers: 2,
      'product-managers': 2,
      'product-leadership': 'none',
      roadmap: 'wish-list',
    });
    expect(plan.triggers.find((t) => t.id === 'full-time-cpo')).toMatchObject({
      status: 'due',
      actionId: 'hire-cpo',
    });
    expect(plan.triggers.find((t) => t.id === 'fractional-cpo-early')?.status).toBe('watch');
    expect(actions(plan).map((a) => a.id)).not.toContain('contract-fractional-cpo');
  });

  it('should phrase the PM trigger as the fourth developer joining', () => {
    expect(planFor({}).triggers.find((t) => t.id === 'pm-at-fourth-developer')?.text).toMatch(
      /4th developer/,
    );
  });
});

describe('impliedDecisionRights', () => {
  it('should hand ordering and dates to the PM and keep the CTO on how', () => {
    const changes = impliedDecisionRights(planFor(ctoRunsEverything));
    const letter = (decision: string, role: string) =>
      changes.find((c) => c.decision === decision && c.role === role)?.letter;
    expect(letter('backlog_order', 'product_manager')).toBe('A');
    expect(letter('delivery_dates', 'product_manager')).toBe('A');
    expect(letter('backlog_order', 'cto')).toBe('C');
    expect(letter('technical_approach', 'cto')).toBe('A');
    // With five developers the PM, not the founder, orders the backlog; the founder keeps the roadmap.
    expect(letter('backlog_order', 'founder')).toBeUndefined();
    expect(letter('roadmap', 'founder')).toBe('A');
  });

  it('should return nothing for a plan without decision-rights changes', () => {
    expect(impliedDecisionRights(planFor({}))).toEqual([]);
  });
});

describe('impliedDecisionRights ordering', () => {
  it('should demote an earlier accountable role when a later action names another', () => {
    const plan: GrowthPlan = {
      horizons: [
        { horizon: 'now', actions: [stubAction('first', 'founder')] },
        { horizon: '3-months', actions: [stubAction('second', 'product_manager')] },
        { horizon: '12-months', actions: [] },
      ],
      triggers: [],
    };
    expect(impliedDecisionRights(plan)).toEqual([
      { decision: 'backlog_order', role: 'founder', letter: 'R', actionId: 'second' },
      { decision: 'backlog_order', role: 'product_manager', letter: 'A', actionId: 'second' },
    ]);
  });
});

function stubAction(id: string, role: 'founder' | 'product_manager'): PlannedAction {
  return {
    id,
    title: id,
    kind: 'assign',
    owner: 'founder',
    horizon: 'now',
    details: '',
    deliverables: [],
    exitCriteria: [],
    rationale: [],
    decisionRights: [{ decision: 'backlog_order', role, letter: 'A' }],
  };
}

describe('applyDecisionRightsChanges', () => {
  it('should demote the previous accountable role to responsible', () => {
    const { matrix } = applyDecisionRightsChanges({
      matrix: defaultDecisionMatrix(),
      changes: [{ decision: 'backlog_order', role: 'founder', letter: 'A' }],
    });
    expect(matrix.backlog_order.founder).toBe('A');
    expect(matrix.backlog_order.product_manager).toBe('R');
  });

  it('should skip a change that would leave a decision without an accountable role', () => {
    const before = defaultDecisionMatrix();
    const change = { decision: 'estimates', role: 'cto', letter: 'C' } as const;
    const { matrix, skipped } = applyDecisionRightsChanges({ matrix: before, changes: [change] });
    expect(skipped).toEqual([change]);
    expect(matrix.estimates.cto).toBe('A');
  });

  it('should not modify the matrix it was given', () => {
    const before = defaultDecisionMatrix();
    applyDecisionRightsChanges({
      matrix: before,
      changes: [{ decision: 'roadmap', role: 'founder', letter: 'A' }],
    });
    expect(before).toEqual(defaultDecisionMatrix());
  });
});
