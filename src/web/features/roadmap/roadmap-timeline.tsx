import { memo, useId, useMemo, useState } from 'react';
import { readDayNumber, weekdayOf } from '../../../domain/shared';
import { describeDayDifference, findMondays, formatShortDate } from './dates';
import type { Roadmap, RoadmapItem } from './roadmap-api';
import { layoutTimeline, type TimelineGrouping, type TimelineRow } from './timeline-layout';
import { judgeTimelineMilestone, MilestoneMark, type TimelineForecast } from './timeline-milestone';

const ROW_HEIGHT: Record<TimelineRow['kind'], number> = { group: 30, lane: 30, milestone: 26 };
const AXIS_HEIGHT = 32;
export const ZOOMS = { weeks: 18, months: 7 } as const;
export type Zoom = keyof typeof ZOOMS;

interface TimelineProps {
  roadmap: Roadmap;
  grouping: TimelineGrouping;
  zoom: Zoom;
  today: string;
  /** Days each item moved since the compared version (positive = later). */
  slips?: ReadonlyMap<string, number | null>;
  /** Each milestone's plan forecast, by id: its diamond and label then follow the forecast. */
  forecasts?: ReadonlyMap<string, TimelineForecast>;
  onOpen: (itemId: string) => void;
}

interface Placed {
  item: RoadmapItem;
  x: number;
  width: number;
  y: number;
}

/**
 * The Gantt chart: bars from start to finish on a date axis, a today line, milestones as
 * diamonds at their forecast's P85 (or scheduled date) with their target, dependency connectors and critical-chain bars. Bars are buttons:
 * hover or focus shows why the item starts when it does; click opens the item.
 */
