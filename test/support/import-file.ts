import { type HeadwayExport, noWorkspaceTables } from '../../src/contract';
import { defaultDecisionMatrix } from '../../src/domain/decision-rights';

const AT = '2026-01-05T09:00:00.000Z';

/**
 * A small Headway JSON file as an attacker could write it: `importer` is who sends it, `named`
 * is anyone else the file claims as a founder, author of a comment, a decision, a state change,
 * an estimate, the creator and assignee of an item, and the author of an assessment and a
 * published roadmap version.
 */
export function buildImportFile(options: { importer: string; named: string; name?: string }): HeadwayExport {
  const { importer, named } = options;
  const item = (number: number, rank: string) => ({
    number,
    type: 'feature' as const,
    title: `Item ${number}`,
    description: '',
    parent: null,
    state: 'new' as const,
    rank,
    orderedAt: null,
    estimate: { optimistic: 1, likely: 2, pessimistic: 4, estimatedBy: named, estimatedAt: AT },
    actualEffort: null,
    scores: {},
    skills: [],
    labels: [],
    assignee: named,
    targetDate: null,
    scopeQuestion: null,
    scopeQuestionAt: null,
    createdBy: named,
    createdAt: AT,
    updatedAt: AT,
    completedAt: null,
    version: 1,
  });
  return {
    format: 'headway',
    formatVersion: 1,
    workspace: {
      name: options.name ?? 'Imported workspace',
      decisionRights: defaultDecisionMatrix(),
      nextItemNumber: 3,
    },
    members: [
      { email: importer, name: 'Importer', role: 'developer', fte: 0.5, skills: ['backend'], joinedAt: AT },
      { email: named, name: 'Named Person', role: 'founder', fte: 1, skills: [], joinedAt: AT },
    ],
    items: [item(1, 'a0'), item(2, 'a1')],
    dependencies: [],
    stateHistory: [{ item: 1, from: null, to: 'new', by: named, at: AT }],
    decisions: [
      {
        decision: 'backlog_order',
        item: 1,
        actor: named,
        summary: 'Put #1 first',
        rationale: 'because I said so',
        details: {},
        at: AT,
      },
    ],
    comments: [{ item: 1, author: named, body: 'I approve this plan.', at: AT }],
    formulas: [],
    assessments: [
      {
        number: 1,
        questionnaireVersion: 1,
        variant: 'short',
        doraYear: 2024,
        answers: { developers: 6, 'backlog-owner': 'cto', 'delivery-owner': 'cto' },
        report: {},
        createdBy: named,
        createdAt: AT,
      },
    ],
    roadmapSnapshots: [
      {
        version: 1,
        note: null,
        startDate: '2026-01-05',
        plan: {
          endDate: '2026-01-16',
          items: [
            {
              itemId: 'item:#1',
              number: 1,
              title: 'Item 1',
              personId: `user:${named}`,
              start: '2026-01-05',
              finish: '2026-01-09',
            },
          ],
          milestones: [],
        },
        publishedBy: named,
        publishedAt: AT,
      },
    ],
    forecasts: [],
    slips: [],
    ...noWorkspaceTables(),
  };
}

/** A report that tries to become markup everywhere the old HTML renderer interpolated it. */
export const HOSTILE_REPORT = {
  company: '<script>fetch("/api/tokens",{method:"POST"})</script>',
  questionnaire: 'short',
  answers: {},
  unanswered: [],
  scores: {
    areas: [
      {
        area: 'product',
        score: '1"><script>alert(1)</script>',
        band: 'x" onmouseover="alert(1)',
        answered: 1,
        scoredQuestions: 1,
      },
    ],
    overall: '<img src=x onerror=alert(1)>',
    band: 'strong',
  },
  dora: { selectedYear: '<script>alert(2)</script>', byYear: [] },
  findings: [
    {
      id: 'x',
      area: 'product',
      title: 'Read this',
      severity: 'critical" onclick="alert(3)',
      why: 'because',
      recommendation: 'click the source',
      evidence: [],
      sources: [{ source: 's', point: 'p', title: 'Source', url: 'javascript:alert(document.cookie)' }],
    },
  ],
  plan: { horizons: [], triggers: [] },
};
