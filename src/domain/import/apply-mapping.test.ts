import { describe, expect, it } from 'vitest';
import { applyImportMapping } from './apply-mapping';
import { deriveDefaultMapping, mergeMapping } from './mapping';
import { buildSourceItem as item, buildSourceParse as parse } from './test-source';

const plan = (p: ReturnType<typeof parse>, edits: Parameters<typeof mergeMapping>[1] = {}) =>
  applyImportMapping(p, mergeMapping(deriveDefaultMapping(p).mapping, edits));

describe('state mapping', () => {
  it("should map statuses by the file's own categories, and Won't Do resolutions to cancelled", () => {
    const result = plan(
      parse([
        item({
          key: 'A-1',
          status: 'Shipped',
          statusCategory: 'done',
          resolution: 'Done',
          completedAt: '2025-01-05T00:00:00.000Z',
        }),
        item({
          key: 'A-2',
          status: 'Shipped',
          statusCategory: 'done',
          resolution: "Won't Do",
          completedAt: '2025-01-06T00:00:00.000Z',
        }),
        item({
          key: 'A-3',
          status: 'Doing',
          statusCategory: 'in_progress',
          startedAt: '2025-01-02T00:00:00.000Z',
        }),
        item({ key: 'A-4', status: 'Peer review', statusCategory: 'in_progress' }),
        item({ key: 'A-5', status: 'Backlog', statusCategory: 'todo' }),
      ]),
    );
    expect(result.items.map((i) => [i.key, i.state])).toEqual([
      ['A-1', 'done'],
      ['A-2', 'cancelled'],
      ['A-3', 'in_progress'],
      ['A-4', 'in_review'],
      ['A-5', 'new'],
    ]);
    expect(result.mapping.resolutions).toEqual({ Done: 'done', "Won't Do": 'cancelled' });
  });

  it("should follow the user's state mapping over the proposal", () => {
    const result = plan(parse([item({ key: 'A-1', status: 'Parked', statusCategory: 'todo' })]), {
      states: { Parked: 'cancelled' },
    });
    expect(result.items[0]?.state).toBe('cancelled');
  });

  it('should derive Linear-style categories from timestamps when the file states none', () => {
    const { mapping } = deriveDefaultMapping(
      parse([
        item({ key: 'L-1', status: 'Merged', completedAt: '2025-01-05T00:00:00.000Z' }),
        item({ key: 'L-2', status: 'Nope', cancelledAt: '2025-01-05T00:00:00.000Z' }),
        item({ key: 'L-3', status: 'Hacking', startedAt: '2025-01-05T00:00:00.000Z' }),
      ]),
    );
    expect(mapping.states).toEqual({ Merged: 'done', Nope: 'cancelled', Hacking: 'in_progress' });
  });

  it('should report a status the mapping does not name, once', () => {
    const p = parse([item({ key: 'A-1', status: 'Odd' }), item({ key: 'A-2', status: 'Odd', row: 3 })]);
    const mapping = deriveDefaultMapping(parse([])).mapping;
    const result = applyImportMapping(p, mapping);
    expect(result.problems.filter((x) => x.message.includes('"Odd"'))).toHaveLength(1);
  });
});

describe('estimates', () => {
  it('should keep story points as points and turn time estimates into days', () => {
    const result = plan(parse([item({ key: 'A-1', points: 5, timeEstimateHours: 12, timeSpentHours: 16 })]));
    const planned = result.items[0];
    expect(planned?.storyPoints).toBe(5);
    expect(planned?.estimate).toMatchObject({ optimistic: 1.5, likely: 1.5, pessimistic: 1.5 });
    expect(planned?.estimate?.basis).toMatch(/likely value only/);
    expect(planned?.actualEffortDays).toBe(2);
  });

  it("should spread time estimates by the file's own estimate-vs-actual history once 30 items have both", () => {
    const finished = Array.from({ length: 40 }, (_, i) =>
      item({
        key: `A-${i + 1}`,
        row: i + 2,
        statusCategory: 'done',
        status: 'Done',
        timeEstimateHours: 8,
        timeSpentHours: 8 * (0.7 + (i % 10) * 0.1),
        completedAt: '2025-02-01T00:00:00.000Z',
      }),
    );
    const result = plan(parse([...finished, item({ key: 'NEW-1', timeEstimateHours: 16 })]));
    expect(result.mapping.timeEstimates.mode).toBe('spread');
    const estimate = result.items.find((i) => i.key === 'NEW-1')?.estimate;
    expect(estimate?.likely).toBe(2);
    expect(estimate?.optimistic).toBeLessThan(2);
    expect(estimate?.pessimistic).toBeGreaterThan(2);
    expect(estimate?.basis).toMatch(/P10–P90 .* 40 finished items/);
  });

  it('should use a stated spread from the mapping', () => {
    const result = plan(parse([item({ key: 'A-1', timeEstimateHours: 8 })]), {
      timeEstimates: {
        mode: 'spread',
        optimisticRatio: 0.5,
        pessimisticRatio: 2,
        basis: 'team rule of thumb',
      },
    });
    expect(result.items[0]?.estimate).toEqual({
      optimistic: 0.5,
      likely: 1,
      pessimistic: 2,
      basis: 'team rule of thumb',
    });
  });

  it('should flag points that are not on the deck once per value', () => {
    const result = plan(
      parse([
        item({ key: 'A-1', points: 4 }),
        item({ key: 'A-2', points: 4, row: 3 }),
        item({ key: 'A-3', points: 3, row: 4 }),
      ]),
    );
    const flagged = result.problems.filter((p) => p.column === 'points');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.message).toMatch(/^2 item\(s\) have 4 story points/);
    expect(result.items.map((i) => i.storyPoints)).toEqual([4, 4, 3]);
  });
});