export const RoadmapTimeline = memo(function RoadmapTimeline(props: TimelineProps) {
  const { roadmap, grouping, today, slips, forecasts, onOpen } = props;
  const dayWidth = ZOOMS[props.zoom];
  const layout = useMemo(() => layoutTimeline({ roadmap, grouping, today }), [roadmap, grouping, today]);
  const [active, setActive] = useState<string | null>(null);
  const tooltipId = useId();

  const { tops, height } = useMemo(() => {
    const out: number[] = [];
    let y = 0;
    for (const row of layout.rows) {
      out.push(y);
      y += ROW_HEIGHT[row.kind];
    }
    return { tops: out, height: y };
  }, [layout.rows]);

  // The axis runs on to the latest forecast P85, so every milestone's diamond is on the chart.
  const lastDay = useMemo(() => {
    let last = layout.lastDay;
    for (const { forecast } of forecasts?.values() ?? []) {
      if (forecast.p85) last = Math.max(last, readDayNumber(forecast.p85) + 7);
    }
    return last;
  }, [layout.lastDay, forecasts]);
  const xOf = (day: number) => (day - layout.firstDay) * dayWidth;
  const width = xOf(lastDay + 1);

  const placed = useMemo(() => {
    const map = new Map<string, Placed>();
    for (const [index, row] of layout.rows.entries()) {
      if (row.kind !== 'lane') continue;
      for (const item of row.items) {
        const start = readDayNumber(item.start);
        const x = (start - layout.firstDay) * dayWidth;
        const w = Math.max(6, (readDayNumber(item.finish) + 1 - start) * dayWidth - 2);
        map.set(item.itemId, { item, x, width: w, y: (tops[index] ?? 0) + ROW_HEIGHT.lane / 2 });
      }
    }
    return map;
  }, [layout, tops, dayWidth]);

  const mondays = findMondays({ from: layout.firstDay, to: lastDay });
  const weekends: number[] = [];
  if (dayWidth >= 10) {
    for (let d = layout.firstDay; d <= lastDay; d++) if (weekdayOf(d) === 6) weekends.push(d);
  }
  const todayDay = readDayNumber(today);
  const activePlaced = active ? placed.get(active) : undefined;
  const people = new Map(roadmap.people.map((p) => [p.id, p.name] as const));
  const titles = new Map(roadmap.items.map((i) => [i.itemId, `#${i.number} ${i.title}`] as const));

  return (
    <div className="gantt" data-testid={`timeline-${grouping}`}>
      <div className="gantt-labels" aria-hidden="true">
        <div className="gantt-axis-spacer" style={{ height: AXIS_HEIGHT }} />
        {layout.rows.map((row, i) => (
          <RowLabel
            key={row.key}
            row={row}
            height={ROW_HEIGHT[row.kind]}
            first={i === 0}
            forecasts={forecasts}
          />
        ))}
      </div>
      <section className="gantt-scroll" aria-label={`Timeline by ${grouping}`}>
        <div className="gantt-canvas" style={{ width, height: height + AXIS_HEIGHT }}>
          <div className="gantt-axis" style={{ height: AXIS_HEIGHT }}>
            {mondays.map((d) => (
              <span key={d} className="gantt-tick" style={{ left: xOf(d) }}>
                {formatShortDate(d)}
              </span>
            ))}
          </div>
          <svg
            className="gantt-svg"
            width={width}
            height={height}
            style={{ top: AXIS_HEIGHT }}
            role="img"
            aria-label="Week grid, today line, milestones and dependencies"
          >
            <defs>
              <marker
                id="gantt-arrow"
                viewBox="0 0 6 6"
                refX="5"
                refY="3"
                markerWidth="6"
                markerHeight="6"
                orient="auto"
              >
                <path d="M0,0 L6,3 L0,6 z" className="gantt-arrowhead" />
              </marker>
            </defs>
            {weekends.map((d) => (
              <rect key={d} x={xOf(d)} y={0} width={dayWidth * 2} height={height} className="gantt-weekend" />
            ))}
            {layout.rows.map((row, i) =>
              row.kind === 'group' ? (
                <rect
                  key={row.key}
                  x={0}
                  y={tops[i]}
                  width={width}
                  height={ROW_HEIGHT.group}
                  className="gantt-group-band"
                />
              ) : null,
            )}
            {layout.rows.map((row, i) =>
              row.kind === 'lane' && row.label && i > 0 ? (
                <line key={row.key} x1={0} x2={width} y1={tops[i]} y2={tops[i]} className="gantt-separator" />
              ) : null,
            )}
            {mondays.map((d) => (
              <line key={d} x1={xOf(d)} x2={xOf(d)} y1={0} y2={height} className="gantt-week-line" />
            ))}
            {roadmap.items.map((item) =>
              item.dependsOn.map((dep) => {
                const from = placed.get(dep);
                const to = placed.get(item.itemId);
                if (!from || !to) return null;
                const x1 = from.x + from.width;
                const bend = Math.max(x1 + 4, Math.min(to.x - 4, x1 + 8));
                const lit = active === item.itemId || active === dep;
                return (
                  <path
                    key={`${dep}-${item.itemId}`}
                    d={`M${x1},${from.y} H${bend} V${to.y} H${to.x - 1}`}
                    className={`gantt-link${lit ? ' is-lit' : ''}`}
                    markerEnd="url(#gantt-arrow)"
                  />
                );
              }),
            )}
            {layout.rows.map((row, i) => {
              const milestone =
                row.kind === 'milestone' ? row.milestone : row.kind === 'group' ? row.milestone : null;
              if (!milestone) return null;
              return (
                <MilestoneMark
                  key={row.key}
                  milestone={milestone}
                  forecast={forecasts?.get(milestone.id)}
                  y={(tops[i] ?? 0) + ROW_HEIGHT[row.kind] / 2}
                  xOf={xOf}
                />
              );
            })}
            {todayDay >= layout.firstDay && todayDay <= lastDay && (
              <line x1={xOf(todayDay)} x2={xOf(todayDay)} y1={0} y2={height} className="gantt-today" />
            )}
          </svg>
          {todayDay >= layout.firstDay && todayDay <= lastDay && (
            <span className="gantt-today-label" style={{ left: Math.max(18, xOf(todayDay)) }}>
              Today
            </span>
          )}
          <div className="gantt-bars" style={{ top: AXIS_HEIGHT }}>
            {[...placed.values()].map(({ item, x, width: w, y }) => {
              const slip = slips?.get(item.itemId);
              const label = `#${item.number} ${item.title}`;
              return (
                <button
                  key={item.itemId}
                  type="button"
                  className={`gantt-bar type-${item.type}${item.critical ? ' is-critical' : ''}${slip && slip > 0 ? ' is-slipped' : ''}`}
                  style={{ left: x, top: y - 11, width: w }}
                  aria-label={`${label}: ${item.personName ?? 'nobody'}, ${formatShortDate(item.start)} to ${formatShortDate(item.finish)}${item.critical ? ', on the critical chain' : ''}`}
                  aria-describedby={active === item.itemId ? tooltipId : undefined}
                  data-testid="timeline-bar"
                  onMouseEnter={() => setActive(item.itemId)}
                  onMouseLeave={() => setActive((a) => (a === item.itemId ? null : a))}
                  onFocus={() => setActive(item.itemId)}
                  onBlur={() => setActive((a) => (a === item.itemId ? null : a))}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setActive(null);
                  }}
                  onClick={() => onOpen(item.itemId)}
                >
                  <span className="gantt-bar-text">{label}</span>
                </button>
              );
            })}
          </div>
          {activePlaced && (
            <div
              id={tooltipId}
              role="tooltip"
              className="gantt-tooltip"
              style={{
                left: Math.min(activePlaced.x, Math.max(0, width - 320)),
                top: AXIS_HEIGHT + activePlaced.y + 16,
              }}
            >
              <strong>
                #{activePlaced.item.number} {activePlaced.item.title}
              </strong>
              <span className="muted">
                {activePlaced.item.personName ?? 'Nobody'} · {formatShortDate(activePlaced.item.start)} →{' '}
                {formatShortDate(activePlaced.item.finish)} · {activePlaced.item.durationDays} working{' '}
                {activePlaced.item.durationDays === 1 ? 'day' : 'days'}
              </span>
              <span>
                <span className="sr-only">Why it starts then: </span>
                {activePlaced.item.reason.text}
              </span>
              {activePlaced.item.dependsOn.length > 0 && (
                <span className="muted">
                  Waits for{' '}
                  {activePlaced.item.dependsOn
                    .map((d) => titles.get(d) ?? 'work outside the plan')
                    .join(', ')}
                </span>
              )}
              {activePlaced.item.critical && (
                <span className="gantt-tooltip-critical">On the critical chain</span>
              )}
              {slips?.has(activePlaced.item.itemId) && (
                <span>
                  Since the compared version:{' '}
                  {describeDayDifference(slips.get(activePlaced.item.itemId) ?? null)}
                </span>
              )}
              {activePlaced.item.reason.personId && people.has(activePlaced.item.reason.personId) && (
                <span className="muted">Person: {people.get(activePlaced.item.reason.personId)}</span>
              )}
            </div>
          )}
        </div>
      </section>
    </div>
  );
});

