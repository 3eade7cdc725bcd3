import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar';
import { runPlanForecast } from './plan-forecast';
import {
  buildRatioLookup,
  type DeliveredItem,
  type EffortRecord,
  learnFocusFactor,
  MIN_RATIOS,
  medianRatioBefore,
} from './team-record';

const START = '2026-03-02'; // a Monday

const record = (over: Partial<EffortRecord>): EffortRecord => ({
  estimator: 'ana',
  itemType: 'feature',
  likely: 2,
  actual: 3,
  completedOn: '2026-02-10',
  ...over,
});

describe('buildRatioLookup', () => {
  it('should answer the estimator first, then the type, then the workspace, each with enough items', () => {
    const records = [
      ...Array.from({ length: MIN_RATIOS }, () => record({ estimator: 'ana', actual: 4 })),
      ...Array.from({ length: MIN_RATIOS - 1 }, () =>
        record({ estimator: 'ben', itemType: 'bug', actual: 1 }),
      ),
      record({ estimator: null, itemType: 'bug', actual: 1 }),
    ];
    const lookup = buildRatioLookup(records, START);
    const ana = lookup('ana', 'bug');
    expect(ana?.group).toBe('estimator');
    expect([...(ana?.ratios ?? [])]).toEqual(Array(MIN_RATIOS).fill(2));
    // Ben has one item too few of his own; bugs have exactly enough.
    expect(lookup('ben', 'bug')).toMatchObject({ group: 'type', key: 'bug' });
    expect(lookup('ben', 'chore')).toMatchObject({ group: 'workspace', key: null });
    expect(lookup('ben', 'chore')?.ratios.length).toBe(2 * MIN_RATIOS);
  });

  it('should answer null when the whole workspace has too few completed items', () => {
    const lookup = buildRatioLookup([record({}), record({})], START);
    expect(lookup('ana', 'feature')).toBeNull();
  });

  it('should never read an item completed on or after the start (property: a poisoned future changes nothing)', () => {
    const past = fc.record({
      likely: fc.double({ min: 0.5, max: 20, noNaN: true }),
      actual: fc.double({ min: 0.5, max: 40, noNaN: true }),
      daysBefore: fc.integer({ min: 1, max: 400 }),
      estimator: fc.constantFrom('ana', 'ben', null),
      itemType: fc.constantFrom('feature', 'bug'),
    });
    const future = fc.record({
      actual: fc.double({ min: 100, max: 1000, noNaN: true }),
      daysAfter: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(past, { maxLength: 40 }), fc.array(future, { maxLength: 40 }), (before, after) => {
        const history = before.map((p) => ({ ...p, completedOn: addDays(START, -p.daysBefore) }));
        const poisoned = [
          ...history,
          ...after.map((f) => record({ actual: f.actual, completedOn: addDays(START, f.daysAfter) })),
        ];
        const clean = buildRatioLookup(history, START);
        const dirty = buildRatioLookup(poisoned, START);
        for (const who of ['ana', 'ben', null]) {
          expect(dirty(who, 'feature')).toEqual(clean(who, 'feature'));
        }
        expect(medianRatioBefore(poisoned, START)).toEqual(medianRatioBefore(history, START));
      }),
    );
  });
});

