/**
 * The track record of predictions: what an idea was predicted to reach (and to change) when it was
 * accepted, against the adoption the team observed once it shipped, per evidence source and per
 * estimator, so the team learns which sources and which people to trust.
 *
 * Each comparison is the ratio observed ÷ predicted; a group's typical miss is the median of
 * those ratios taken on a log scale (so "half" and "double" weigh the same, and an even count
 * takes the geometric mean of the two middle ratios). Under a minimum number of ideas the verdict
 * says it is too few to tell.
 */
import { countAccounts, type EvidenceNote } from './accounts';

export const PREDICTED_MEASURES = ['reach', 'impact'] as const;
export type PredictedMeasure = (typeof PREDICTED_MEASURES)[number];

/** One prediction of one idea, with what was observed after shipping. */
export interface PredictionOutcome {
  ideaId: string;
  measure: PredictedMeasure;
  predicted: number;
  /** The predicted interval, when the prediction had one (reach from evidence does). */
  low: number | null;
  high: number | null;
  observed: number;
  /** The evidence sources that fed the prediction (support, sales, …); empty for a typed score. */
  sources: readonly string[];
  /** Who (or what) made the prediction. */
  estimator: string;
}

export interface TrackRecordOptions {
  /** Fewer ideas than this in a group: the verdict says it is too few to tell (5 unless said). */
  minIdeas?: number;
  /** A median ratio within [1/tolerance, tolerance] reads as about right (1.25 unless said). */
  tolerance?: number;
}

/** How one source's or one estimator's predictions of one measure fared. */
export interface TrackRecordGroup {
  groupBy: 'source' | 'estimator';
  key: string;
  measure: PredictedMeasure;
  /** Ideas with both a prediction and an observation in the group. */
  ideas: number;
  /** The median observed ÷ predicted over the predictions above zero; null when none was. */
  medianRatio: number | null;
  /** Observations inside the predicted interval, of the predictions that had one. */
  inside: number;
  withInterval: number;
  /** At least the minimum number of ideas: the verdict can be trusted as a tendency. */
  enough: boolean;
  verdict: string;
}

const DEFAULT_MIN_IDEAS = 5;
const DEFAULT_TOLERANCE = 1.25;

/**
 * The median of ratios on a log scale: the middle ratio, or the geometric mean of the two middle
 * ones.
 * @param ratios observed ÷ predicted, each ≥ 0; must not be empty
 * @returns the median ratio (0 when the middle observations were zero)
 */
export function medianRatioOf(ratios: readonly number[]): number {
  if (ratios.length === 0) throw new Error('median of no ratios');
  // The median of logs, taken on the ratios themselves so a zero (log −∞) stays a plain 0.
  const sorted = [...ratios].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : Math.sqrt((sorted[middle - 1] as number) * upper);
}

/** A ratio as people say it: "2", "1.5", "0.3". */
function formatTimes(ratio: number): string {
  const rounded = ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10;
  return String(rounded);
}

function subjectOf(groupBy: TrackRecordGroup['groupBy'], key: string, measure: PredictedMeasure): string {
  return groupBy === 'source' ? `${key}-sourced ${measure}` : `${measure} estimated by ${key}`;
}

/**
 * The plain-language verdict of a group: over- or under-predicted by how much, on how many ideas,
 * how often inside the interval, and whether that is enough ideas to tell.
 * @param group the group's figures (its verdict is not read)
 * @param options the minimum number of ideas and the tolerance for "about right"
 * @returns one sentence
 */
