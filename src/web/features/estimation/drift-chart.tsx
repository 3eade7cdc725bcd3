import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CalibrationReportView } from '../../../contract';

const ACCENT = '#4f46e5';
const ACCENT_SOFT = '#a5a8f0';
const MUTED = '#5d5f69';
const GRID = '#e4e4e8';
const TICK = { fontSize: 12, fill: MUTED };

type Drift = CalibrationReportView['drift'];

/** The median actual/estimate ratio per period (and P90 where there is enough data), against 1. */
export function DriftChart({ drift }: { drift: Drift }) {
  const data = drift.periods.map((p) => ({
    label: p.label,
    count: p.profile.count,
    median: p.profile.ok ? Number(p.profile.median.toFixed(3)) : null,
    p90: p.profile.ok && p.profile.p90.ok ? Number(p.profile.p90.value.toFixed(3)) : null,
  }));
  return (
    <figure className="prio-chart" data-testid="drift-chart" aria-label="Actual over estimate, by period">
      <div className="prio-chart-canvas" style={{ minHeight: 240 }}>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={{ top: 12, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey="label" tick={TICK} />
            <YAxis tick={TICK} width={48} domain={[0, 'auto']} tickFormatter={(v: number) => `×${v}`} />
            <ReferenceLine
              y={1}
              stroke={MUTED}
              strokeDasharray="4 3"
              label={{ value: 'as estimated', position: 'insideBottomRight', fill: MUTED, fontSize: 11 }}
            />
            <Tooltip
              formatter={(value, name) => [
                value === null ? 'not enough data' : `×${Number(value).toFixed(2)}`,
                name === 'median' ? 'median' : 'P90',
              ]}
              labelFormatter={(label, payload) => {
                const count = (payload?.[0]?.payload as { count?: number } | undefined)?.count;
                return `${String(label)}${count !== undefined ? ` · ${count} items` : ''}`;
              }}
            />
            <Line
              dataKey="median"
              stroke={ACCENT}
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls={false}
            />
            <Line
              dataKey="p90"
              stroke={ACCENT_SOFT}
              strokeDasharray="5 4"
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted small">
        Solid: median actual ÷ estimate per quarter. Dashed: P90 (9 in 10 items finish within it), where a
        quarter has enough items. Above the dotted line, work took longer than estimated.
      </figcaption>
    </figure>
  );
}
