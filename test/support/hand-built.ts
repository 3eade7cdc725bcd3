import { type HeadwayExport, noWorkspaceTables } from '../../src/contract';
import { defaultDecisionMatrix } from '../../src/domain/decision-rights';
import { MS_PER_DAY } from '../../src/domain/shared';

type Draft = HeadwayExport['items'][number];

/**
 * A small workspace written by hand, with known ages: four items wait to be ordered (the oldest
 * 175 days), five features and tasks wait for an estimate (the oldest 175 days), one scope
 * question has waited 12 days. The CPO holds ordering and scope, the CTO estimates.
 * @param now the moment ages count from
 */
export function buildHandBuiltWorkspace(now: Date, domain = 'hand.example'): HeadwayExport {
  const ago = (days: number) => new Date(now.getTime() - days * MS_PER_DAY - 60_000).toISOString();
  const email = (who: string) => `${who}@${domain}`;
  let rank = 0;
  const item = (number: number, overrides: Partial<Draft>): Draft => ({
    number,
    type: 'feature',
    title: `Item ${number}`,
    description: '',
    parent: null,
    state: 'new',
    rank: `a${String(rank++).padStart(3, '0')}`,
    orderedAt: ago(1),
    estimate: { optimistic: 1, likely: 2, pessimistic: 3, estimatedBy: email('sam'), estimatedAt: ago(1) },
    actualEffort: null,
    scores: {},
    skills: [],
    labels: [],
    assignee: null,
    targetDate: null,
    scopeQuestion: null,
    scopeQuestionAt: null,
    createdBy: email('dana'),
    createdAt: ago(200),
    updatedAt: ago(1),
    completedAt: null,
    version: 1,
    ...overrides,
  });
  const items: Draft[] = [
    item(1, {
      title: 'Unordered, unestimated, oldest',
      orderedAt: null,
      estimate: null,
      createdAt: ago(175),
    }),
    item(2, { title: 'Unordered, unestimated', orderedAt: null, estimate: null, createdAt: ago(40) }),
    item(3, { title: 'Unordered, unestimated, newest', orderedAt: null, estimate: null, createdAt: ago(2) }),
    item(4, { type: 'task', title: 'Ordered task without estimate', estimate: null, createdAt: ago(100) }),
    item(5, { type: 'task', title: 'Another task without estimate', estimate: null, createdAt: ago(10) }),
    item(6, {
      title: 'Blocked on scope',
      scopeQuestion: 'Is this for enterprise only?',
      scopeQuestionAt: ago(12),
    }),
    item(7, { title: 'Done without estimate', state: 'done', estimate: null, completedAt: ago(3) }),
    item(8, { type: 'epic', title: 'Unordered epic', orderedAt: null, estimate: null, createdAt: ago(50) }),
    item(9, { title: 'Cancelled and unordered', state: 'cancelled', orderedAt: null, estimate: null }),
  ];
  const decision = (
    d: HeadwayExport['decisions'][number]['decision'],
    who: string,
    daysAgo: number,
    summary: string,
    rationale: string | null,
    itemNumber: number | null = null,
  ): HeadwayExport['decisions'][number] => ({
    decision: d,
    item: itemNumber,
    actor: email(who),
    summary,
    rationale,
    details: {},
    at: ago(daysAgo),
  });
  return {
    format: 'headway',
    formatVersion: 1,
    workspace: { name: 'Hand built', decisionRights: defaultDecisionMatrix(), nextItemNumber: 10 },
    members: [
      { email: email('alex'), name: 'Alex', role: 'founder', fte: 1, skills: [], joinedAt: ago(300) },
      { email: email('sam'), name: 'Sam', role: 'cto', fte: 1, skills: [], joinedAt: ago(300) },
      { email: email('dana'), name: 'Dana', role: 'cpo', fte: 0.2, skills: [], joinedAt: ago(300) },
      { email: email('jo'), name: 'Jo', role: 'developer', fte: 1, skills: [], joinedAt: ago(300) },
    ],
    items,
    dependencies: [],
    stateHistory: [],
    decisions: [
      decision(
        'backlog_order',
        'dana',
        30,
        'Moved #6 “Blocked on scope” to the top',
        'Biggest deal this quarter',
        6,
      ),
      decision('estimates', 'sam', 29, 'Estimated #6 “Blocked on scope” at 1/2/3 days', null, 6),
      decision(
        'scope',
        'dana',
        20,
        'Cut #9 “Cancelled and unordered” from scope',
        '=HYPERLINK("http://evil.example","x")',
        9,
      ),
      decision('backlog_order', 'dana', 15, 'Moved #4 to the top', '+1 for the sales team', 4),
      decision('backlog_order', 'dana', 14, 'Moved #5 after #4', '-2 weeks of work saved', 5),
      decision('team', 'alex', 13, 'Changed decision rights (1 cell)', '@SUM(A1:A9)', null),
      decision('backlog_order', 'dana', 12, 'Moved #6 after #5', '\tTabbed why', 6),
      decision('backlog_order', 'dana', 11, 'Moved #4 after #6', '\rCarriage why', 4),
      decision('backlog_order', 'dana', 10, 'Moved #5 to the top', '=1+1\nsecond line', 5),
      decision(
        'delivery_dates',
        'dana',
        9,
        'Set the target date of #6 to 2031-01-01',
        'A 50% discount ends then',
        6,
      ),
      decision(
        'delivery_dates',
        'dana',
        8,
        'Set the target date of #4 to 2031-02-01',
        'Price list 500 ends then',
        4,
      ),
      decision('estimates', 'sam', 5, 'Estimated #5 at 1/2/3 days', 'Similar to #4_old', 5),
    ],
    comments: [],
    formulas: [],
    assessments: [],
    roadmapSnapshots: [],
    forecasts: [],
    slips: [],
    ...noWorkspaceTables(),
  };
}