export function describeTrackRecord(
  group: Omit<TrackRecordGroup, 'verdict' | 'enough'>,
  options: TrackRecordOptions = {},
): string {
  const minIdeas = options.minIdeas ?? DEFAULT_MIN_IDEAS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const subject = subjectOf(group.groupBy, group.key, group.measure);
  const on = `on ${group.ideas} idea${group.ideas === 1 ? '' : 's'}`;
  const ratio = group.medianRatio;
  const tendency =
    ratio === null
      ? `had no prediction above zero to compare ${on}`
      : ratio === 0
        ? `over-predicted: none observed ${on} (median)`
        : ratio < 1 / tolerance
          ? `over-predicted by ~${formatTimes(1 / ratio)}× ${on}`
          : ratio > tolerance
            ? `under-predicted by ~${formatTimes(ratio)}× ${on}`
            : `about right (observed ~${formatTimes(ratio)}× predicted) ${on}`;
  const interval =
    group.withInterval > 0 ? `, inside its interval ${group.inside} of ${group.withInterval} times` : '';
  const sample =
    group.ideas < minIdeas ? `; too few to tell (${group.ideas} of the ${minIdeas} ideas needed)` : '';
  return `${subject} ${tendency}${interval}${sample}`;
}

function summarizeGroup(
  groupBy: TrackRecordGroup['groupBy'],
  key: string,
  measure: PredictedMeasure,
  members: readonly PredictionOutcome[],
  options: TrackRecordOptions,
): TrackRecordGroup {
  const ratios = members.filter((m) => m.predicted > 0).map((m) => m.observed / m.predicted);
  const intervals = members.filter((m) => m.low !== null && m.high !== null);
  const figures = {
    groupBy,
    key,
    measure,
    ideas: new Set(members.map((m) => m.ideaId)).size,
    medianRatio: ratios.length === 0 ? null : medianRatioOf(ratios),
    inside: intervals.filter((m) => m.observed >= (m.low as number) && m.observed <= (m.high as number))
      .length,
    withInterval: intervals.length,
  };
  return {
    ...figures,
    enough: figures.ideas >= (options.minIdeas ?? DEFAULT_MIN_IDEAS),
    verdict: describeTrackRecord(figures, options),
  };
}

/**
 * Compares predictions with what was observed, per evidence source and per estimator, for each
 * measure. A prediction fed by several sources counts toward each of them.
 * @param outcomes every prediction that has an observation (predicted and observed ≥ 0)
 * @param options the minimum number of ideas for a verdict, and the tolerance for "about right"
 * @returns the groups, sources first, then estimators, each by measure then key
 */
export function compareTrackRecord(
  outcomes: readonly PredictionOutcome[],
  options: TrackRecordOptions = {},
): TrackRecordGroup[] {
  const groups = new Map<
    string,
    {
      groupBy: TrackRecordGroup['groupBy'];
      key: string;
      measure: PredictedMeasure;
      members: PredictionOutcome[];
    }
  >();
  const add = (groupBy: TrackRecordGroup['groupBy'], key: string, outcome: PredictionOutcome) => {
    const id = `${groupBy}\u0000${outcome.measure}\u0000${key}`;
    const group = groups.get(id) ?? { groupBy, key, measure: outcome.measure, members: [] };
    group.members.push(outcome);
    groups.set(id, group);
  };
  for (const outcome of outcomes) {
    for (const source of new Set(outcome.sources)) add('source', source, outcome);
    add('estimator', outcome.estimator, outcome);
  }
  const order = (g: { groupBy: string; measure: PredictedMeasure; key: string }) =>
    [g.groupBy === 'source' ? 0 : 1, PREDICTED_MEASURES.indexOf(g.measure)] as const;
  return [...groups.values()]
    .sort((a, b) => {
      const [ga, ma] = order(a);
      const [gb, mb] = order(b);
      return ga - gb || ma - mb || a.key.localeCompare(b.key);
    })
    .map((g) => summarizeGroup(g.groupBy, g.key, g.measure, g.members, options));
}

/**
 * Which sources fed an idea's evidence: per source, its notes and its distinct accounts (one
 * company's many notes from one source count once).
 * @param notes the idea's evidence, each with its source
 * @returns one tally per source present, by source name
 */
export function tallySources<S extends string>(
  notes: readonly (EvidenceNote & { source: S })[],
): { source: S; notes: number; accounts: number }[] {
  const bySource = new Map<S, EvidenceNote[]>();
  for (const note of notes) bySource.set(note.source, [...(bySource.get(note.source) ?? []), note]);
  return [...bySource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, list]) => ({ source, notes: list.length, accounts: countAccounts(list).length }));
}