describe('hierarchy', () => {
  it('should resolve parents by key or alternative key and move a sub-task under the epic', () => {
    const result = plan(
      parse([
        item({ key: 'E-1', type: 'Epic', altKeys: ['100'] }),
        item({
          key: 'S-1',
          type: 'Story',
          altKeys: ['101'],
          parentRef: { ref: 'E-1', column: 'Custom field (Epic Link)' },
        }),
        item({ key: 'T-1', type: 'Sub-task', parentRef: { ref: '101', column: 'Parent id' } }),
      ]),
    );
    expect(result.items.map((i) => [i.key, i.parentKey])).toEqual([
      ['E-1', null],
      ['S-1', 'E-1'],
      ['T-1', 'E-1'],
    ]);
    expect(result.problems.some((p) => p.message.includes('placed under E-1'))).toBe(true);
  });

  it('should drop a parent on the same level with no higher ancestor, and a missing parent, with problems', () => {
    const result = plan(
      parse([
        item({ key: 'A', type: 'Task' }),
        item({ key: 'B', type: 'Task', parentRef: { ref: 'A', column: 'Parent' } }),
        item({ key: 'C', type: 'Task', parentRef: { ref: 'ZZ-9', column: 'Parent' } }),
      ]),
    );
    expect(result.items.every((i) => i.parentKey === null)).toBe(true);
    expect(result.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('not on a higher level'),
        expect.stringContaining('ZZ-9 is not in this import'),
      ]),
    );
  });

  it('should survive parent loops in the file', () => {
    const result = plan(
      parse([
        item({ key: 'A', type: 'Task', parentRef: { ref: 'B', column: 'Parent' } }),
        item({ key: 'B', type: 'Task', parentRef: { ref: 'A', column: 'Parent' } }),
      ]),
    );
    expect(result.items.every((i) => i.parentKey === null)).toBe(true);
  });
});

describe('dependencies', () => {
  it('should count blocks and is-blocked-by spellings of one link once', () => {
    const result = plan(
      parse([
        item({ key: 'A', links: [{ kind: 'blocks', ref: 'B', column: 'Outward issue link (Blocks)' }] }),
        item({ key: 'B', links: [{ kind: 'blocked_by', ref: 'A', column: 'Inward issue link (Blocks)' }] }),
      ]),
    );
    expect(result.dependencies.map((d) => [d.item, d.dependsOn])).toEqual([['B', 'A']]);
  });

  it('should report a cycle and leave out only the dependencies inside it', () => {
    const result = plan(
      parse([
        item({ key: 'A', links: [{ kind: 'blocked_by', ref: 'B', column: 'Blocked by' }] }),
        item({ key: 'B', links: [{ kind: 'blocked_by', ref: 'C', column: 'Blocked by' }] }),
        item({ key: 'C', links: [{ kind: 'blocked_by', ref: 'A', column: 'Blocked by' }] }),
        item({ key: 'D', links: [{ kind: 'blocked_by', ref: 'A', column: 'Blocked by' }] }),
      ]),
    );
    expect(result.dependencies.map((d) => [d.item, d.dependsOn])).toEqual([['D', 'A']]);
    expect(result.problems.filter((p) => p.message.includes('cycle'))).toEqual([
      expect.objectContaining({ message: 'dependencies form a cycle among A, B, C' }),
    ]);
  });

  it('should not turn related or duplicate links into dependencies', () => {
    const result = plan(
      parse([
        item({ key: 'A', links: [{ kind: 'relates', ref: 'B', column: 'Related to' }] }),
        item({ key: 'B' }),
      ]),
    );
    expect(result.dependencies).toEqual([]);
    expect(result.assumptions.some((a) => a.startsWith('1 related'))).toBe(true);
  });
});

