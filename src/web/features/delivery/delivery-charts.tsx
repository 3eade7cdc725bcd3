import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ItemState } from '../../../contract';
import { formatDay } from '../forecasts/forecast-format';
import type { FlowMetricsView } from './delivery-api';
import { formatDays } from './delivery-format';

const ACCENT = '#4f46e5';
const MUTED = '#5d5f69';
const GRID = '#e4e4e8';
const TICK = { fontSize: 12, fill: MUTED };
const LEVEL_COLOURS = { '50': '#067647', '70': '#b54708', '85': '#c01048', '95': '#6941c6' } as const;
const STATE_COLOURS: Record<ItemState, string> = {
  new: '#b9c0cc',
  ready: '#8891a3',
  in_progress: '#6172f3',
  in_review: '#9e77ed',
  done: '#32d583',
  cancelled: '#f9a8a0',
};

/** Each finished item as a dot (finish day, cycle time) with the 50/70/85/95th percentiles as lines. */
export function CycleTimeScatter({ metrics, today }: { metrics: FlowMetricsView; today: string }) {
  const dots = metrics.cycleTimes.map((c) => ({
    x: Date.parse(c.finishedAt),
    y: c.days,
    label: `#${c.number} ${c.title}`,
  }));
  const levels = (['50', '70', '85', '95'] as const).flatMap((level) => {
    const value = metrics.cycleTimeDays[level];
    return value === null ? [] : [{ level, value }];
  });
  const fromMs = Date.parse(`${metrics.from}T00:00:00Z`);
  const toMs = Date.parse(`${metrics.to}T23:59:59Z`);
  return (
    <figure className="chart" aria-label="Cycle time of each finished item, with percentile lines">
      <ResponsiveContainer width="100%" height={260}>
        <ScatterChart margin={{ top: 16, right: 56, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} />
          <XAxis
            type="number"
            dataKey="x"
            domain={[fromMs, toMs]}
            tick={TICK}
            tickFormatter={(ms: number) => formatDay(new Date(ms).toISOString(), { today })}
            name="finished"
          />
          <YAxis type="number" dataKey="y" tick={TICK} width={44} name="days" unit=" d" />
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            content={({ payload }) => {
              const dot = payload?.[0]?.payload as (typeof dots)[number] | undefined;
              return dot ? (
                <div className="chart-tip">
                  <strong>{dot.label}</strong>
                  <div>
                    {formatDays(dot.y)}, finished {formatDay(new Date(dot.x).toISOString(), { today })}
                  </div>
                </div>
              ) : null;
            }}
          />
          <Scatter data={dots} fill={ACCENT} isAnimationActive={false} />
          {levels.map(({ level, value }) => (
            <ReferenceLine
              key={level}
              y={value}
              stroke={LEVEL_COLOURS[level]}
              strokeDasharray="4 3"
              label={{ value: `${level}%`, position: 'right', fill: LEVEL_COLOURS[level], fontSize: 12 }}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Items finished per Monday-to-Sunday week. */
export function WeeklyThroughputChart({ metrics, today }: { metrics: FlowMetricsView; today: string }) {
  return (
    <figure className="chart" aria-label="Items finished per week">
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={metrics.throughput.weekly} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="weekStart" tick={TICK} tickFormatter={(iso: string) => formatDay(iso, { today })} />
          <YAxis allowDecimals={false} tick={TICK} width={32} />
          <Tooltip
            labelFormatter={(label) => `Week of ${formatDay(String(label), { today })}`}
            formatter={(value, _name, entry) => [
              `${String(value)} finished${entry.payload.days < 7 ? ` (${entry.payload.days} days in the period)` : ''}`,
              'Throughput',
            ]}
          />
          <Bar dataKey="count" fill={ACCENT} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Items in each state at the end of each day, stacked in workflow order (done at the bottom). */
export function CumulativeFlowChart({ metrics, today }: { metrics: FlowMetricsView; today: string }) {
  const { states, names, days } = metrics.cumulativeFlow;
  // One band per workflow state, keyed by position: a team names its states as it likes.
  const rows = days.map((d) => ({
    date: d.date,
    ...Object.fromEntries(states.map((_, i) => [`band${i}`, d.counts[i] ?? 0])),
  }));
  // Stacked from the bottom: finished work first, so the bands read as a flow upwards.
  const stack = states.map((state, i) => ({ key: `band${i}`, state, name: names[i] ?? state })).reverse();
  return (
    <figure
      className="chart"
      aria-label="Cumulative flow: items in each state per day"
      data-testid="cfd-chart"
    >
      <ResponsiveContainer width="100%" height={300}>
        <AreaChart data={rows} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis
            dataKey="date"
            tick={TICK}
            minTickGap={24}
            tickFormatter={(iso: string) => formatDay(iso, { today })}
          />
          <YAxis allowDecimals={false} tick={TICK} width={40} />
          <Tooltip labelFormatter={(label) => formatDay(String(label), { today })} />
          <Legend />
          {stack.map((band) => (
            <Area
              key={band.key}
              type="stepAfter"
              dataKey={band.key}
              name={band.name}
              stackId="cfd"
              stroke={STATE_COLOURS[band.state]}
              fill={STATE_COLOURS[band.state]}
              fillOpacity={0.9}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
