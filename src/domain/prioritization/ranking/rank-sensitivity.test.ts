import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORING_FRAMEWORKS } from '../frameworks/catalogue';
import { type BacklogItem, rankBacklog } from './rank-backlog';
import { rankSensitivity, type SensitivityChange, type SensitivityItem } from './rank-sensitivity';

const viaInterval = (changes: readonly SensitivityChange[]) =>
  changes.filter((change) => change.via === 'interval');

describe('rankSensitivity', () => {
  it('should find the one-step changes that swap items across the top boundary', () => {
    // RICE scores: a = 100×2×1/1 = 200, b = 100×1×1/1 = 100, c = 100×1×0.8/1 = 80, top = 2.
    // c with confidence 0.8 → 1: 100 — ties with b, and b keeps its place by manual order: no change.
    // c with impact 1 → 2: 160 > 100 → c enters the top, pushing b out.
    // b with impact 1 → 0.5: 50 < 80 → b leaves the top, c comes in.
    // a with impact 2 → 1: 100 ties b; a comes first in the manual order, so nothing changes.
    const items: BacklogItem[] = [
      { id: 'a', inputs: { rice_reach: 100, rice_impact: 2, rice_confidence: 1, rice_effort: 1 } },
      { id: 'b', inputs: { rice_reach: 100, rice_impact: 1, rice_confidence: 1, rice_effort: 1 } },
      { id: 'c', inputs: { rice_reach: 100, rice_impact: 1, rice_confidence: 0.8, rice_effort: 1 } },
    ];
    const result = rankSensitivity({ items, framework: SCORING_FRAMEWORKS.rice, top: 2 });
    if (!result.ok) throw new Error('should rank');
    expect(result.top).toEqual(['a', 'b']);
    const described = result.changes.map(
      (change) =>
        `${change.itemId}.${change.input} ${change.from}→${change.to} ${change.effect} ${change.otherItemId ?? ''}`,
    );
    expect(described).toContain('c.rice_impact 1→2 enters-top b');
    expect(described).toContain('b.rice_impact 1→0.5 leaves-top c');
    expect(described).not.toContain('c.rice_confidence 0.8→1 enters-top b');
    expect(described.some((text) => text.startsWith('a.rice_impact 2→1'))).toBe(false);
    // Set changes are listed before reorderings.
    const effects = result.changes.map((change) => change.effect);
    expect(
      effects.indexOf('reorders-top') === -1 ||
        effects.lastIndexOf('enters-top') < effects.indexOf('reorders-top'),
    ).toBe(true);
  });

  it('should step free numbers by their declared step when sensitivity is asked of a custom formula', () => {
    // Scores: p = 10, q = 9.5, r = 1; top 1. q + 1 = 10.5 > 10 → q enters; p − 1 = 9 < 9.5 → p leaves.
    const items: BacklogItem[] = [
      { id: 'p', inputs: { value: 10 } },
      { id: 'q', inputs: { value: 9.5 } },
      { id: 'r', inputs: { value: 1 } },
    ];
    const result = rankSensitivity({ items, formula: 'value', top: 1 });
    if (!result.ok) throw new Error('should rank');
    expect(
      result.changes.map((change) => [change.itemId, change.to, change.effect, change.rankAfter]),
    ).toEqual([
      ['p', 9, 'leaves-top', 2],
      ['q', 10.5, 'enters-top', 1],
    ]);
  });

  it('should report reorderings inside the top when the set stays the same', () => {
    // Scores 5, 4, 1 with top 2 and a step of 2: a − 2 = 3 < 4 → a drops to second; b + 2 = 6 > 5 → b
    // becomes first; b − 2 = 2 > 1 and c + 2 = 3 < 4 change nothing. The top set stays {a, b}.
    const items: BacklogItem[] = [
      { id: 'a', inputs: { value: 5 } },
      { id: 'b', inputs: { value: 4 } },
      { id: 'c', inputs: { value: 1 } },
    ];
    const result = rankSensitivity({
      items,
      formula: 'value',
      inputs: [
        {
          kind: 'number',
          key: 'value',
          label: 'Value',
          description: '',
          step: { kind: 'absolute', amount: 2 },
        },
      ],
      top: 2,
    });
    if (!result.ok) throw new Error('should rank');
    expect(result.changes.map((change) => [change.itemId, change.to, change.effect])).toEqual([
      ['a', 3, 'reorders-top'],
      ['b', 6, 'reorders-top'],
    ]);
  });
});

