import type { RankingFramework } from '../../../contract';

/** The built-in frameworks in the switcher, in the order a product person meets them. */
export const FRAMEWORK_CHOICES: { ref: RankingFramework; label: string }[] = [
  { ref: 'rice', label: 'RICE' },
  { ref: 'ice', label: 'ICE' },
  { ref: 'ice_product', label: 'ICE (product)' },
  { ref: 'wsjf', label: 'WSJF' },
  { ref: 'cd3', label: 'CD3' },
  { ref: 'value_effort', label: 'Value / effort' },
  { ref: 'opportunity', label: 'Opportunity' },
  { ref: 'moscow', label: 'MoSCoW' },
  { ref: 'kano', label: 'Kano' },
];

/** One choice of a scale: the value stored in `scores` and what a person reads. */
export interface ScaleOption {
  value: number | string;
  label: string;
}

/** How an input is entered: a free number (with bounds) or a pick from a standard scale. */
export type InputScale =
  | { kind: 'number'; min: number; step: number; positive: boolean; unit?: string }
  | { kind: 'select'; options: ScaleOption[] };

const oneToTen: ScaleOption[] = Array.from({ length: 10 }, (_, i) => ({
  value: i + 1,
  label: String(i + 1),
}));
const zeroToTen: ScaleOption[] = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }));
const fibonacci: ScaleOption[] = [1, 2, 3, 5, 8, 13, 20].map((v) => ({ value: v, label: String(v) }));
const kanoAnswers: ScaleOption[] = [
  { value: 'like', label: 'I like it' },
  { value: 'expect', label: 'I expect it' },
  { value: 'neutral', label: 'Neutral' },
  { value: 'live-with', label: 'I can live with it' },
  { value: 'dislike', label: 'I dislike it' },
];

/**
 * The standard scale of each score key (see FRAMEWORK_SCORE_KEYS in the contract): RICE impact
 * on Intercom's 0.25–3 scale and confidence as 50/80/100 %, WSJF on the modified Fibonacci
 * sequence, ICE and value/effort 1–10, opportunity 0–10.
 */
export const SCORE_SCALES: Readonly<Record<string, InputScale>> = {
  rice_reach: { kind: 'number', min: 0, step: 1, positive: false, unit: 'per quarter' },
  rice_impact: {
    kind: 'select',
    options: [
      { value: 3, label: '3 · massive' },
      { value: 2, label: '2 · high' },
      { value: 1, label: '1 · medium' },
      { value: 0.5, label: '0.5 · low' },
      { value: 0.25, label: '0.25 · minimal' },
    ],
  },
  rice_confidence: {
    kind: 'select',
    options: [
      { value: 100, label: '100% · high' },
      { value: 80, label: '80% · medium' },
      { value: 50, label: '50% · low' },
    ],
  },
  rice_effort: { kind: 'number', min: 0, step: 0.1, positive: true, unit: 'person-months' },
  ice_impact: { kind: 'select', options: oneToTen },
  ice_confidence: { kind: 'select', options: oneToTen },
  ice_ease: { kind: 'select', options: oneToTen },
  wsjf_value: { kind: 'select', options: fibonacci },
  wsjf_time_criticality: { kind: 'select', options: fibonacci },
  wsjf_risk_reduction: { kind: 'select', options: fibonacci },
  wsjf_job_size: { kind: 'select', options: fibonacci },
  cd3_cost_of_delay: { kind: 'number', min: 0, step: 1, positive: false, unit: 'per week' },
  cd3_duration: { kind: 'number', min: 0, step: 0.5, positive: true, unit: 'weeks' },
  value_score: { kind: 'select', options: oneToTen },
  effort_score: { kind: 'select', options: oneToTen },
  opportunity_importance: { kind: 'select', options: zeroToTen },
  opportunity_satisfaction: { kind: 'select', options: zeroToTen },
  moscow: {
    kind: 'select',
    options: [
      { value: 'must', label: 'Must' },
      { value: 'should', label: 'Should' },
      { value: 'could', label: 'Could' },
      { value: 'wont', label: "Won't" },
    ],
  },
  kano_functional: { kind: 'select', options: kanoAnswers },
  kano_dysfunctional: { kind: 'select', options: kanoAnswers },
};

const FREE_NUMBER: InputScale = { kind: 'number', min: Number.NEGATIVE_INFINITY, step: 1, positive: false };

/** The scale of a score key; keys only custom formulas read are free numbers. */
export function findScale(scoreKey: string): InputScale {
  return SCORE_SCALES[scoreKey] ?? FREE_NUMBER;
}

/**
 * Turns what a person typed or picked into the stored value, or explains why it cannot be stored.
 * @param options the score key and the raw text ('' clears the input)
 * @returns the value to store (null clears it) or an error sentence
 */
export function parseScoreInput(options: {
  scoreKey: string;
  raw: string;
}): { ok: true; value: number | string | null } | { ok: false; error: string } {
  const raw = options.raw.trim();
  if (raw === '') return { ok: true, value: null };
  const scale = findScale(options.scoreKey);
  if (scale.kind === 'select') {
    const match = scale.options.find((o) => String(o.value) === raw);
    return match ? { ok: true, value: match.value } : { ok: false, error: `${raw} is not on the scale` };
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) return { ok: false, error: `${raw} is not a number` };
  if (scale.positive && value <= 0) return { ok: false, error: 'must be more than 0' };
  if (value < scale.min) return { ok: false, error: `must be at least ${scale.min}` };
  return { ok: true, value };
}

