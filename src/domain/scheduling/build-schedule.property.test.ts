import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar';
import { createSmallRandom } from '../shared/random';
import { buildSchedule, planIncrementally } from './build-schedule';
import { computeCriticalPathLength, orderTopologically } from './precedence';
import { checkTeamPlan } from './team-constraints';
import { durationFor } from './team-placement';
import { preparePlan } from './team-preparation';
import type { Person, TeamPlanInput, WorkItem } from './team-types';

const origin = '2024-01-01';
const skillPool = ['backend', 'frontend'];

const personArb = (index: number) =>
  fc
    .record({
      skills: fc.subarray(skillPool),
      fte: fc.constantFrom(0.25, 0.5, 1),
      wipLimit: fc.integer({ min: 1, max: 2 }),
      weekdays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
      offFrom: fc.integer({ min: 0, max: 20 }),
      offLength: fc.integer({ min: 0, max: 6 }),
    })
    .map(
      (p): Person => ({
        id: `p${index}`,
        name: `P${index}`,
        fte: p.fte,
        skills: p.skills,
        wipLimit: p.wipLimit,
        calendar: {
          workingWeekdays: p.weekdays,
          timeOff:
            p.offLength > 0
              ? [{ from: addDays(origin, p.offFrom), to: addDays(origin, p.offFrom + p.offLength - 1) }]
              : [],
        },
      }),
    );

const itemArb = (index: number) =>
  fc
    .record({
      effort: fc.integer({ min: 0, max: 5 }),
      skills: fc.subarray(skillPool, { maxLength: 1 }),
      deps: fc.subarray(
        Array.from({ length: index }, (_, k) => k),
        { maxLength: Math.min(2, index) },
      ),
      lag: fc.integer({ min: 0, max: 2 }),
      notBefore: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    })
    .map(
      (x): WorkItem => ({
        id: `i${index}`,
        effortDays: x.effort,
        skills: x.skills,
        dependsOn: x.deps.map((d) => ({ itemId: `i${d}`, lagDays: x.lag })),
        ...(x.notBefore === undefined ? {} : { notBefore: addDays(origin, x.notBefore) }),
      }),
    );

const inputArb: fc.Arbitrary<TeamPlanInput> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }))
  .chain(([people, items]) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: people }, (_, k) => personArb(k))),
      fc.tuple(...Array.from({ length: items }, (_, k) => itemArb(k))),
      fc.integer({ min: 0, max: 1_000 }),
    ),
  )
  .map(([people, items, shuffleSeed]) => {
    // Product order differs from the dependency order, so later items may come first.
    const ordered = [...items].sort(
      (a, b) =>
        ((a.id.length * 31 + shuffleSeed) % 7) - ((b.id.length * 31 + shuffleSeed) % 7) ||
        a.id.localeCompare(b.id),
    );
    return { startDate: origin, people, items: ordered };
  });