describe('rankSensitivity with intervals', () => {
  const rice = (reach: number, impact: number, confidence: number, effort: number) => ({
    rice_reach: reach,
    rice_impact: impact,
    rice_confidence: confidence,
    rice_effort: effort,
  });

  it('should report the item that enters the top at the high end of its reach interval', () => {
    // RICE: a = 300 × 1 × 1 / 1 = 300, b = 100 × 2 × 1 / 1 = 200, c = 100 × 1 × 0.8 / 1 = 80; top 1.
    // b at its high end 160: 160 × 2 = 320 > 300 → b enters the top, a drops out. At 80: 160, still
    // second. c at 120: 96 and at 50: 40, third either way. One step of b's reach (+25 %) gives
    // 125 × 2 = 250 < 300: the scale's step alone would not tell that b could lead.
    const items: SensitivityItem[] = [
      { id: 'a', inputs: rice(300, 1, 1, 1) },
      { id: 'b', inputs: rice(100, 2, 1, 1), intervals: { rice_reach: { low: 80, high: 160 } } },
      { id: 'c', inputs: rice(100, 1, 0.8, 1), intervals: { rice_reach: { low: 50, high: 120 } } },
    ];
    const result = rankSensitivity({ items, framework: SCORING_FRAMEWORKS.rice, top: 1 });
    if (!result.ok) throw new Error('should rank');
    expect(result.top).toEqual(['a']);
    expect(viaInterval(result.changes)).toEqual([
      {
        itemId: 'b',
        input: 'rice_reach',
        from: 100,
        to: 160,
        step: 'up',
        via: 'interval',
        interval: { low: 80, high: 160 },
        rankBefore: 2,
        rankAfter: 1,
        effect: 'enters-top',
        otherItemId: 'a',
      },
    ]);
    expect(result.changes.some((change) => change.via === 'step' && change.input === 'rice_reach')).toBe(
      false,
    );
  });

  it('should report an item that leaves the top at the low end, and not a reordering inside the top', () => {
    // RICE (impact, confidence, effort 1): a = 300, b = 200, c = 100; top 2.
    // a at 90 < 100 → third: leaves the top, c comes in. a at 400 stays first.
    // b at 350 > 300 → first: only the order of the top changes, which an interval does not report.
    // b at 150 > 100 stays second.
    const items: SensitivityItem[] = [
      { id: 'a', inputs: rice(300, 1, 1, 1), intervals: { rice_reach: { low: 90, high: 400 } } },
      { id: 'b', inputs: rice(200, 1, 1, 1), intervals: { rice_reach: { low: 150, high: 350 } } },
      { id: 'c', inputs: rice(100, 1, 1, 1) },
    ];
    const result = rankSensitivity({ items, framework: SCORING_FRAMEWORKS.rice, top: 2 });
    if (!result.ok) throw new Error('should rank');
    expect(
      viaInterval(result.changes).map((c) => [
        c.itemId,
        c.from,
        c.to,
        c.step,
        c.rankAfter,
        c.effect,
        c.otherItemId,
      ]),
    ).toEqual([['a', 300, 90, 'down', 3, 'leaves-top', 'c']]);
  });

  it('should ignore an interval on a scale input, and one whose ends are the wrong way round', () => {
    // a = 300, b = 200; top 1. b's reach at 400 would lead, but its interval is written high-to-low.
    const items: SensitivityItem[] = [
      { id: 'a', inputs: rice(300, 1, 1, 1) },
      {
        id: 'b',
        inputs: rice(200, 1, 1, 1),
        intervals: { rice_reach: { low: 400, high: 100 }, rice_impact: { low: 0.25, high: 3 } },
      },
    ];
    const result = rankSensitivity({ items, framework: SCORING_FRAMEWORKS.rice, top: 1 });
    if (!result.ok) throw new Error('should rank');
    expect(viaInterval(result.changes)).toEqual([]);
  });
});

