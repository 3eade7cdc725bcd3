/**
 * One judgement from findings to plan to rights, checked over generated companies: any valid
 * answers to any part of the questionnaire: 2,000 generated companies per property by default;
 * ASSESSMENT_PROPERTY_RUNS sets another count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISION_INFO, DECISIONS, defaultDecisionMatrix, type Role } from '../decision-rights';
import { assessSetup } from './assess';
import { listConditionQuestions } from './conditions';
import { applyDecisionRightsChanges, impliedDecisionRights } from './growth-plan';
import { HIRING_TRIGGERS } from './hiring-triggers';
import { listQuestions } from './questionnaire';
import { renderMarkdown } from './render-markdown';
import { arbitraryAnswers, arbitraryFullAnswers } from './test-answers';
import type { Answers, AnswerValue, AssessmentReport, Evidence } from './types';

const RUNS = { numRuns: Number(process.env.ASSESSMENT_PROPERTY_RUNS ?? 2000) };
const companies = fc.oneof(arbitraryAnswers, arbitraryFullAnswers);

function planned(report: AssessmentReport) {
  return report.plan.horizons.flatMap((h) => h.actions);
}

function hats(answers: Answers): readonly string[] {
  const value = answers['founder-hats'];
  return Array.isArray(value) ? (value as readonly string[]) : [];
}

/** Who is in the company, read straight from the answers as the questionnaire words them. */
function presentRoles(answers: Answers): Set<Role> {
  const present = new Set<Role>(['founder']);
  const num = (id: string) => (typeof answers[id] === 'number' ? (answers[id] as number) : 0);
  const senior = answers['senior-tech'];
  if (!hats(answers).includes('tech')) {
    if (senior === 'ctpo' || (senior === 'cto' && hats(answers).includes('cto-product'))) present.add('ctpo');
    else if (senior === 'cto' || senior === 'fractional-cto') present.add('cto');
  }
  const leadership = answers['product-leadership'];
  if (leadership === 'fractional-cpo' || leadership === 'full-time' || answers['strategy-owner'] === 'cpo') {
    present.add('cpo');
  }
  const manager = answers['delivery-manager'];
  if (num('product-managers') >= 0.5 || manager === 'shared' || manager === 'dedicated')
    present.add('product_manager');
  if (answers['delivery-owner'] === 'manager') present.add('product_manager');
  if (!hats(answers).includes('designer') && num('designers') > 0) present.add('designer');
  if (num('developers') > 0) present.add('developer');
  return present;
}

const SLOW_RECOVERY = ['1-day-to-1-week', '1-week-to-1-month', '1-to-6-months', 'over-6-months'];

/** What each finding claims, as a check of its own evidence. */
const CLAIMS: Record<string, (e: ReadonlyMap<string, AnswerValue>, report: AssessmentReport) => boolean> = {
  'cto-owns-delivery': (e) =>
    ['cto', 'nobody'].includes(e.get('delivery-owner') as string) &&
    !((e.get('founder-hats') as string[] | undefined) ?? []).includes('tech'),
  'cto-sets-priorities': (e) =>
    e.get('backlog-owner') === 'cto' &&
    !((e.get('founder-hats') as string[] | undefined) ?? []).includes('tech'),
  'no-product-owner': (e) => ['nobody', 'loudest', 'developers'].includes(e.get('backlog-owner') as string),
  'no-delivery-manager': (e) =>
    (e.get('developers') as number) > 3 &&
    ((e.get('product-managers') as number | undefined) ?? 0) < 0.5 &&
    e.get('delivery-owner') !== 'manager' &&
    !['shared', 'dedicated'].includes(e.get('delivery-manager') as string),
  'no-design-ownership': (e) =>
    e.get('user-facing') === 'yes' &&
    ['none', 'freelance-screens'].includes(e.get('design-ownership') as string) &&
    !((e.get('founder-hats') as string[] | undefined) ?? []).includes('designer'),
  'ctpo-bottleneck': (e) =>
    e.get('senior-tech') === 'ctpo' ||
    (e.get('senior-tech') === 'cto' && ((e.get('founder-hats') as string[]) ?? []).includes('cto-product')),
  'no-strategy-owner': (e) => e.get('strategy-owner') === 'nobody',
  instability: (e, report) => {
    const selected = report.dora.byYear.find((d) => d.year === report.dora.selectedYear);
    const bad = ['medium', 'low'];
    const cfr = e.has('change-fail-rate') && bad.includes(selected?.metrics['change-fail-rate'] ?? '');
    const recovery = e.has('recovery-time') && bad.includes(selected?.metrics['recovery-time'] ?? '');
    // Only measures that are themselves unstable are shown.
    return (cfr || recovery) && (!e.has('change-fail-rate') || cfr) && (!e.has('recovery-time') || recovery);
  },
  'high-rework': (e) => (e.get('rework-rate') as number) > 20,
  'thin-pm-coverage': (e) => (e.get('developers') as number) / (e.get('product-managers') as number) > 10,
  'wide-span-of-control': (e) => (e.get('cto-direct-reports') as number) > 8,
  'team-too-large': (e) =>
    (e.get('developers') as number) / ((e.get('teams') as number | undefined) ?? 1) > 9,
};

