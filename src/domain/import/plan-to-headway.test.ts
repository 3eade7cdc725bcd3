import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeadwayExportSchema } from '../../contract';
import { type PlanToHeadwayOptions, planToHeadway } from './plan-to-headway';
import type { ImportPlan, PlannedItem, PlannedPerson } from './plan-types';

const NOW = '2026-03-01T12:00:00.000Z';
const OPTIONS: PlanToHeadwayOptions = {
  workspaceName: 'Imported',
  importer: { email: 'Lead@Example.com', name: 'Lee' },
  now: NOW,
};

function buildItem(overrides: Partial<PlannedItem> & { key: string }): PlannedItem {
  return {
    row: 2,
    type: 'task',
    title: `Item ${overrides.key}`,
    description: '',
    state: 'new',
    category: 'todo',
    parentKey: null,
    labels: [],
    storyPoints: null,
    estimate: null,
    actualEffortDays: null,
    assignee: null,
    creator: null,
    priority: null,
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedAt: null,
    startedAt: null,
    closedAt: null,
    targetDate: null,
    ...overrides,
  };
}

function buildPlan(overrides: Partial<ImportPlan> = {}): ImportPlan {
  return {
    format: 'jira',
    mapping: {} as ImportPlan['mapping'],
    items: [],
    dependencies: [],
    people: [],
    history: [],
    problems: [],
    skipped: {},
    assumptions: [],
    ...overrides,
  };
}

const ANA: PlannedPerson = {
  key: 'ana@example.com',
  name: 'Ana',
  email: 'ana@example.com',
  match: { kind: 'invite', email: 'ana@example.com' },
  items: 2,
};
const SAM: PlannedPerson = { key: 'Sam', name: 'Sam', email: null, match: { kind: 'unmatched' }, items: 1 };

function documentOf(plan: ImportPlan, options = OPTIONS) {
  const result = planToHeadway(plan, options);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.document;
}

