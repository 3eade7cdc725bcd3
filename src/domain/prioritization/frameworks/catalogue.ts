import { isOneOf } from '../../shared';
import {
  defineFormulaFramework,
  type FrameworkInput,
  type ScaleOption,
  type ScoringFramework,
} from './framework';
import { classifyKanoAnswers, KANO_ANSWERS, KANO_PRIORITY, type KanoAnswer } from './kano';
import { classifyValueEffort } from './value-effort';

/**
 * Identifiers of the built-in frameworks, in the order a product person meets them. These are the
 * one spelling used everywhere: the API, the CLI, stored decisions and the web app.
 */
export const FRAMEWORK_IDS = [
  'rice',
  'ice',
  'ice_product',
  'wsjf',
  'cd3',
  'value_effort',
  'opportunity',
  'moscow',
  'kano',
] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** RICE impact: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. */
export const RICE_IMPACT_SCALE: readonly ScaleOption[] = [
  { key: 'minimal', value: 0.25, label: 'minimal (0.25×)' },
  { key: 'low', value: 0.5, label: 'low (0.5×)' },
  { key: 'medium', value: 1, label: 'medium (1×)' },
  { key: 'high', value: 2, label: 'high (2×)' },
  { key: 'massive', value: 3, label: 'massive (3×)' },
];

/** RICE confidence as a fraction: 100% high, 80% medium, 50% low. */
export const RICE_CONFIDENCE_SCALE: readonly ScaleOption[] = [
  { key: 'low', value: 0.5, label: 'low (50%)' },
  { key: 'medium', value: 0.8, label: 'medium (80%)' },
  { key: 'high', value: 1, label: 'high (100%)' },
];

/** The modified Fibonacci scale SAFe uses for every WSJF component. */
export const WSJF_SCALE: readonly ScaleOption[] = [1, 2, 3, 5, 8, 13, 20].map((value) => ({
  key: String(value),
  value,
  label: String(value),
}));

/** MoSCoW as a rank value: must 3, should 2, could 1, won't 0. */
export const MOSCOW_SCALE: readonly ScaleOption[] = [
  { key: 'wont', value: 0, label: "won't have this time" },
  { key: 'could', value: 1, label: 'could have' },
  { key: 'should', value: 2, label: 'should have' },
  { key: 'must', value: 3, label: 'must have' },
];

const oneToTen = (key: string, label: string, description: string): FrameworkInput => ({
  kind: 'number',
  key,
  label,
  description,
  min: 1,
  max: 10,
  step: { kind: 'absolute', amount: 1 },
});

const zeroToTen = (key: string, label: string, description: string): FrameworkInput => ({
  kind: 'number',
  key,
  label,
  description,
  min: 0,
  max: 10,
  step: { kind: 'absolute', amount: 1 },
});

const fibonacci = (key: string, label: string, description: string): FrameworkInput => ({
  kind: 'scale',
  key,
  label,
  description,
  options: WSJF_SCALE,
});

const KANO_ANSWER_LABELS: Readonly<Record<KanoAnswer, string>> = {
  like: 'I like it',
  expect: 'I expect it',
  neutral: 'Neutral',
  'live-with': 'I can live with it',
  dislike: 'I dislike it',
};

const kanoAnswer = (key: string, label: string, description: string): FrameworkInput => ({
  kind: 'choice',
  key,
  label,
  description,
  options: KANO_ANSWERS.map((answer) => ({ key: answer, label: KANO_ANSWER_LABELS[answer] })),
});

/** A validated Kano choice: validation lets only the options' keys through, so anything else is a bug. */
function readKanoChoice(choices: Readonly<Record<string, string>>, key: string): KanoAnswer {
  const answer = choices[key];
  if (answer === undefined || !isOneOf(KANO_ANSWERS, answer))
    throw new Error(`${key} is not a validated Kano answer`);
  return answer;
}

function formulaFramework(options: Parameters<typeof defineFormulaFramework>[0]): ScoringFramework {
  const built = defineFormulaFramework(options);
  if (!built.ok) {
    throw new Error(
      `built-in framework ${options.id} is malformed: ${built.errors.map((error) => error.message).join('; ')}`,
    );
  }
  return built.framework;
}

/** Ulwick's reading of an opportunity score. */
function labelOpportunity(score: number): string {
  if (score > 15) return 'major';
  if (score >= 12) return 'solid';
  if (score >= 10) return 'neutral';
  return 'low';
}

