import { describe, expect, it } from 'vitest';
import { defaultDecisionMatrix, type Holder, holdsDecision } from '../decision-rights';
import { assessSetup } from './assess';
import { buildConditionContext } from './conditions';
import { computeDoraTiers } from './dora';
import { DORA_BENCHMARKS } from './dora-benchmarks';
import { applyDecisionRightsChanges, impliedDecisionRights } from './growth-plan';
import { actingRole, describeCompanyRoles, interimHolder } from './roles';
import { withAnswers } from './test-answers';
import type { Answers, AnswerValue } from './types';

function rolesOf(answers: Answers) {
  const benchmark = DORA_BENCHMARKS[0];
  if (!benchmark) throw new Error('no benchmark seeded');
  return describeCompanyRoles(buildConditionContext(answers, computeDoraTiers(answers, benchmark)));
}

const founderAndTwoDevs: Record<string, AnswerValue | undefined> = {
  stage: 'mvp',
  developers: 2,
  'product-managers': 0,
  'delivery-manager': 'founder-part-time',
  'delivery-owner': 'founder',
  'backlog-owner': 'founder',
  designers: 0,
  'product-leadership': 'none',
  'strategy-owner': 'founder',
};

describe('describeCompanyRoles', () => {
  it('should count a founder-CTO as a hat of the founder, not as a CTO in the company', () => {
    const roles = rolesOf({ 'senior-tech': 'cto', 'founder-hats': ['tech'], developers: 2 });
    expect(roles.present).toEqual(['founder', 'developer']);
    expect(roles.wornByFounder).toEqual(['cto']);
    expect(actingRole(roles, 'cto')).toBe('founder');
  });

  it('should treat a CTO who holds product as a CTPO', () => {
    const roles = rolesOf({ 'senior-tech': 'cto', 'founder-hats': ['cto-product'] });
    expect(roles.present).toContain('ctpo');
    expect(roles.present).not.toContain('cto');
  });

  it('should read an older answer file without hats as nobody wearing two', () => {
    const roles = rolesOf({ 'senior-tech': 'cto', designers: 1 });
    expect(roles.wornByFounder).toEqual([]);
    expect(roles.present).toEqual(['founder', 'cto', 'designer']);
  });

  it('should not make a role present from an unanswered count', () => {
    expect(rolesOf({}).present).toEqual(['founder']);
  });
});

describe('interimHolder', () => {
  it('should give product decisions to the CTPO where there is one, else the founder', () => {
    expect(interimHolder(rolesOf({ 'senior-tech': 'ctpo' }), 'delivery_dates', 'product_manager')).toBe(
      'ctpo',
    );
    expect(interimHolder(rolesOf({ 'senior-tech': 'cto' }), 'delivery_dates', 'product_manager')).toBe(
      'founder',
    );
  });

  it('should give technical decisions to the developers when there is no CTO', () => {
    const roles = rolesOf({ 'senior-tech': 'senior-developer', developers: 3 });
    expect(interimHolder(roles, 'estimates', 'cto')).toBe('developer');
  });
});

describe('several hats in the plan', () => {
  it('should not call the founder-CTO who runs delivery a CTO who owns delivery', () => {
    const report = assessSetup({
      answers: withAnswers({
        ...founderAndTwoDevs,
        'senior-tech': 'cto',
        'founder-hats': ['tech'],
        'cto-delivery-share': 'over-60',
        'estimation-method': 'single-number',
      }),
    });
    expect(report.findings.map((f) => f.id)).not.toContain('cto-owns-delivery');
    const calibrate = report.plan.horizons
      .flatMap((h) => h.actions)
      .find((a) => a.id === 'calibrate-estimates');
    expect(calibrate?.owner).toBe('founder');
    expect(calibrate?.decisionRights).toEqual([{ decision: 'estimates', role: 'founder', letter: 'A' }]);
  });

  it('should fire for the same answers when the CTO is not a founder', () => {
    const report = assessSetup({
      answers: withAnswers({ ...founderAndTwoDevs, 'senior-tech': 'cto', 'delivery-owner': 'cto' }),
    });
    expect(report.findings.map((f) => f.id)).toContain('cto-owns-delivery');
  });

  it('should let the founder keep ordering the backlog while a designer is on the team and the PM is not yet', () => {
    const answers = withAnswers({
      'backlog-owner': 'loudest',
      'delivery-owner': 'nobody',
      'delivery-manager': 'none',
      'product-managers': 0,
      developers: 5,
      designers: 1,
    });
    const changes = impliedDecisionRights(assessSetup({ answers }).plan);
    const { matrix } = applyDecisionRightsChanges({ matrix: defaultDecisionMatrix(), changes });
    expect(matrix.backlog_order.product_manager).toBe('A');
    expect(matrix.backlog_order.founder).toBe('R');
    // In a team of a founder and a designer, the founder may order (before: only the designer could).
    const founder: Holder = { userId: 'f', name: 'Founder', role: 'founder' };
    const members: Holder[] = [founder, { userId: 'd', name: 'Designer', role: 'designer' }];
    expect(holdsDecision(matrix, 'backlog_order', founder, members)).toBe(true);
    expect(holdsDecision(defaultDecisionMatrix(), 'backlog_order', founder, members)).toBe(false);
  });
});