describe('planToHeadway', () => {
  const plan = buildPlan({
    items: [
      buildItem({ key: 'P-1', type: 'epic', title: 'Checkout', labels: ['web', 'web', ' urgent '] }),
      buildItem({
        key: 'P-2',
        parentKey: 'P-1',
        state: 'done',
        category: 'done',
        assignee: 'ana@example.com',
        creator: 'Sam',
        startedAt: '2025-01-03T09:00:00.000Z',
        closedAt: '2025-01-06T09:00:00.000Z',
        estimate: { optimistic: 1, likely: 2, pessimistic: 4, basis: 'file' },
        storyPoints: 3,
        targetDate: '2025-02-01',
      }),
      buildItem({ key: 'P-3', state: 'cancelled', category: 'cancelled', assignee: 'Sam' }),
    ],
    dependencies: [
      { item: 'P-3', dependsOn: 'P-2', row: 4, column: 'Blocked by' },
      { item: 'P-3', dependsOn: 'P-2', row: 3, column: 'Blocks' },
    ],
    people: [ANA, SAM],
    history: [
      { item: 'P-2', from: 'in_progress', to: 'done', at: '2025-01-06T09:00:00.000Z' },
      { item: 'P-2', from: null, to: 'new', at: '2025-01-01T09:00:00.000Z' },
      { item: 'P-2', from: 'new', to: 'in_progress', at: '2025-01-03T09:00:00.000Z' },
    ],
  });

  it('should produce a document the Headway JSON schema accepts', () => {
    const parsed = HeadwayExportSchema.safeParse(documentOf(plan));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('should number items in the file order and link parents by number', () => {
    const doc = documentOf(plan);
    expect(doc.items.map((i) => [i.number, i.title, i.parent])).toEqual([
      [1, 'Checkout', null],
      [2, 'Item P-2', 1],
      [3, 'Item P-3', null],
    ]);
    expect(doc.workspace.nextItemNumber).toBe(4);
    const ranks = doc.items.map((i) => i.rank);
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('should make the importer founder and people with an email developers', () => {
    const doc = documentOf(plan, { ...OPTIONS, roles: {} });
    expect(doc.members.map((m) => [m.email, m.role])).toEqual([
      ['lead@example.com', 'founder'],
      ['ana@example.com', 'developer'],
    ]);
    const mapped = documentOf(plan, { ...OPTIONS, roles: { 'ana@example.com': 'designer' } });
    expect(mapped.members[1]?.role).toBe('designer');
  });

  it('should keep people without an email as text in the description only', () => {
    const doc = documentOf(plan);
    expect(doc.items[1]?.assignee).toBe('ana@example.com');
    expect(doc.items[1]?.createdBy).toBeNull();
    expect(doc.items[1]?.description).toContain('created by: Sam');
    expect(doc.items[2]?.assignee).toBeNull();
    expect(doc.items[2]?.description).toContain('assignee: Sam');
    expect(doc.members.some((m) => m.name === 'Sam')).toBe(false);
  });

  it('should carry states, dates, estimates and labels', () => {
    const done = documentOf(plan).items[1];
    expect(done).toMatchObject({
      state: 'done',
      completedAt: '2025-01-06T09:00:00.000Z',
      updatedAt: '2025-01-06T09:00:00.000Z',
      storyPoints: 3,
      targetDate: '2025-02-01',
      estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
    });
    const cancelled = documentOf(plan).items[2];
    expect(cancelled?.completedAt).toBeNull();
    expect(documentOf(plan).items[0]?.labels).toEqual(['web', 'urgent']);
  });

  it('should write one dependency per pair and history in time order', () => {
    const doc = documentOf(plan);
    expect(doc.dependencies).toEqual([
      { item: 3, dependsOn: 2, lagDays: 0, createdAt: '2025-01-01T09:00:00.000Z' },
    ]);
    expect(doc.stateHistory.map((h) => h.to)).toEqual(['new', 'in_progress', 'done']);
  });

  it('should refuse a plan with errors and return them', () => {
    const problem = {
      row: 3,
      column: 'Created',
      message: 'bad date',
      why: 'fix it',
      severity: 'error' as const,
    };
    const warning = { ...problem, message: 'odd', severity: 'warning' as const };
    const result = planToHeadway({ ...plan, problems: [warning, problem] }, OPTIONS);
    expect(result).toEqual({ ok: false, problems: [problem] });
  });

  it('should refuse a plan without items', () => {
    const result = planToHeadway(buildPlan(), OPTIONS);
    expect(result.ok).toBe(false);
  });
});

const TIMES = fc
  .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2026-01-01') })
  .map((ms) => new Date(ms).toISOString());

const PLANS = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.record({
      items: fc.constant(Array.from({ length: n }, (_, i) => buildItem({ key: `K-${i}` }))),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }),
      history: fc.array(fc.tuple(fc.nat(n + 2), TIMES), { maxLength: 60 }),
    }),
  )
  .map(({ items, edges, history }) =>
    buildPlan({
      items,
      // Only forward edges, as the plan has no cycles; some name items that are not in the plan.
      dependencies: edges
        .filter(([a, b]) => a > b)
        .map(([a, b]) => ({
          item: `K-${a}`,
          dependsOn: b % 7 === 6 ? 'GONE-1' : `K-${b}`,
          row: 2,
          column: 'x',
        })),
      history: history.map(([i, at]) => ({ item: `K-${i}`, from: null, to: 'new' as const, at })),
    }),
  );

describe('planToHeadway properties', () => {
  it('should create every planned item exactly once, link only created items and sort history', () => {
    fc.assert(
      fc.property(PLANS, (plan) => {
        const doc = documentOf(plan);
        expect(doc.items.map((i) => i.title)).toEqual(plan.items.map((i) => i.title));
        const numbers = new Set(doc.items.map((i) => i.number));
        expect(numbers.size).toBe(plan.items.length);
        for (const d of doc.dependencies) {
          expect(numbers.has(d.item) && numbers.has(d.dependsOn)).toBe(true);
        }
        for (const h of doc.stateHistory) expect(numbers.has(h.item)).toBe(true);
        for (let i = 1; i < doc.stateHistory.length; i++) {
          const [a, b] = [doc.stateHistory[i - 1]!, doc.stateHistory[i]!];
          if (a.item === b.item) expect(Date.parse(a.at)).toBeLessThanOrEqual(Date.parse(b.at));
        }
        expect(HeadwayExportSchema.safeParse(doc).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