// Every input's key is the score key an item stores it under, so the formula, the item's
// `scores`, the API and custom formulas all use one name for one thing.
const rice = formulaFramework({
  id: 'rice',
  name: 'RICE',
  family: 'RICE',
  summary: 'Reach × Impact × Confidence / Effort (Intercom)',
  formula: 'rice_reach * rice_impact * rice_confidence / rice_effort',
  inputs: [
    {
      kind: 'number',
      key: 'rice_reach',
      label: 'Reach',
      description: 'people or events per period (e.g. per quarter)',
      min: 0,
      step: { kind: 'relative', fraction: 0.25 },
      unit: 'per quarter',
    },
    {
      kind: 'scale',
      key: 'rice_impact',
      label: 'Impact',
      description: 'effect on each person reached',
      options: RICE_IMPACT_SCALE,
    },
    {
      kind: 'scale',
      key: 'rice_confidence',
      label: 'Confidence',
      description: 'how well the estimates are supported (a fraction, or a percentage: 80 is 0.8)',
      options: RICE_CONFIDENCE_SCALE,
      percent: true,
    },
    {
      kind: 'number',
      key: 'rice_effort',
      label: 'Effort',
      description: 'person-months across product, design and engineering',
      min: 0,
      minExclusive: true,
      step: { kind: 'absolute', amount: 0.5 },
      unit: 'person-months',
    },
  ],
  valueEffort: {
    valueAxis: 'Reach × impact × confidence',
    effortAxis: 'Effort (person-months)',
    read: (n) => ({
      value: (n.rice_reach ?? 0) * (n.rice_impact ?? 0) * (n.rice_confidence ?? 0),
      effort: n.rice_effort ?? 0,
    }),
  },
});

const iceInputs: readonly FrameworkInput[] = [
  oneToTen('ice_impact', 'Impact', 'how much the metric moves if the idea works, 1–10'),
  oneToTen('ice_confidence', 'Confidence', 'how strong the evidence is, 1–10 (a hunch is 2–4)'),
  oneToTen('ice_ease', 'Ease', 'how easy it is to do, 1–10 (the inverse of effort)'),
];

const ice = formulaFramework({
  id: 'ice',
  name: 'ICE (average)',
  family: 'ICE',
  summary: '(Impact + Confidence + Ease) / 3, each 1–10 (Sean Ellis)',
  formula: '(ice_impact + ice_confidence + ice_ease) / 3',
  inputs: iceInputs,
});

const iceProduct = formulaFramework({
  id: 'ice_product',
  name: 'ICE (product)',
  family: 'ICE',
  summary: 'Impact × Confidence × Ease, each 1–10, range 1–1000',
  formula: 'ice_impact * ice_confidence * ice_ease',
  inputs: iceInputs,
});

const wsjf = formulaFramework({
  id: 'wsjf',
  name: 'WSJF',
  family: 'WSJF',
  summary:
    'Cost of delay (value + time criticality + risk reduction/opportunity enablement) / job size (SAFe)',
  formula: '(wsjf_value + wsjf_time_criticality + wsjf_risk_reduction) / wsjf_job_size',
  inputs: [
    fibonacci('wsjf_value', 'Business value', 'relative value to users and the business'),
    fibonacci('wsjf_time_criticality', 'Time criticality', 'how fast the value decays with delay'),
    fibonacci(
      'wsjf_risk_reduction',
      'Risk reduction / opportunity enablement',
      'risk it removes or options it opens',
    ),
    fibonacci('wsjf_job_size', 'Job size', 'relative size, a proxy for duration'),
  ],
  valueEffort: {
    valueAxis: 'Cost of delay (value + time + risk)',
    effortAxis: 'Job size',
    read: (n) => ({
      value: (n.wsjf_value ?? 0) + (n.wsjf_time_criticality ?? 0) + (n.wsjf_risk_reduction ?? 0),
      effort: n.wsjf_job_size ?? 0,
    }),
  },
});