describe('rankSensitivity properties', () => {
  const formula = '2 * value + urgency';
  const rowsArbitrary = fc.array(
    fc.record({
      value: fc.integer({ min: 0, max: 6 }),
      urgency: fc.integer({ min: 0, max: 6 }),
      below: fc.integer({ min: 0, max: 4 }),
      above: fc.integer({ min: 0, max: 4 }),
      wider: fc.integer({ min: 0, max: 4 }),
      higher: fc.integer({ min: 0, max: 4 }),
    }),
    { minLength: 1, maxLength: 20 },
  );

  it('should report nothing for an interval that holds only the current value', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 1, max: 6 }), (rows, top) => {
        const plain = rows.map((row, index) => ({
          id: `s${index}`,
          inputs: { value: row.value, urgency: row.urgency },
        }));
        const pointed: SensitivityItem[] = plain.map((item) => ({
          ...item,
          intervals: { value: { low: item.inputs.value, high: item.inputs.value } },
        }));
        const withPoints = rankSensitivity({ items: pointed, formula, top });
        const without = rankSensitivity({ items: plain, formula, top });
        if (!withPoints.ok || !without.ok) throw new Error('should rank');
        expect(viaInterval(withPoints.changes)).toEqual([]);
        expect(withPoints.changes).toEqual(without.changes);
      }),
      { numRuns: 150 },
    );
  });

  it('should keep every change an interval reports when the interval is widened', () => {
    const key = (c: SensitivityChange) =>
      `${c.itemId} ${c.input} ${c.step} ${c.effect} ${c.otherItemId ?? ''}`;
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 1, max: 6 }), (rows, top) => {
        const build = (widen: boolean): SensitivityItem[] =>
          rows.map((row, index) => ({
            id: `s${index}`,
            inputs: { value: row.value, urgency: row.urgency },
            intervals: {
              value: {
                low: row.value - row.below - (widen ? row.wider : 0),
                high: row.value + row.above + (widen ? row.higher : 0),
              },
            },
          }));
        const narrow = rankSensitivity({ items: build(false), formula, top });
        const wide = rankSensitivity({ items: build(true), formula, top });
        if (!narrow.ok || !wide.ok) throw new Error('should rank');
        const widened = new Set(viaInterval(wide.changes).map(key));
        for (const change of viaInterval(narrow.changes)) expect(widened.has(key(change))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('should report the same new rank as re-ranking the whole backlog with the changed input', () => {
    const itemsArbitrary = fc
      .array(fc.record({ value: fc.integer({ min: 0, max: 6 }), urgency: fc.integer({ min: 0, max: 6 }) }), {
        minLength: 1,
        maxLength: 25,
      })
      .map((rows): BacklogItem[] => rows.map((inputs, index) => ({ id: `s${index}`, inputs })));
    fc.assert(
      fc.property(itemsArbitrary, fc.integer({ min: 1, max: 6 }), (items, top) => {
        const formula = '2 * value + urgency';
        const result = rankSensitivity({ items, formula, top });
        if (!result.ok) throw new Error('should rank');
        for (const change of result.changes) {
          const changed = items.map((item) =>
            item.id === change.itemId
              ? { ...item, inputs: { ...item.inputs, [change.input]: change.to } }
              : item,
          );
          const again = rankBacklog({ items: changed, formula });
          if (!again.ok) throw new Error('should rank');
          expect(again.ranked.find((item) => item.id === change.itemId)?.rank).toBe(change.rankAfter);
          const newTop = again.ranked.slice(0, top).map((item) => item.id);
          if (change.effect === 'reorders-top') {
            expect([...newTop].sort()).toEqual([...result.top].sort());
          } else {
            expect([...newTop].sort()).not.toEqual([...result.top].sort());
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
