// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDayNumber } from '../../../domain/shared';
import { describeMilestoneForecast } from '../forecasts/forecast-format';
import type { Roadmap, RoadmapItem } from './roadmap-api';
import { RoadmapTimeline } from './roadmap-timeline';

afterEach(cleanup);

function item(
  id: string,
  number: number,
  start: string,
  finish: string,
  extra: Partial<RoadmapItem> = {},
): RoadmapItem {
  return {
    itemId: id,
    number,
    title: `Item ${id}`,
    type: 'feature',
    state: 'ready',
    personId: 'p1',
    personName: 'Ann',
    start,
    finish,
    effortDays: 2,
    durationDays: 2,
    rank: number,
    reason: { kind: 'ready', text: `Reason for ${id}` },
    dependsOn: [],
    milestoneId: 'm1',
    critical: false,
    bucket: 'now',
    ...extra,
  };
}

const plan: Roadmap = {
  status: 'planned',
  startDate: '2026-12-01',
  endDate: '2026-12-04',
  people: [{ id: 'p1', name: 'Ann', role: 'developer', fte: 1, skills: [], hypothetical: false }],
  items: [
    item('a', 1, '2026-12-01', '2026-12-02', { critical: true }),
    item('b', 2, '2026-12-03', '2026-12-04', {
      dependsOn: ['a'],
      reason: { kind: 'dependency', text: 'Waits for #1 to finish', itemId: 'a' },
    }),
  ],
  criticalChain: ['a'],
  load: [],
  milestones: [
    {
      id: 'm1',
      number: 9,
      title: 'Launch',
      targetDate: '2026-12-03',
      date: '2026-12-04',
      drivingItemId: 'b',
      slipDays: 1,
      plannedItems: 2,
    },
  ],
  buckets: { now: ['a', 'b'], next: [], later: [] },
  unplanned: [],
  problems: [],
  rules: [],
};

function renderTimeline(onOpen = vi.fn()) {
  render(
    <RoadmapTimeline roadmap={plan} grouping="initiative" zoom="weeks" today="2026-12-01" onOpen={onOpen} />,
  );
  return onOpen;
}

describe('RoadmapTimeline', () => {
  it('should describe a bar with its start reason when it gets keyboard focus', () => {
    renderTimeline();
    const bar = screen.getByRole('button', { name: /#2 Item b/ });
    act(() => bar.focus());
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toContain('Waits for #1 to finish');
    expect(bar.getAttribute('aria-describedby')).toBe(tooltip.id);
    fireEvent.keyDown(bar, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('should draw one connector per dependency and mark critical bars when both ends are planned', () => {
    const { container } = render(
      <RoadmapTimeline roadmap={plan} grouping="person" zoom="weeks" today="2026-12-01" onOpen={() => {}} />,
    );
    expect(container.querySelectorAll('.gantt-link')).toHaveLength(1);
    const critical = [...container.querySelectorAll('.gantt-bar.is-critical')].map((b) => b.textContent);
    expect(critical).toEqual(['#1 Item a']);
  });

  it('should mark a milestone late when it is planned after its target', () => {
    const { container } = render(
      <RoadmapTimeline
        roadmap={plan}
        grouping="initiative"
        zoom="weeks"
        today="2026-12-01"
        onOpen={() => {}}
      />,
    );
    const mark = container.querySelector('[data-testid="timeline-milestone"]');
    expect(mark?.classList.contains('is-late')).toBe(true);
    expect(mark?.querySelector('title')?.textContent).toContain('1 day late');
  });

  it('should place the diamond at the forecast P85 and label it with the chance of the target when forecast', () => {
    const forecast = {
      id: 'm1',
      targetDate: '2026-12-03',
      p50: '2026-12-07',
      p85: '2026-12-10',
      probabilityOnTime: 0.2,
      unestimated: 0,
    };
    const { container } = render(
      <RoadmapTimeline
        roadmap={plan}
        grouping="initiative"
        zoom="weeks"
        today="2026-12-01"
        forecasts={new Map([['m1', { start: '2026-12-01', forecast }]])}
        onOpen={() => {}}
      />,
    );
    const mark = container.querySelector('[data-testid="timeline-milestone"]');
    const label = mark?.querySelector('[data-testid="timeline-milestone-label"]')?.textContent;
    expect(label).toBe(`${describeMilestoneForecast(forecast, '2026-12-01')} · target 3 Dec`);
    expect(label).toContain('20% likely by the target');
    // The diamond sits at the end of the P85 day (10 Dec), six days after the schedule's tick (4 Dec).
    const diamond = mark?.querySelector('.gantt-diamond')?.parentElement?.getAttribute('transform') ?? '';
    const diamondX = Number(/translate\(([-\d.]+),/.exec(diamond)?.[1]);
    const scheduledX = Number(mark?.querySelector('.gantt-scheduled')?.getAttribute('x1'));
    expect(diamondX - scheduledX).toBe((readDayNumber('2026-12-10') - readDayNumber('2026-12-04')) * 18);
    // The axis runs on past the P85, beyond the schedule's last day, so the diamond is on the chart.
    expect(Number(container.querySelector('.gantt-svg')?.getAttribute('width'))).toBeGreaterThan(
      diamondX + 18,
    );
    expect(mark?.classList.contains('is-late')).toBe(true);
    expect(container.querySelector('.gantt-label-milestone, .gantt-label-group')?.textContent).toContain(
      'Late',
    );
  });

  it('should open the item when its bar is clicked', () => {
    const onOpen = renderTimeline();
    fireEvent.click(screen.getByRole('button', { name: /#1 Item a/ }));
    expect(onOpen).toHaveBeenCalledWith('a');
  });
});