const cd3 = formulaFramework({
  id: 'cd3',
  name: 'CD3',
  family: 'CD3',
  summary: 'Cost of delay per week / duration in weeks (Reinertsen)',
  formula: 'cd3_cost_of_delay / cd3_duration',
  inputs: [
    {
      kind: 'number',
      key: 'cd3_cost_of_delay',
      label: 'Cost of delay per week',
      description: 'money (or value points) lost per week of delay',
      min: 0,
      step: { kind: 'relative', fraction: 0.2 },
      unit: 'per week',
    },
    {
      kind: 'number',
      key: 'cd3_duration',
      label: 'Duration (weeks)',
      description: 'how long the work occupies the team',
      min: 0,
      minExclusive: true,
      step: { kind: 'relative', fraction: 0.2 },
      unit: 'weeks',
    },
  ],
  valueEffort: {
    valueAxis: 'Cost of delay per week',
    effortAxis: 'Duration (weeks)',
    read: (n) => ({ value: n.cd3_cost_of_delay ?? 0, effort: n.cd3_duration ?? 0 }),
  },
});

const moscow = formulaFramework({
  id: 'moscow',
  name: 'MoSCoW',
  summary: "Must / Should / Could / Won't have this time (DSDM); Musts at most 60% of the effort",
  formula: 'moscow',
  inputs: [
    {
      kind: 'scale',
      key: 'moscow',
      label: 'MoSCoW',
      description: 'release-scope category',
      options: MOSCOW_SCALE,
      storesKey: true,
    },
  ],
  labelScore: (_score, inputs) => inputs.choices.moscow,
});

const kano: ScoringFramework = {
  id: 'kano',
  name: 'Kano',
  family: 'Kano',
  summary:
    'Category from the functional and dysfunctional answers; must-be > one-dimensional > attractive > indifferent',
  formula:
    'priority of the category in the Kano evaluation table (must-be 4, one-dimensional 3, attractive 2, indifferent 1, reverse/questionable 0)',
  direction: 'higher-first',
  inputs: [
    kanoAnswer('kano_functional', 'Answer if it has the feature', 'answer to the functional question'),
    kanoAnswer(
      'kano_dysfunctional',
      'Answer if it lacks the feature',
      'answer to the dysfunctional question',
    ),
  ],
  evaluate: (inputs) => {
    const category = classifyKanoAnswers({
      functional: readKanoChoice(inputs.choices, 'kano_functional'),
      dysfunctional: readKanoChoice(inputs.choices, 'kano_dysfunctional'),
    });
    return { ok: true, score: KANO_PRIORITY[category], label: category };
  },
};

const valueEffort = formulaFramework({
  id: 'value_effort',
  name: 'Value / effort',
  summary: 'Value divided by effort, each 1–10, with the 2×2 quadrant',
  formula: 'value_score / effort_score',
  inputs: [
    oneToTen('value_score', 'Value', 'value to users and the business, 1–10'),
    oneToTen('effort_score', 'Effort', 'relative effort, 1–10'),
  ],
  labelScore: (_score, inputs) =>
    classifyValueEffort({
      value: inputs.numbers.value_score ?? 0,
      effort: inputs.numbers.effort_score ?? 0,
    }),
  valueEffort: {
    valueAxis: 'Value (1–10)',
    effortAxis: 'Effort (1–10)',
    read: (n) => ({ value: n.value_score ?? 0, effort: n.effort_score ?? 0 }),
  },
});

const opportunity = formulaFramework({
  id: 'opportunity',
  name: 'Opportunity score',
  summary: 'Importance + max(Importance − Satisfaction, 0), each 0–10 (Ulwick)',
  formula: 'opportunity_importance + max(opportunity_importance - opportunity_satisfaction, 0)',
  inputs: [
    zeroToTen(
      'opportunity_importance',
      'Importance',
      'share of respondents rating the outcome 4–5 of 5, × 10',
    ),
    zeroToTen('opportunity_satisfaction', 'Satisfaction', 'share rating today’s satisfaction 4–5 of 5, × 10'),
  ],
  labelScore: labelOpportunity,
});

/** Every built-in framework, keyed by id. */
export const SCORING_FRAMEWORKS: Readonly<Record<FrameworkId, ScoringFramework>> = {
  rice,
  ice,
  ice_product: iceProduct,
  wsjf,
  cd3,
  value_effort: valueEffort,
  opportunity,
  moscow,
  kano,
};

/**
 * Looks up a built-in framework by id.
 * @param id a framework id such as `rice`
 * @returns the framework, or undefined when the id is not a built-in one
 */
export function findFramework(id: string): ScoringFramework | undefined {
  return isOneOf(FRAMEWORK_IDS, id) ? SCORING_FRAMEWORKS[id] : undefined;
}
