import {
  defineFormulaFramework,
  type FrameworkInput,
  type ScaleOption,
  type ScoringFramework,
} from './framework';
import { classifyKanoAnswers, KANO_ANSWERS, KANO_PRIORITY, type KanoAnswer } from './kano';
import { classifyValueEffort } from './value-effort';

/** Identifiers of the built-in frameworks. */
export type FrameworkId =
  | 'rice'
  | 'ice'
  | 'ice-product'
  | 'wsjf'
  | 'cd3'
  | 'moscow'
  | 'kano'
  | 'value-effort'
  | 'opportunity';

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

const kanoAnswer = (key: string, label: string, description: string): FrameworkInput => ({
  kind: 'choice',
  key,
  label,
  description,
  options: KANO_ANSWERS.map((answer) => ({ key: answer, label: answer.replace('-', ' ') })),
});

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

const rice = formulaFramework({
  id: 'rice',
  name: 'RICE',
  summary: 'Reach × Impact × Confidence / Effort (Intercom)',
  formula: 'reach * impact * confidence / effort',
  inputs: [
    {
      kind: 'number',
      key: 'reach',
      label: 'Reach',
      description: 'people or events per period (e.g. per quarter)',
      min: 0,
      step: { kind: 'relative', fraction: 0.25 },
    },
    {
      kind: 'scale',
      key: 'impact',
      label: 'Impact',
      description: 'effect on each person reached',
      options: RICE_IMPACT_SCALE,
    },
    {
      kind: 'scale',
      key: 'confidence',
      label: 'Confidence',
      description: 'how well the estimates are supported',
      options: RICE_CONFIDENCE_SCALE,
    },
    {
      kind: 'number',
      key: 'effort',
      label: 'Effort',
      description: 'person-months across product, design and engineering',
      min: 0,
      minExclusive: true,
      step: { kind: 'absolute', amount: 0.5 },
    },
  ],
});

const iceInputs: readonly FrameworkInput[] = [
  oneToTen('impact', 'Impact', 'how much the metric moves if the idea works, 1–10'),
  oneToTen('confidence', 'Confidence', 'how strong the evidence is, 1–10 (a hunch is 2–4)'),
  oneToTen('ease', 'Ease', 'how easy it is to do, 1–10 (the inverse of effort)'),
];

const ice = formulaFramework({
  id: 'ice',
  name: 'ICE (average)',
  summary: '(Impact + Confidence + Ease) / 3, each 1–10 (Sean Ellis)',
  formula: '(impact + confidence + ease) / 3',
  inputs: iceInputs,
});

const iceProduct = formulaFramework({
  id: 'ice-product',
  name: 'ICE (product)',
  summary: 'Impact × Confidence × Ease, each 1–10, range 1–1000',
  formula: 'impact * confidence * ease',
  inputs: iceInputs,
});

const wsjf = formulaFramework({
  id: 'wsjf',
  name: 'WSJF',
  summary:
    'Cost of delay (value + time criticality + risk reduction/opportunity enablement) / job size (SAFe)',
  formula: '(businessValue + timeCriticality + riskReduction) / jobSize',
  inputs: [
    fibonacci('businessValue', 'User-business value', 'relative value to users and the business'),
    fibonacci('timeCriticality', 'Time criticality', 'how fast the value decays with delay'),
    fibonacci(
      'riskReduction',
      'Risk reduction / opportunity enablement',
      'risk it removes or options it opens',
    ),
    fibonacci('jobSize', 'Job size', 'relative size, a proxy for duration'),
  ],
});

const cd3 = formulaFramework({
  id: 'cd3',
  name: 'CD3',
  summary: 'Cost of delay per week / duration in weeks (Reinertsen)',
  formula: 'costOfDelay / duration',
  inputs: [
    {
      kind: 'number',
      key: 'costOfDelay',
      label: 'Cost of delay per week',
      description: 'money (or value points) lost per week of delay',
      min: 0,
      step: { kind: 'relative', fraction: 0.2 },
    },
    {
      kind: 'number',
      key: 'duration',
      label: 'Duration (weeks)',
      description: 'how long the work occupies the team',
      min: 0,
      minExclusive: true,
      step: { kind: 'relative', fraction: 0.2 },
    },
  ],
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
    },
  ],
  labelScore: (_score, inputs) => inputs.choices.moscow,
});

const kano: ScoringFramework = {
  id: 'kano',
  name: 'Kano',
  summary:
    'Category from the functional and dysfunctional answers; must-be > one-dimensional > attractive > indifferent',
  formula:
    'priority of the category in the Kano evaluation table (must-be 4, one-dimensional 3, attractive 2, indifferent 1, reverse/questionable 0)',
  direction: 'higher-first',
  inputs: [
    kanoAnswer('functional', 'If it has the feature', 'answer to the functional question'),
    kanoAnswer('dysfunctional', 'If it lacks the feature', 'answer to the dysfunctional question'),
  ],
  evaluate: (inputs) => {
    const category = classifyKanoAnswers({
      functional: inputs.choices.functional as KanoAnswer,
      dysfunctional: inputs.choices.dysfunctional as KanoAnswer,
    });
    return { ok: true, score: KANO_PRIORITY[category], label: category };
  },
};

const valueEffort = formulaFramework({
  id: 'value-effort',
  name: 'Value / effort',
  summary: 'Value divided by effort, each 1–10, with the 2×2 quadrant',
  formula: 'value / effort',
  inputs: [
    oneToTen('value', 'Value', 'value to users and the business, 1–10'),
    oneToTen('effort', 'Effort', 'relative effort, 1–10'),
  ],
  labelScore: (_score, inputs) =>
    classifyValueEffort({ value: inputs.numbers.value ?? 0, effort: inputs.numbers.effort ?? 0 }),
});

const opportunity = formulaFramework({
  id: 'opportunity',
  name: 'Opportunity score',
  summary: 'Importance + max(Importance − Satisfaction, 0), each 0–10 (Ulwick)',
  formula: 'importance + max(importance - satisfaction, 0)',
  inputs: [
    zeroToTen('importance', 'Importance', 'share of respondents rating the outcome 4–5 of 5, × 10'),
    zeroToTen('satisfaction', 'Satisfaction', 'share rating today’s satisfaction 4–5 of 5, × 10'),
  ],
  labelScore: labelOpportunity,
});

/** Every built-in framework, keyed by id. */
export const SCORING_FRAMEWORKS: Readonly<Record<FrameworkId, ScoringFramework>> = {
  rice,
  ice,
  'ice-product': iceProduct,
  wsjf,
  cd3,
  moscow,
  kano,
  'value-effort': valueEffort,
  opportunity,
};

/**
 * Looks up a built-in framework by id.
 * @param id a framework id such as `rice`
 * @returns the framework, or undefined when the id is not a built-in one
 */
export function findFramework(id: string): ScoringFramework | undefined {
  return Object.hasOwn(SCORING_FRAMEWORKS, id) ? SCORING_FRAMEWORKS[id as FrameworkId] : undefined;
}