describe('learnFocusFactor', () => {
  const delivered = (count: number, actual: number | null, likely: number | null = null): DeliveredItem[] =>
    Array.from({ length: count }, (_, i) => ({ completedOn: addDays(START, -1 - (i % 80)), actual, likely }));

  it('should divide the effort delivered in the window by FTE times its weekdays', () => {
    // 28 days before a Monday hold 20 weekdays; 2 FTE give 40 days of capacity.
    const focus = learnFocusFactor({
      delivered: delivered(12, 2.5),
      totalFte: 2,
      medianRatio: null,
      start: START,
      windowDays: 28,
    });
    expect(focus.status).toBe('learned');
    // Only the items inside the 28 days count: i % 80 < 28 for all 12.
    expect(focus).toMatchObject({ items: 12, effortDays: 30, capacityDays: 40 });
    expect(focus.value).toBeCloseTo(0.75);
    expect(focus.note).toContain('75 %');
  });

  it('should count an item without a recorded effort as its estimate times the median ratio', () => {
    const focus = learnFocusFactor({
      delivered: [...delivered(10, null, 2), ...delivered(2, null, null)],
      totalFte: 2,
      medianRatio: 1.5,
      start: START,
      windowDays: 28,
    });
    expect(focus).toMatchObject({ status: 'learned', items: 10, effortDays: 30 });
    expect(focus.note).toContain('2 completed item(s) with neither effort nor estimate left out');
  });

  it('should assume 1 and say how many items it needs when the window holds too few', () => {
    const focus = learnFocusFactor({
      delivered: delivered(3, 1),
      totalFte: 1,
      medianRatio: null,
      start: START,
    });
    expect(focus).toMatchObject({ status: 'assumed', value: 1, items: 3 });
    expect(focus.note).toMatch(/10 are needed/);
  });

  it('should cap at 1 and floor at 0.1, saying why', () => {
    const over = learnFocusFactor({
      delivered: delivered(20, 10),
      totalFte: 1,
      medianRatio: null,
      start: START,
      windowDays: 28,
    });
    expect(over.value).toBe(1);
    expect(over.note).toMatch(/check the team’s FTE/);
    const under = learnFocusFactor({
      delivered: delivered(10, 0.01),
      totalFte: 5,
      medianRatio: null,
      start: START,
      windowDays: 28,
    });
    expect(under.value).toBe(0.1);
  });

  it('should ignore items completed on or after the start', () => {
    const inWindow = delivered(10, 1);
    const future = Array.from({ length: 50 }, (_, i) => ({
      completedOn: addDays(START, i),
      actual: 50,
      likely: 1,
    }));
    const a = learnFocusFactor({ delivered: inWindow, totalFte: 1, medianRatio: null, start: START });
    const b = learnFocusFactor({
      delivered: [...inWindow, ...future],
      totalFte: 1,
      medianRatio: null,
      start: START,
    });
    expect(b).toEqual(a);
  });
});

describe('runPlanForecast with the team record', () => {
  // One item, scheduled back to back from day 0: its finish is its duration.
  const schedule = (d: Float64Array) => d;

  it('should draw the effort as likely × a ratio of the record, then divide it by the focus', () => {
    const ratios = Float64Array.from([2, 2, 2]);
    const result = runPlanForecast({
      items: [{ id: 'a', estimate: { optimistic: 1, likely: 3, pessimistic: 4 }, ratios }],
      trials: 50,
      seed: 1,
      schedule,
      start: START,
      focus: 0.5,
    });
    const p50 = result.items[0]!.percentiles.find((p) => p.level === 50)!;
    expect(p50.finish).toBeCloseTo(12);
    expect(result.items[0]!.meanFinish).toBeCloseTo(12);
  });

  it('should give later dates at every level when the focus falls', () => {
    const items = [{ id: 'a', estimate: { optimistic: 2, likely: 4, pessimistic: 9 } }];
    const at = (focus: number) =>
      runPlanForecast({ items, trials: 200, seed: 7, schedule, start: START, focus }).items[0]!.percentiles;
    const full = at(1);
    const half = at(0.5);
    full.forEach((p, i) => {
      expect(half[i]!.finish).toBeCloseTo((p.finish ?? 0) * 2);
    });
  });

  it('should refuse a focus outside (0, 1]', () => {
    const run = (focus: number) =>
      runPlanForecast({
        items: [{ id: 'a', estimate: { optimistic: 1, likely: 1, pessimistic: 1 } }],
        trials: 1,
        seed: 1,
        schedule,
        start: START,
        focus,
      });
    expect(() => run(0)).toThrow(RangeError);
    expect(() => run(1.2)).toThrow(RangeError);
  });
});
