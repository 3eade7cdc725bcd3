import { useMemo } from 'react';
import {
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Ranking } from '../../../contract';
import {
  describeAxes,
  findMedian,
  findQuadrant,
  formatNumber,
  QUADRANT_LABELS,
  type Quadrant,
  readValueEffort,
} from './frameworks';

const MUTED = '#5d5f69';
const GRID = '#e4e4e8';
const TICK = { fontSize: 12, fill: MUTED };
const QUADRANT_COLORS: Record<Quadrant, { dot: string; area: string }> = {
  'quick-win': { dot: '#067647', area: '#ecfdf3' },
  'big-bet': { dot: '#4f46e5', area: '#eef0ff' },
  'fill-in': { dot: '#5d5f69', area: '#f7f7f8' },
  'money-pit': { dot: '#b42318', area: '#fef3f2' },
};
const ORDER: Quadrant[] = ['quick-win', 'big-bet', 'fill-in', 'money-pit'];

interface Point {
  itemId: string;
  number: number;
  title: string;
  value: number;
  effort: number;
  quadrant: Quadrant;
}

/**
 * Every ranked item placed by value and effort, split at the medians into quick wins, big bets,
 * fill-ins and money pits. Clicking a dot (or an item in the list under it) opens the item.
 */
export function ValueEffortChart(props: {
  ranking: Ranking;
  likelyDays: ReadonlyMap<string, number>;
  onOpen: (itemId: string) => void;
}) {
  const { ranking, likelyDays, onOpen } = props;
  const axes = describeAxes(ranking.framework.ref);
  const { points, split, max, skewed } = useMemo(() => {
    const raw = ranking.ranked.flatMap((entry) => {
      const point = readValueEffort({
        framework: ranking.framework.ref,
        inputs: entry.inputs,
        score: entry.score,
        likelyDays: likelyDays.get(entry.itemId) ?? null,
      });
      return point ? [{ entry, point }] : [];
    });
    const split = {
      value: findMedian(raw.map((r) => r.point.value)),
      effort: findMedian(raw.map((r) => r.point.effort)),
    };
    const points: Point[] = raw.map(({ entry, point }) => ({
      itemId: entry.itemId,
      number: entry.number,
      title: entry.title,
      ...point,
      quadrant: findQuadrant(point, split),
    }));
    const max = {
      value: Math.max(split.value * 2, ...points.map((p) => p.value)) * 1.05 || 1,
      effort: Math.max(split.effort * 2, ...points.map((p) => p.effort)) * 1.05 || 1,
    };
    // Scores are often heavy-tailed: a square-root axis keeps the lower quadrants readable.
    const skewed = {
      value: split.value > 0 && max.value / split.value > 5,
      effort: split.effort > 0 && max.effort / split.effort > 5,
    };
    return { points, split, max, skewed };
  }, [ranking, likelyDays]);

  if (points.length < 2) {
    return (
      <p className="muted" data-testid="scatter-empty">
        The chart needs at least two ranked items with {axes.value.toLowerCase()} and{' '}
        {axes.effort.toLowerCase()}; {points.length === 0 ? 'none has' : 'one has'} them yet.
      </p>
    );
  }

  const open = (data: unknown) => {
    const payload = (data as { payload?: Point } | undefined)?.payload ?? (data as Point | undefined);
    if (payload?.itemId) onOpen(payload.itemId);
  };
  const areas: { q: Quadrant; x1: number; x2: number; y1: number; y2: number; position: string }[] = [
    { q: 'quick-win', x1: 0, x2: split.effort, y1: split.value, y2: max.value, position: 'insideTopLeft' },
    {
      q: 'big-bet',
      x1: split.effort,
      x2: max.effort,
      y1: split.value,
      y2: max.value,
      position: 'insideTopRight',
    },
    { q: 'fill-in', x1: 0, x2: split.effort, y1: 0, y2: split.value, position: 'insideBottomLeft' },
    {
      q: 'money-pit',
      x1: split.effort,
      x2: max.effort,
      y1: 0,
      y2: split.value,
      position: 'insideBottomRight',
    },
  ];

  return (
    <figure className="prio-chart" data-testid="value-effort-chart">
      <div className="prio-chart-canvas">
        <ResponsiveContainer width="100%" height={340}>
          <ScatterChart margin={{ top: 12, right: 16, bottom: 28, left: 8 }}>
            <CartesianGrid stroke={GRID} />
            {areas.map((a) => (
              <ReferenceArea
                key={a.q}
                x1={a.x1}
                x2={a.x2}
                y1={a.y1}
                y2={a.y2}
                fill={QUADRANT_COLORS[a.q].area}
                fillOpacity={0.8}
                stroke="none"
                ifOverflow="hidden"
                label={{
                  value: QUADRANT_LABELS[a.q],
                  position: a.position as 'insideTopLeft',
                  fill: QUADRANT_COLORS[a.q].dot,
                  fontSize: 13,
                  fontWeight: 600,
                }}
              />
            ))}
            <ReferenceLine x={split.effort} stroke={MUTED} strokeDasharray="4 3" />
            <ReferenceLine y={split.value} stroke={MUTED} strokeDasharray="4 3" />
            <XAxis
              type="number"
              dataKey="effort"
              name={axes.effort}
              domain={[0, max.effort]}
              tick={TICK}
              tickFormatter={(v: number) => formatNumber(v)}
              scale={skewed.effort ? 'sqrt' : 'linear'}
              label={{ value: 'Effort →', position: 'insideBottom', offset: -16, fill: MUTED, fontSize: 12 }}
            />
            <YAxis
              type="number"
              dataKey="value"
              name={axes.value}
              domain={[0, max.value]}
              tick={TICK}
              width={56}
              tickFormatter={(v: number) => formatNumber(v)}
              scale={skewed.value ? 'sqrt' : 'linear'}
              label={{ value: 'Value →', angle: -90, position: 'insideLeft', fill: MUTED, fontSize: 12 }}
            />
            <Tooltip
              cursor={{ strokeDasharray: '3 3' }}
              content={({ active, payload }) => {
                const p = payload?.[0]?.payload as Point | undefined;
                if (!active || !p) return null;
                return (
                  <div className="prio-tooltip">
                    <strong>
                      #{p.number} {p.title}
                    </strong>
                    <div className="muted">
                      {QUADRANT_LABELS[p.quadrant]} · value {formatNumber(p.value)} · effort{' '}
                      {formatNumber(p.effort)}
                    </div>
                  </div>
                );
              }}
            />
            {ORDER.map((q) => (
              <Scatter
                key={q}
                name={QUADRANT_LABELS[q]}
                data={points.filter((p) => p.quadrant === q)}
                fill={QUADRANT_COLORS[q].dot}
                cursor="pointer"
                isAnimationActive={false}
                onClick={open}
              />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted small">
        Value: {axes.value.toLowerCase()}
        {skewed.value ? ' (square-root scale)' : ''}. Effort: {axes.effort.toLowerCase()}
        {skewed.effort ? ' (square-root scale)' : ''}. {points.length} ranked items; dashed lines at the
        medians ({axes.value.toLowerCase()} {formatNumber(split.value)}, {axes.effort.toLowerCase()}{' '}
        {formatNumber(split.effort)}). Click a dot to open the item.
      </figcaption>
      <div className="quadrant-lists">
        {ORDER.map((q) => {
          const members = points.filter((p) => p.quadrant === q);
          return (
            <section key={q} className="quadrant-list" aria-label={QUADRANT_LABELS[q]}>
              <h3 style={{ color: QUADRANT_COLORS[q].dot }}>
                {QUADRANT_LABELS[q]} <span className="muted">{members.length}</span>
              </h3>
              <ul className="plain-list">
                {members.slice(0, 6).map((p) => (
                  <li key={p.itemId}>
                    <button type="button" className="link-button" onClick={() => onOpen(p.itemId)}>
                      #{p.number} {p.title}
                    </button>
                  </li>
                ))}
                {members.length > 6 && <li className="muted">and {members.length - 6} more</li>}
              </ul>
            </section>
          );
        })}
      </div>
    </figure>
  );
}