describe('people', () => {
  const members = [
    { email: 'zoe@example.com', name: 'Zoë Ångström' },
    { email: 'sam1@example.com', name: 'Sam Lee' },
    { email: 'sam2@example.com', name: 'Sam Lee' },
  ];
  it('should match by email, then by a unique name, invite unknown emails and never guess between namesakes', () => {
    const p = parse([
      item({
        key: 'A',
        assignee: { name: 'zoë ångström', email: null },
        creator: { name: null, email: 'new@example.com' },
      }),
      item({
        key: 'B',
        assignee: { name: 'Sam Lee', email: null },
        creator: { name: 'Z', email: 'ZOE@example.com' },
      }),
    ]);
    const { mapping } = deriveDefaultMapping(p, { members });
    expect(mapping.people).toEqual({
      'zoë ångström': { kind: 'member', email: 'zoe@example.com' },
      'new@example.com': { kind: 'invite', email: 'new@example.com' },
      'Sam Lee': { kind: 'unmatched' },
      'zoe@example.com': { kind: 'member', email: 'zoe@example.com' },
    });
    const result = applyImportMapping(p, mapping);
    expect(result.people.find((x) => x.key === 'Sam Lee')?.match.kind).toBe('unmatched');
    expect(result.problems.some((x) => x.message.startsWith('Sam Lee has no email'))).toBe(true);
  });
});

describe('history', () => {
  it('should derive created, started and completed steps in order', () => {
    const result = plan(
      parse([
        item({
          key: 'A',
          status: 'Done',
          statusCategory: 'done',
          createdAt: '2025-01-01T00:00:00.000Z',
          startedAt: '2025-01-03T00:00:00.000Z',
          completedAt: '2025-01-05T00:00:00.000Z',
        }),
      ]),
    );
    expect(result.history).toEqual([
      { item: 'A', from: null, to: 'new', at: '2025-01-01T00:00:00.000Z' },
      { item: 'A', from: 'new', to: 'in_progress', at: '2025-01-03T00:00:00.000Z' },
      { item: 'A', from: 'in_progress', to: 'done', at: '2025-01-05T00:00:00.000Z' },
    ]);
  });

  it('should drop a start dated after the finish, and say so', () => {
    const result = plan(
      parse([
        item({
          key: 'A',
          status: 'Done',
          statusCategory: 'done',
          startedAt: '2025-02-01T00:00:00.000Z',
          completedAt: '2025-01-05T00:00:00.000Z',
        }),
      ]),
    );
    expect(result.history.map((h) => h.to)).toEqual(['new', 'done']);
    expect(result.problems.some((p) => p.message.includes('started') && p.message.includes('after'))).toBe(
      true,
    );
  });
});

describe('rows', () => {
  it('should keep the first of two rows with one key and skip rows without a title, counting both', () => {
    const result = plan(
      parse([item({ key: 'A' }), item({ key: 'A', row: 3 }), item({ key: 'B', title: '  ', row: 4 })]),
    );
    expect(result.items.map((i) => i.key)).toEqual(['A']);
    expect(result.skipped).toEqual({ 'duplicate key': 1, 'no title': 1 });
  });

  it('should shorten a long title and keep it whole at the top of the description', () => {
    const long = 'x'.repeat(400);
    const result = plan(parse([item({ key: 'A', title: long, description: 'body' })]));
    expect(result.items[0]?.title).toHaveLength(300);
    expect(result.items[0]?.description).toBe(`${long}\n\nbody`);
  });
});

describe('names that are also JavaScript property names', () => {
  it('should treat statuses, types, priorities and people such as "constructor" or "__proto__" as plain names', () => {
    const result = plan(
      parse([
        item({
          key: 'A',
          status: 'constructor',
          type: '__proto__',
          priority: 'valueOf',
          assignee: { name: 'toString', email: null },
        }),
        item({
          key: 'B',
          status: '__proto__',
          type: 'hasOwnProperty',
          resolution: 'constructor',
          completedAt: '2025-01-02T00:00:00.000Z',
        }),
      ]),
    );
    expect(result.items.map((i) => [i.key, i.state, i.type, i.labels])).toEqual([
      ['A', 'new', 'task', ['priority:valueof']],
      ['B', 'done', 'task', []],
    ]);
    expect(Object.keys(result.mapping.states)).toEqual(['constructor', '__proto__']);
    expect(result.people).toEqual([
      expect.objectContaining({ key: 'toString', match: { kind: 'unmatched' } }),
    ]);
  });
});