/** A point of the value-vs-effort chart, with where each axis came from. */
export interface ValueEffort {
  value: number;
  effort: number;
}

function num(inputs: Readonly<Record<string, number | string>>, key: string): number | null {
  const v = inputs[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Where the value and effort axes of the scatter chart come from, per framework. */
export function describeAxes(framework: string): { value: string; effort: string } {
  switch (framework) {
    case 'rice':
      return { value: 'Reach × impact × confidence', effort: 'Effort (person-months)' };
    case 'wsjf':
      return { value: 'Cost of delay (value + time + risk)', effort: 'Job size' };
    case 'cd3':
      return { value: 'Cost of delay per week', effort: 'Duration (weeks)' };
    case 'value_effort':
      return { value: 'Value (1–10)', effort: 'Effort (1–10)' };
    default:
      return { value: 'Score', effort: 'Likely estimate (days)' };
  }
}

/**
 * The value and effort of one ranked item for the scatter chart: the framework's own benefit
 * and cost when it has them (RICE's numerator and effort, WSJF's cost of delay and job size…),
 * otherwise the score against the likely estimate.
 * @param options the framework ref, the item's inputs and score, and its likely estimate in days
 * @returns the point, or null when the item has no effort to place it by
 */
export function readValueEffort(options: {
  framework: string;
  inputs: Readonly<Record<string, number | string>>;
  score: number;
  likelyDays: number | null;
}): ValueEffort | null {
  const { inputs } = options;
  switch (options.framework) {
    case 'rice': {
      const reach = num(inputs, 'rice_reach');
      const impact = num(inputs, 'rice_impact');
      const rawConfidence = num(inputs, 'rice_confidence');
      const effort = num(inputs, 'rice_effort');
      if (reach === null || impact === null || rawConfidence === null || effort === null) return null;
      // Stored as a percentage (50, 80, 100) or already as a fraction.
      const confidence = rawConfidence > 1 ? rawConfidence / 100 : rawConfidence;
      return { value: reach * impact * confidence, effort };
    }
    case 'wsjf': {
      const parts = ['wsjf_value', 'wsjf_time_criticality', 'wsjf_risk_reduction'].map((k) => num(inputs, k));
      const size = num(inputs, 'wsjf_job_size');
      if (parts.some((p) => p === null) || size === null) return null;
      return { value: parts.reduce<number>((sum, p) => sum + (p ?? 0), 0), effort: size };
    }
    case 'cd3': {
      const cost = num(inputs, 'cd3_cost_of_delay');
      const duration = num(inputs, 'cd3_duration');
      return cost === null || duration === null ? null : { value: cost, effort: duration };
    }
    case 'value_effort': {
      const value = num(inputs, 'value_score');
      const effort = num(inputs, 'effort_score');
      return value === null || effort === null ? null : { value, effort };
    }
    default:
      return options.likelyDays === null ? null : { value: options.score, effort: options.likelyDays };
  }
}

/** The four quadrants of a value-vs-effort chart. */
export type Quadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'money-pit';

export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  'quick-win': 'Quick wins',
  'big-bet': 'Big bets',
  'fill-in': 'Fill-ins',
  'money-pit': 'Money pits',
};

/**
 * Which quadrant a point falls in, split at the given value and effort (the medians): high value
 * and low effort is a quick win, high value and high effort a big bet, low value and low effort
 * a fill-in, low value and high effort a money pit. A point on a split counts as high.
 */
export function findQuadrant(point: ValueEffort, split: ValueEffort): Quadrant {
  const highValue = point.value >= split.value;
  const highEffort = point.effort >= split.effort;
  if (highValue) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'money-pit' : 'fill-in';
}

/** The median of some numbers (mean of the middle two for an even count); 0 for none. */
export function findMedian(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A number short enough for a table cell: 3 significant digits, no float noise. */
export function formatNumber(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Number(value.toPrecision(3)).toLocaleString('en-US');
}

/** A score key as a person reads it: "rice_reach" → "Reach (RICE)" when known. */
export function describeScoreKey(scoreKey: string): string {
  return SCORE_KEY_LABELS[scoreKey] ?? scoreKey;
}

const SCORE_KEY_LABELS: Readonly<Record<string, string>> = {
  rice_reach: 'RICE reach',
  rice_impact: 'RICE impact',
  rice_confidence: 'RICE confidence',
  rice_effort: 'RICE effort',
  ice_impact: 'ICE impact',
  ice_confidence: 'ICE confidence',
  ice_ease: 'ICE ease',
  wsjf_value: 'WSJF business value',
  wsjf_time_criticality: 'WSJF time criticality',
  wsjf_risk_reduction: 'WSJF risk reduction',
  wsjf_job_size: 'WSJF job size',
  cd3_cost_of_delay: 'CD3 cost of delay',
  cd3_duration: 'CD3 duration',
  value_score: 'Value',
  effort_score: 'Effort',
  opportunity_importance: 'Importance',
  opportunity_satisfaction: 'Satisfaction',
  moscow: 'MoSCoW',
  kano_functional: 'Kano: if it has it',
  kano_dysfunctional: 'Kano: if it lacks it',
};
