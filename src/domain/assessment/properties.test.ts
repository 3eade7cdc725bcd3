import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDecisionMatrix, findMatrixProblems } from '../decision-rights';
import { assessSetup } from './assess';
import { applyDecisionRightsChanges, impliedDecisionRights } from './growth-plan';
import { listQuestions } from './questionnaire';
import { arbitraryAnswers, arbitraryFullAnswers } from './test-answers';

const RUNS = { numRuns: 150 };

describe('assessment properties', () => {
  it('should never raise the no-manager finding once a PM is added', () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.integer({ min: 1, max: 4 }), (answers, extra) => {
        const before = typeof answers['product-managers'] === 'number' ? answers['product-managers'] : 0;
        const after = assessSetup({ answers: { ...answers, 'product-managers': before + extra / 2 } });
        expect(after.findings.map((f) => f.id)).not.toContain('no-delivery-manager');
      }),
      RUNS,
    );
  });

  it('should never raise a finding that was absent when a dedicated manager takes over', () => {
    fc.assert(
      fc.property(arbitraryFullAnswers, (answers) => {
        const before = assessSetup({ answers }).findings.map((f) => f.id);
        const after = assessSetup({ answers: { ...answers, 'delivery-manager': 'dedicated' } }).findings.map(
          (f) => f.id,
        );
        expect(after.filter((id) => !before.includes(id))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('should keep every score within 0–100', () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.boolean(), (answers, short) => {
        const { scores } = assessSetup({ answers, short });
        for (const area of scores.areas) {
          if (area.score !== null) {
            expect(area.score).toBeGreaterThanOrEqual(0);
            expect(area.score).toBeLessThanOrEqual(100);
          }
        }
        if (scores.overall !== null) {
          expect(scores.overall).toBeGreaterThanOrEqual(0);
          expect(scores.overall).toBeLessThanOrEqual(100);
        }
      }),
      RUNS,
    );
  });

  it('should base short-questionnaire findings only on short questions', () => {
    const short = new Set(listQuestions({ short: true }).map((q) => q.id));
    fc.assert(
      fc.property(arbitraryFullAnswers, (answers) => {
        for (const finding of assessSetup({ answers, short: true }).findings) {
          for (const e of finding.evidence) expect(short.has(e.questionId)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('should link every planned action to a raised finding or a due hiring trigger', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const report = assessSetup({ answers });
        const raised = new Set(report.findings.map((f) => f.id));
        const due = new Set(report.plan.triggers.filter((t) => t.status === 'due').map((t) => t.id));
        for (const { actions } of report.plan.horizons) {
          for (const action of actions) {
            const byTrigger = (action.answersTriggers ?? []).some((id) => due.has(id));
            expect(action.rationale.length > 0 || byTrigger).toBe(true);
            for (const r of action.rationale) expect(raised.has(r.findingId)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('should imply at most one accountable role per decision and keep the default matrix sound', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const changes = impliedDecisionRights(assessSetup({ answers }).plan);
        const accountable = changes.filter((c) => c.letter === 'A').map((c) => c.decision);
        expect(new Set(accountable).size).toBe(accountable.length);
        const { matrix } = applyDecisionRightsChanges({ matrix: defaultDecisionMatrix(), changes });
        expect(findMatrixProblems(matrix)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('should never make the CTO accountable for ordering or delivery dates', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const changes = impliedDecisionRights(assessSetup({ answers }).plan);
        const ctoOwns = changes.filter(
          (c) =>
            c.role === 'cto' && c.letter === 'A' && ['backlog_order', 'delivery_dates'].includes(c.decision),
        );
        expect(ctoOwns).toEqual([]);
      }),
      RUNS,
    );
  });
});