describe('buildSchedule properties', () => {
  it('should keep every rule when planning random teams and backlogs', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = buildSchedule(input);
        const prepared = preparePlan(input);
        if (result.status === 'infeasible') {
          // The only expected refusal here: a skill that no available person has.
          expect(result.problems.every((p) => p.kind === 'missing-skill')).toBe(true);
          return;
        }
        if (!prepared.ok) throw new Error('prepared must succeed when planned');
        expect(checkTeamPlan({ plan: prepared.plan, items: result.items })).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('should never end before the critical-path bound when planning random inputs', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = buildSchedule(input);
        const prepared = preparePlan(input);
        if (result.status === 'infeasible' || !prepared.ok) return;
        const plan = prepared.plan;
        // Shortest possible duration of each item over the people who may do it, in days.
        const durations = input.items.map((item, i) =>
          item.effortDays <= 0
            ? 0
            : Math.min(
                ...plan.qualified[i]!.map((q) =>
                  durationFor(item.effortDays, plan.people[q]!.fte, plan.people[q]!.wipLimit),
                ),
              ),
        );
        const network = { count: plan.itemCount, successors: plan.successors };
        const lagOf = (from: number, to: number) => plan.lags[to]![plan.predecessors[to]!.indexOf(from)]!;
        const bound = computeCriticalPathLength({
          network,
          durations,
          order: orderTopologically(network)!,
          lag: lagOf,
        });
        expect(result.endDay).toBeGreaterThanOrEqual(bound);
      }),
      { numRuns: 100 },
    );
  });

  it('should give the same plan when planning the same input twice', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(buildSchedule(input)).toEqual(buildSchedule(structuredClone(input)));
      }),
      { numRuns: 50 },
    );
  });

  it('should match a full plan when re-planning after an estimate change or a reorder', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 6 }), (input, a, b, effort) => {
        const first = planIncrementally(input);
        const items = [...input.items];
        const i = a % items.length;
        items[i] = { ...items[i]!, effortDays: effort };
        const [moved] = items.splice(b % items.length, 1);
        items.splice(a % items.length, 0, moved!);
        const next = { ...input, items };
        expect(planIncrementally(next, first).result).toEqual(buildSchedule(next));
      }),
      { numRuns: 80 },
    );
  });

  it('should match a full plan when estimates change one after another', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 3 }),
        (input, changes) => {
          let current = input;
          let plan = planIncrementally(current);
          for (const [at, effort] of changes) {
            const i = at % current.items.length;
            current = {
              ...current,
              items: current.items.map((x, k) => (k === i ? { ...x, effortDays: effort } : x)),
            };
            plan = planIncrementally(current, plan);
            expect(plan.result).toEqual(buildSchedule(current));
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('should match a full plan when estimates change in larger random backlogs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const input = generateBacklog(seed);
        const random = createSmallRandom(seed + 7);
        let current = input;
        let plan = planIncrementally(current);
        for (let change = 0; change < 3; change++) {
          const i = random.nextIndex(current.items.length);
          const effortDays = random.nextIndex(8);
          current = { ...current, items: current.items.map((x, k) => (k === i ? { ...x, effortDays } : x)) };
          plan = planIncrementally(current, plan);
          expect(plan.result).toEqual(buildSchedule(current));
        }
      }),
      { numRuns: 40 },
    );
  });
  it('should match a full plan when items are reordered one after another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const random = createSmallRandom(seed + 11);
        let current = generateBacklog(seed);
        let plan = planIncrementally(current);
        for (let change = 0; change < 3; change++) {
          const items = [...current.items];
          const [moved] = items.splice(random.nextIndex(items.length), 1);
          items.splice(random.nextIndex(items.length + 1), 0, moved!);
          current = { ...current, items };
          plan = planIncrementally(current, plan);
          expect(plan.result).toEqual(buildSchedule(current));
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** A backlog of 40 items on 4 people with skills, WIP limits, time off and dependencies. */
function generateBacklog(seed: number): TeamPlanInput {
  const random = createSmallRandom(seed);
  const people: Person[] = Array.from({ length: 4 }, (_, k) => ({
    id: `p${k}`,
    name: `P${k}`,
    fte: [1, 0.5, 0.8][random.nextIndex(3)]!,
    skills: k === 0 ? [...skillPool] : [skillPool[k % 2]!],
    wipLimit: 1 + random.nextIndex(2),
    calendar: {
      timeOff: [
        { from: addDays(origin, 5 + random.nextIndex(20)), to: addDays(origin, 26 + random.nextIndex(5)) },
      ],
    },
  }));
  const items: WorkItem[] = Array.from({ length: 40 }, (_, k) => ({
    id: `i${k}`,
    effortDays: random.nextIndex(6),
    skills: random.nextFloat() < 0.6 ? [skillPool[random.nextIndex(2)]!] : [],
    dependsOn:
      k > 0 && random.nextFloat() < 0.5
        ? [{ itemId: `i${random.nextIndex(k)}`, lagDays: random.nextIndex(2) }]
        : [],
  }));
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.nextIndex(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return { startDate: origin, people, items };
}
