import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORING_FRAMEWORKS } from '../frameworks/catalogue';
import { type BacklogItem, rankBacklog } from './rank-backlog';
import { rankSensitivity } from './rank-sensitivity';

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

describe('rankSensitivity properties', () => {
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
