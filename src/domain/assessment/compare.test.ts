import { describe, expect, it } from 'vitest';
import { assessSetup } from './assess';
import { compareAssessments } from './compare';
import { renderComparisonMarkdown } from './render-markdown';
import { withAnswers } from './test-answers';

describe('compareAssessments', () => {
  const before = assessSetup({
    answers: withAnswers({ 'backlog-owner': 'cto', roadmap: 'wish-list', 'bus-factor': 'one' }),
  });
  const after = assessSetup({
    answers: withAnswers({
      'backlog-owner': 'product-owner',
      roadmap: 'outcomes',
      'bus-factor': 'several',
      'cto-direct-reports': 9,
    }),
  });
  const comparison = compareAssessments({ before, after });

  it('should list closed, opened and persisting findings', () => {
    expect(comparison.closed.map((f) => f.id)).toEqual(['cto-sets-priorities', 'no-roadmap']);
    expect(comparison.opened.map((f) => f.id)).toEqual(['wide-span-of-control']);
    expect(comparison.persisting).toEqual([
      {
        id: 'bus-factor',
        title: 'Critical knowledge sits with one person',
        severity: 'high',
        severityBefore: 'medium',
      },
    ]);
  });

  it('should give score deltas per area', () => {
    // product before: backlog-owner cto (1), roadmap wish-list (1), five others at 3 → 17/21 → 81;
    // after: all seven at 3 → 100. team: bus-factor one (1) → several (0): 10/12 → 83, 9/12 → 75.
    const product = comparison.areas.find((a) => a.area === 'product');
    expect(product).toEqual({ area: 'product', before: 81, after: 100, delta: 19 });
    expect(comparison.areas.find((a) => a.area === 'team')).toEqual({
      area: 'team',
      before: 83,
      after: 75,
      delta: -8,
    });
  });

  it('should compare DORA tiers year by year', () => {
    expect(comparison.dora.map((d) => d.year)).toEqual([2024, 2023, 2021]);
  });

  it('should render the comparison as Markdown', () => {
    const text = renderComparisonMarkdown(comparison);
    expect(text).toMatch(/## Closed findings\n\n- The CTO decides what is built and in which order/);
    expect(text).toMatch(/Critical knowledge sits with one person \(`bus-factor`, medium → high\)/);
  });
});
