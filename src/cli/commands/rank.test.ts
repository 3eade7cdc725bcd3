import { describe, expect, it } from 'vitest';
import type { Ranking } from '../../contract';
import { renderRankingTable } from './rank';

const setAt = '2026-12-03T09:05:00.000Z';

function ranking(provenance: Ranking['ranked'][number]['provenance']): Ranking {
  return {
    framework: {
      ref: 'rice',
      name: 'RICE',
      summary: 'Reach × Impact × Confidence / Effort (Intercom)',
      formula: 'rice_reach * rice_impact * rice_confidence / rice_effort',
      direction: 'higher-first',
      inputs: [],
    },
    orderVersion: 'v1',
    ranked: [
      {
        itemId: '00000000-0000-4000-8000-000000000012',
        number: 12,
        title: 'SSO',
        type: 'feature',
        state: 'new',
        rank: 1,
        manualPosition: 1,
        score: 50,
        label: null,
        inputs: { rice_reach: 100, rice_impact: 1, rice_confidence: 100, rice_effort: 2 },
        provenance,
      },
    ],
    unscored: [],
    moscowCheck: null,
  };
}

const rowOf = (text: string) => text.split('\n').find((line) => line.includes('#12')) ?? '';

describe('renderRankingTable', () => {
  it('should show the interval of a reach from evidence beside its value', () => {
    const table = renderRankingTable(
      ranking({
        rice_reach: { setBy: null, setAt, source: 'evidence', range: { low: 33.06, high: 166.94 } },
        rice_impact: { setBy: null, setAt, source: 'typed' },
      }),
      5,
    );
    expect(rowOf(table)).toContain('rice_reach=100 (33–167) rice_impact=1 rice_confidence=100 rice_effort=2');
  });

  it('should show a typed reach as its value alone', () => {
    const table = renderRankingTable(ranking({ rice_reach: { setBy: null, setAt, source: 'typed' } }), 5);
    expect(rowOf(table)).toContain('rice_reach=100 rice_impact=1 rice_confidence=100 rice_effort=2');
  });
});
