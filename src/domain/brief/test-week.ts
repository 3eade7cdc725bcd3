/** A hand-built week for the brief's tests (not part of the engine). */
import type { BriefInput } from './types';

export const SINCE = '2026-03-02';
export const BASE = '/w/acme';
export const ref = (n: number, title = `Item ${n}`) => ({ itemId: `i${n}`, number: n, title });

/**
 * A hand-built week from 2026-03-02 to 2026-03-09: each kind of line has one entry that belongs
 * in the brief and one beside it that does not (too old, held, too close to its calibration…).
 */
export function week(overrides: Partial<BriefInput> = {}): BriefInput {
  return {
    since: SINCE,
    today: '2026-03-09',
    basePath: BASE,
    person: { name: 'Dana' },
    waiting: [
      { ...ref(2), kind: 'scope', since: '2026-03-05T10:00:00.000Z', question: 'Mobile too?' },
      { ...ref(1), kind: 'estimate', since: '2026-02-20T10:00:00.000Z', question: null },
    ],
    decisions: [
      {
        id: '10',
        decision: 'backlog_order',
        itemId: 'i3',
        itemNumber: 3,
        itemTitle: 'Item 3',
        actorName: 'Alex',
        summary: 'Moved #3 Item 3 to the top',
        rationale: 'The pilot customer asked',
        createdAt: '2026-03-04T09:00:00.000Z',
      },
      {
        id: '9',
        decision: 'scope',
        itemId: 'i4',
        itemNumber: 4,
        itemTitle: 'Item 4',
        actorName: 'Alex',
        summary: 'Cut #4 Item 4 from scope',
        rationale: null,
        createdAt: '2026-02-27T09:00:00.000Z',
      },
      {
        id: '11',
        decision: 'technical_approach',
        itemId: 'i3',
        itemNumber: 3,
        itemTitle: 'Item 3',
        actorName: 'Chris',
        summary: 'Chose Postgres for #3',
        rationale: null,
        createdAt: '2026-03-05T09:00:00.000Z',
      },
    ],
    milestones: [
      {
        id: 'm1',
        number: 20,
        title: 'Launch',
        targetDate: '2026-04-01',
        p85Now: '2026-04-20',
        itemsNow: [ref(5), ref(6)],
        stored: { madeAt: '2026-02-28T12:00:00.000Z', p85: '2026-04-10', itemIds: ['i5'] },
      },
      {
        id: 'm2',
        number: 21,
        title: 'Held',
        targetDate: null,
        p85Now: '2026-05-01',
        itemsNow: [ref(7)],
        stored: { madeAt: '2026-02-28T12:00:00.000Z', p85: '2026-05-01', itemIds: ['i7'] },
      },
    ],
    estimateChanges: [],
    throughput: { perWeekBefore: 5, perWeekSince: 5 },
    peopleLeft: [],
    slips: [
      {
        ...ref(8),
        fromDate: '2026-03-15',
        toDate: '2026-03-29',
        slipDays: 14,
        reason: 'The payment API changed',
        movedByName: 'Chris',
        movedAt: '2026-03-06T08:00:00.000Z',
      },
      {
        ...ref(9),
        fromDate: '2026-02-15',
        toDate: '2026-02-20',
        slipDays: 5,
        reason: 'Old news',
        movedByName: 'Chris',
        movedAt: '2026-02-10T08:00:00.000Z',
      },
    ],
    aging: [
      { ...ref(10), state: 'in_progress', assigneeName: 'Sam', ageDays: 21.5 },
      { ...ref(11), state: 'in_review', assigneeName: null, ageDays: 4 },
    ],
    cycleTimeP85: 12,
    estimates: [
      { ...ref(12), estimateDays: 2, calibratedDays: 5, basedOn: "Sam's 24 completed items" },
      { ...ref(13), estimateDays: 4, calibratedDays: 5, basedOn: "Sam's 24 completed items" },
    ],
    lateMilestones: [
      { id: 'm1', number: 20, title: 'Launch', targetDate: '2026-04-01', date: '2026-04-12', slipDays: 11 },
    ],
    problems: [{ kind: 'no_capable_person', message: 'Nobody can do #14 Item 14', itemIds: ['i14'] }],
    ideasAtRisk: [
      {
        ...ref(15),
        targetDate: '2026-04-30',
        probability: 0.42,
        alertBelow: 0.7,
        companies: ['Acme', 'Globex'],
      },
    ],
    accountDecisions: [
      {
        ...ref(16),
        decisionId: '16',
        outcome: 'parked',
        reason: 'After the billing rework',
        reviewOn: '2026-06-01',
        decidedBy: 'Alex',
        at: '2026-03-06T10:00:00.000Z',
        companies: ['Acme'],
      },
      {
        ...ref(17),
        decisionId: '17',
        outcome: 'accepted',
        reason: 'Old news',
        reviewOn: null,
        decidedBy: 'Alex',
        at: '2026-02-20T10:00:00.000Z',
        companies: ['Acme'],
      },
    ],
    unownedAccounts: [],
    ...overrides,
  };
}
