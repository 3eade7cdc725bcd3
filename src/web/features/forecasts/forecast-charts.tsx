import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { addDays, MS_PER_DAY } from '../../../domain/shared';
import type { BurnUpPoint } from './burn-up';
import { type CurvePoint, type FinishBar, formatDay } from './forecast-format';

const ACCENT = '#4f46e5';
const ACCENT_SOFT = '#c7c9fb';
const ACCENT_FAINT = '#e6e7fd';
const MUTED = '#5d5f69';
const GRID = '#e4e4e8';
const DONE = '#067647';
const TICK = { fontSize: 12, fill: MUTED };

function dayTick(today: string) {
  return (iso: string) => formatDay(iso, { today });
}

/** Histogram of finish dates (bars) with the chance of being done by each date (line). */
export function FinishHistogram(props: {
  bars: FinishBar[];
  bucketDays: number;
  start: string;
  p85: string | null;
}) {
  const { bars, bucketDays, start, p85 } = props;
  const p85Bar = p85 ? bars.find((b) => b.date >= p85)?.date : undefined;
  return (
    <figure className="chart" aria-label="Finish dates of the simulated futures">
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={bars} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="date" tick={TICK} tickFormatter={dayTick(start)} minTickGap={24} />
          <YAxis yAxisId="share" tick={TICK} width={40} tickFormatter={(v: number) => `${v}%`} />
          <YAxis
            yAxisId="cumulative"
            orientation="right"
            domain={[0, 100]}
            tick={TICK}
            width={40}
            tickFormatter={(v: number) => `${v}%`}
          />
          <Tooltip
            labelFormatter={(label) =>
              `${bucketDays > 1 ? 'Week to ' : ''}${formatDay(String(label), { today: start })}`
            }
            formatter={(value, name) => [
              `${Number(value).toFixed(1)}%`,
              name === 'share' ? 'finish then' : 'done by then',
            ]}
          />
          <Bar yAxisId="share" dataKey="share" fill={ACCENT_SOFT} isAnimationActive={false} />
          <Line
            yAxisId="cumulative"
            dataKey="cumulative"
            stroke={ACCENT}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          {p85Bar && (
            <ReferenceLine
              yAxisId="share"
              x={p85Bar}
              stroke={ACCENT}
              strokeDasharray="4 3"
              label={{ value: '85%', position: 'top', fill: ACCENT, fontSize: 12 }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="muted small">
        Bars: share of simulated futures finishing {bucketDays > 1 ? 'each week' : 'each day'}. Line: chance
        of being done by then.
      </figcaption>
    </figure>
  );
}

/**
 * The chance of being done by each date, drawn from the whole simulated distribution of a plan
 * forecast as a smooth cumulative curve, with the percentile levels written where they are
 * reached and the target date marked.
 */
export function DistributionCurve(props: { points: CurvePoint[]; start: string; target: string | null }) {
  const { points, start, target } = props;
  const toDay = (iso: string) => Math.round((Date.parse(iso) - Date.parse(start)) / MS_PER_DAY);
  const first = points[0]?.day ?? 0;
  const last = points[points.length - 1]?.day ?? 0;
  const targetDay = target ? toDay(target) : null;
  const from = Math.max(0, Math.min(first, targetDay ?? first) - 3);
  const to = Math.max(last, targetDay ?? last) + 3;
  // Hold the last level to the right edge, so the curve reads to the end of the axis.
  const data = [
    ...points,
    ...(points.length > 0 ? [{ ...points[points.length - 1]!, day: to, label: '' }] : []),
  ];
  return (
    <figure className="chart" aria-label="Chance of being done by each date" data-testid="distribution-curve">
      <ResponsiveContainer width="100%" height={220}>
        <ComposedChart data={data} margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis
            dataKey="day"
            type="number"
            domain={[from, to]}
            allowDecimals={false}
            tick={TICK}
            tickFormatter={(d: number) => formatDay(addDays(start, Math.round(d)), { today: start })}
            minTickGap={24}
          />
          <YAxis domain={[0, 100]} ticks={[0, 50, 70, 85, 95, 100]} tick={TICK} width={40} unit="%" />
          <Tooltip
            labelFormatter={(d) => formatDay(addDays(start, Math.round(Number(d))), { today: start })}
            formatter={(value) => [`${Number(value).toFixed(0)}%`, 'done by the end of that day']}
          />
          <Area
            dataKey="chance"
            type="monotone"
            stroke={ACCENT}
            fill={ACCENT_FAINT}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          >
            <LabelList dataKey="label" position="top" fontSize={11} fill={MUTED} />
          </Area>
          {targetDay !== null && (
            <ReferenceLine
              x={targetDay}
              stroke={DONE}
              strokeDasharray="4 3"
              label={{ value: 'target', position: 'insideTopRight', fill: DONE, fontSize: 12 }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="muted small">
        How likely the work is done by each date, from every simulated plan. Before the 50% date, it is less
        likely than not.
      </figcaption>
    </figure>
  );
}

/** Burn-up: items done so far, and the fan of likely futures from the start. */
export function FanChart(props: {
  points: BurnUpPoint[];
  start: string;
  goal: number | null;
  goalLabel: string;
}) {
  const { points, start, goal, goalLabel } = props;
  const first = points[0]?.day ?? 0;
  const last = points[points.length - 1]?.day ?? 0;
  const dayLabel = (d: number) => formatDay(addDays(start, Math.round(d)), { today: start });
  return (
    <figure className="chart" aria-label="Burn-up with a fan of likely futures" data-testid="fan-chart">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={points} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis
            dataKey="day"
            type="number"
            domain={[first, last]}
            allowDecimals={false}
            tick={TICK}
            tickFormatter={dayLabel}
            minTickGap={28}
          />
          <YAxis tick={TICK} width={44} allowDecimals={false} />
          <Tooltip
            labelFormatter={(d) => dayLabel(Number(d))}
            formatter={(value, name) => {
              const text = Array.isArray(value) ? `${value[0]}–${value[1]}` : String(value);
              const label =
                name === 'done'
                  ? 'done'
                  : name === 'median'
                    ? 'median future'
                    : name === 'inner'
                      ? 'half the futures'
                      : '90% of futures';
              return [text, label];
            }}
          />
          <Area dataKey="outer" stroke="none" fill={ACCENT_FAINT} isAnimationActive={false} />
          <Area dataKey="inner" stroke="none" fill={ACCENT_SOFT} isAnimationActive={false} />
          <Line
            dataKey="median"
            stroke={ACCENT}
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line dataKey="done" stroke={DONE} strokeWidth={2} dot={false} isAnimationActive={false} />
          <ReferenceLine
            x={0}
            stroke={MUTED}
            strokeDasharray="2 3"
            label={{ value: 'today', fill: MUTED, fontSize: 12, position: 'top' }}
          />
          {goal !== null && (
            <ReferenceLine
              y={goal}
              stroke={ACCENT}
              strokeDasharray="4 3"
              label={{ value: goalLabel, fill: ACCENT, fontSize: 12, position: 'insideTopLeft' }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="muted small">
        Green: items done. Shaded: where 90% (light) and half (dark) of the simulated futures are, resampled
        from the same days of history; dashed: the median future.
      </figcaption>
    </figure>
  );
}

/** Predicted level against how often outcomes really fell at or below it, with the diagonal. */
export function CalibrationChart(props: { rows: Array<{ level: number; observed: number; count: number }> }) {
  const data = props.rows.map((r) => ({
    level: r.level,
    observed: Math.round(r.observed * 1000) / 10,
    count: r.count,
  }));
  return (
    <figure
      className="chart"
      aria-label="Calibration: predicted percentile against observed frequency"
      data-testid="calibration-chart"
    >
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={data} margin={{ top: 16, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid stroke={GRID} />
          <XAxis
            dataKey="level"
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 70, 85, 95, 100]}
            tick={TICK}
            unit="%"
            label={{
              value: 'predicted (percentile)',
              position: 'insideBottom',
              offset: -10,
              fill: MUTED,
              fontSize: 12,
            }}
          />
          <YAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tick={TICK}
            width={48}
            unit="%"
          />
          <Tooltip
            formatter={(value, name) => [`${value}%`, name === 'observed' ? 'observed' : String(name)]}
            labelFormatter={(l) => `P${l}`}
          />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 100, y: 100 },
            ]}
            stroke={MUTED}
            strokeDasharray="4 3"
            label={{ value: 'perfect calibration', fill: MUTED, fontSize: 12, position: 'insideTopLeft' }}
          />
          <Line dataKey="observed" stroke={ACCENT} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Scatter dataKey="observed" fill={ACCENT} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="muted small">
        On the diagonal, forecasts are honest: outcomes fall at or below P85 85% of the time. Below it, they
        were too optimistic; above it, too cautious.
      </figcaption>
    </figure>
  );
}
