import { describe, expect, it } from 'vitest';
import type { FlowMetricsView } from '../../contract';
import { parseFlags } from '../flags';
import { MetricsFlagsSchema, renderMetrics } from './metrics';

const view: FlowMetricsView = {
  from: '2026-03-02',
  to: '2026-03-08',
  asOf: '2026-03-08T23:59:59.999Z',
  person: null,
  definition: 'cycle time: first start to last done',
  cycleTimeDays: { count: 2, '50': 3.5, '70': 3.7, '85': 3.85, '95': 3.95 },
  cycleTimes: [],
  finishedWithoutStart: 1,
  throughput: { total: 3, daily: [], weekly: [{ weekStart: '2026-03-02', days: 7, count: 3 }] },
  cumulativeFlow: { states: [], names: [], days: [] },
  aging: [
    {
      itemId: '00000000-0000-4000-8000-000000000001',
      number: 12,
      title: 'Export',
      state: 'in_review',
      stateName: 'In review',
      assignee: { key: 'sam@example.com', name: 'Sam' },
      startedAt: '2026-03-01T00:00:00.000Z',
      ageDays: 7.99,
      olderThanPercent: 87.5,
    },
  ],
  wip: { total: 1, byState: [{ state: 'in_review', count: 1 }], byWorkflowState: [], byPerson: [] },
  blockedTime: { available: false, reason: 'No blocked state.' },
  flowEfficiency: { available: false, reason: 'No waiting state.' },
  people: [],
};

describe('headway metrics', () => {
  it('should print the percentiles, the weeks and each aging item against finished work', () => {
    const text = renderMetrics(view);
    expect(text).toContain('(cycle time: first start to last done)');
    expect(text).toContain('Cycle time of 2 finished items: P50 3.5 d, P70 3.7 d, P85 3.9 d, P95 4.0 d');
    expect(text).toMatch(/2026-03-02\s+7\s+3/);
    expect(text).toMatch(/#12\s+in_review\s+8\.0 d\s+88% of finished\s+Sam/);
    expect(text).toContain('No waiting state.');
  });

  it('should print dashes for percentiles when nothing finished', () => {
    const empty = { count: 0, '50': null, '70': null, '85': null, '95': null };
    expect(renderMetrics({ ...view, cycleTimeDays: empty, aging: [] })).toContain(
      'P50 -, P70 -, P85 -, P95 -',
    );
  });

  it('should refuse a reversed period or a bad date naming the flag, before opening any database', () => {
    expect(() =>
      parseFlags(MetricsFlagsSchema, {
        dataDir: '/tmp/hw',
        workspace: 'acme',
        from: '2026-03-09',
        to: '2026-03-08',
      }),
    ).toThrow(/--from: 2026-03-09 is after the end of the period 2026-03-08/);
    expect(() =>
      parseFlags(MetricsFlagsSchema, { dataDir: '/tmp/hw', workspace: 'acme', to: '2026-02-30' }),
    ).toThrow(/--to must be a calendar date/);
  });

  it('should print blocked time and flow efficiency when the workflow marks blocked and waiting states', () => {
    const text = renderMetrics({
      ...view,
      blockedTime: { available: true, items: 2, blockedDays: 1.25, share: 0.125 },
      flowEfficiency: { available: true, items: 2, activeDays: 6, waitingDays: 2, percent: 75 },
    });
    expect(text).toContain('Blocked time: 1.3 d over 2 finished items (12.5% of their cycle time)');
    expect(text).toContain(
      'Flow efficiency: 75.0% of cycle time worked (6.0 d worked, 2.0 d waiting or blocked)',
    );
    expect(text).not.toContain('No blocked state.');
  });
});
