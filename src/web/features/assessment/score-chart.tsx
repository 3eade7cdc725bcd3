import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Report } from './assessment-api';
import { BAND_LABELS, type Band } from './labels';

const BAND_COLOURS: Record<Band, string> = {
  critical: '#d92d20',
  fragile: '#f79009',
  functional: '#4f46e5',
  strong: '#067647',
};

const SHORT_LABELS: Record<string, string> = {
  product: 'Product',
  delivery: 'Delivery',
  engineering: 'Engineering',
  team: 'Team',
  leadership: 'Leadership',
};

interface ScoreChartProps {
  areas: Report['scores']['areas'];
  labels: Record<string, string>;
}

/** The five areas' scores (0–100) as horizontal bars coloured by band; unscored areas show as such. */
export function ScoreChart({ areas, labels }: ScoreChartProps) {
  // On a phone the full area names would squeeze the bars to nothing; the table below names them in full.
  const narrow = typeof window !== 'undefined' && window.matchMedia('(max-width: 600px)').matches;
  const data = areas.map((a) => ({
    name: narrow ? (SHORT_LABELS[a.area] ?? a.area) : (labels[a.area] ?? a.area),
    score: a.score ?? 0,
    text: a.score === null ? 'not scored' : `${a.score}`,
    band: a.band,
  }));
  return (
    <div className="score-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={areas.length * 44 + 30}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: narrow ? 64 : 70, bottom: 4, left: 0 }}
        >
          <CartesianGrid horizontal={false} stroke="#e4e4e8" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} fontSize={12} />
          <YAxis type="category" dataKey="name" width={narrow ? 84 : 170} fontSize={12} tickLine={false} />
          <Tooltip
            formatter={(_value, _name, item) => {
              const band = (item.payload as { band: Band | null }).band;
              return [
                `${(item.payload as { text: string }).text}${band ? ` (${BAND_LABELS[band]})` : ''}`,
                'Score',
              ];
            }}
          />
          <Bar dataKey="score" isAnimationActive={false} radius={[0, 3, 3, 0]} barSize={20} minPointSize={3}>
            {data.map((d) => (
              <Cell key={d.name} fill={d.band ? BAND_COLOURS[d.band] : '#cfcfd6'} />
            ))}
            <LabelList dataKey="text" position="right" fontSize={12} fill="#1b1b1f" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