function evidenceMap(evidence: readonly Evidence[]): Map<string, AnswerValue> {
  return new Map(evidence.map((e) => [e.questionId, e.answer]));
}

describe('consistency of the assessment over generated companies', () => {
  it('should show evidence that agrees with each finding’s claim', () => {
    fc.assert(
      fc.property(companies, (answers) => {
        const report = assessSetup({ answers });
        for (const finding of report.findings) {
          for (const e of finding.evidence) expect(e.answer).toEqual(report.answers[e.questionId]);
          const claim = CLAIMS[finding.id];
          if (claim)
            expect([finding.id, claim(evidenceMap(finding.evidence), report)]).toEqual([finding.id, true]);
        }
      }),
      RUNS,
    );
  });

  it('should answer every due trigger with a planned action, and contradict none', () => {
    fc.assert(
      fc.property(companies, (answers) => {
        const report = assessSetup({ answers });
        const ids = new Set(planned(report).map((a) => a.id));
        for (const trigger of report.plan.triggers) {
          const template = HIRING_TRIGGERS.find((t) => t.id === trigger.id);
          if (trigger.status === 'due') expect(trigger.actionId).toBeTruthy();
          if (trigger.actionId) {
            expect(ids.has(trigger.actionId)).toBe(true);
            expect(template?.answeredBy).toContain(trigger.actionId);
          }
          // An action answering a trigger that is "not yet" or "in place" would contradict it.
          const answering = planned(report).filter((a) => template?.answeredBy.includes(a.id));
          if (trigger.status === 'watch' || trigger.status === 'satisfied') {
            expect([trigger.id, answering.map((a) => a.id)]).toEqual([trigger.id, []]);
          }
        }
      }),
      RUNS,
    );
  });

  it('should name a present interim holder for every right whose role is not in the company', () => {
    fc.assert(
      fc.property(companies, (answers) => {
        const report = assessSetup({ answers });
        const present = presentRoles(answers);
        const rights = [
          ...planned(report).flatMap((a) => a.decisionRights),
          ...impliedDecisionRights(report.plan),
        ];
        for (const right of rights) {
          const waits = (right.letter === 'A' || right.letter === 'R') && !present.has(right.role);
          expect([right, waits]).toEqual([right, right.interimRole !== undefined]);
          if (right.interimRole) expect(present.has(right.interimRole)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('should leave every decision the plan touches with a present holder once applied', () => {
    fc.assert(
      fc.property(companies, (answers) => {
        const report = assessSetup({ answers });
        const present = presentRoles(answers);
        const changes = impliedDecisionRights(report.plan);
        const { matrix } = applyDecisionRightsChanges({ matrix: defaultDecisionMatrix(), changes });
        // Decisions the plan hands to someone (A or R); the others keep the workspace's holders.
        const touched = new Set(
          changes.filter((c) => c.letter === 'A' || c.letter === 'R').map((c) => c.decision),
        );
        for (const decision of DECISIONS.filter((d) => DECISION_INFO[d].function === 'product')) {
          if (!touched.has(decision)) continue;
          const holders = [...present].filter((r) => ['A', 'R'].includes(matrix[decision][r]));
          expect([decision, holders.length > 0]).toEqual([decision, true]);
        }
        for (const c of changes.filter((c) => c.interimRole)) {
          expect(['A', 'R']).toContain(matrix[c.decision][c.interimRole as Role]);
        }
      }),
      RUNS,
    );
  });

  it('should agree with the DORA stability tier and the QA trigger about unstable releases', () => {
    fc.assert(
      fc.property(companies, (answers) => {
        const report = assessSetup({ answers });
        const selected = report.dora.byYear.find((d) => d.year === report.dora.selectedYear);
        const unstable = report.findings.some((f) => f.id === 'instability');
        if (unstable) expect(['elite', 'high']).not.toContain(selected?.stability);
        if (selected?.stability === 'medium' || selected?.stability === 'low') expect(unstable).toBe(true);
        const qa = report.plan.triggers.find((t) => t.id === 'qa-when-unstable');
        expect(qa?.status === 'due').toBe(unstable);
        // 2024: more than 30% failures or a day or more to restore is never a stable tier.
        const rate = answers['change-fail-rate'];
        if (
          (typeof rate === 'number' && rate > 30) ||
          SLOW_RECOVERY.includes(answers['recovery-time'] as string)
        ) {
          expect(unstable).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('should address a founder who wears a hat as the founder, never by the other role too', () => {
    fc.assert(
      fc.property(companies, (answers) => {
        const report = assessSetup({ answers });
        const worn: Role[] = [];
        if (hats(answers).includes('tech')) worn.push('cto', 'ctpo');
        if (hats(answers).includes('designer')) worn.push('designer');
        for (const action of planned(report)) {
          expect(worn).not.toContain(action.owner);
          for (const right of action.decisionRights) expect(worn).not.toContain(right.role);
        }
        if (worn.includes('cto')) {
          const ids = [...report.findings.map((f) => f.id), ...planned(report).map((a) => a.id)];
          expect(ids).not.toContain('cto-owns-delivery');
          expect(ids).not.toContain('refocus-cto-on-how');
        }
      }),
      RUNS,
    );
  });

  it('should keep order and scope with a CTPO who owns them, giving the PM delivery only', () => {
    const ctpoCompanies = fc
      .tuple(companies, fc.constantFrom('nobody', 'loudest', 'developers', 'cto', 'ctpo'))
      .map(
        ([answers, backlog]) => ({ ...answers, 'senior-tech': 'ctpo', 'backlog-owner': backlog }) as Answers,
      );
    fc.assert(
      fc.property(ctpoCompanies, (answers) => {
        fc.pre(!hats(answers).includes('tech'));
        const rights = impliedDecisionRights(assessSetup({ answers }).plan);
        const pmTakes = rights.filter(
          (r) =>
            r.role === 'product_manager' &&
            r.letter === 'A' &&
            (r.decision === 'backlog_order' || r.decision === 'requirements'),
        );
        expect(pmTakes).toEqual([]);
      }),
      RUNS,
    );
  });

  it('should report clean counts and labels: answered zeros, areas as the wizard counts them, role labels', () => {
    fc.assert(
      fc.property(companies, fc.boolean(), (answers, short) => {
        const report = assessSetup({ answers, short });
        for (const trigger of report.plan.triggers) {
          const template = HIRING_TRIGGERS.find((t) => t.id === trigger.id);
          const reads = [
            ...listConditionQuestions(template?.when ?? { all: [] }),
            ...(template?.satisfiedWhen ? listConditionQuestions(template.satisfiedWhen) : []),
          ];
          if (reads.every((id) => report.answers[id] !== undefined))
            expect(trigger.status).not.toBe('unknown');
        }
        const questions = listQuestions({ short });
        for (const area of report.scores.areas) {
          const inArea = questions.filter((q) => q.area === area.area);
          expect(area.questions).toBe(inArea.length);
          expect(area.answeredQuestions).toBe(
            inArea.filter((q) => report.answers[q.id] !== undefined).length,
          );
        }
        expect(renderMarkdown(report)).not.toMatch(/product_manager/);
      }),
      RUNS,
    );
  });
});