function RowLabel(props: {
  row: TimelineRow;
  height: number;
  first: boolean;
  forecasts: ReadonlyMap<string, TimelineForecast> | undefined;
}) {
  const { row, height, first, forecasts } = props;
  if (row.kind === 'lane') {
    return (
      <div className={`gantt-label gantt-label-lane${row.label ? ' is-first' : ''}`} style={{ height }}>
        {row.label && (
          <>
            <span className="gantt-label-text gantt-label-name">{row.label.text}</span>
            <span className="muted">{row.label.detail}</span>
          </>
        )}
      </div>
    );
  }
  const milestone = row.milestone;
  // Late, at risk or on track as the forecast judges it; the schedule's slip only without one.
  const judged = milestone ? judgeTimelineMilestone(milestone, forecasts?.get(milestone.id)) : null;
  const status = judged?.status ? (
    <span className={judged.className ? 'slip-late' : 'slip-ok'}>{judged.status}</span>
  ) : null;
  if (row.kind === 'milestone') {
    return (
      <div className={`gantt-label gantt-label-milestone${first ? ' is-first' : ''}`} style={{ height }}>
        <span className="gantt-label-text">◆ {row.milestone.title}</span>
        {status}
      </div>
    );
  }
  return (
    <div className="gantt-label gantt-label-group" style={{ height }}>
      <span className="gantt-label-text">{row.label}</span>
      {status ?? <span className="muted">{row.detail}</span>}
    </div>
  );
}
