/** An answer to a Kano question ("if the product has X" / "if it lacks X"). */
export type KanoAnswer = 'like' | 'expect' | 'neutral' | 'live-with' | 'dislike';

/** Kano categories: must-be, one-dimensional (performance), attractive, indifferent, reverse, questionable. */
export const KANO_CATEGORIES = [
  'must-be',
  'one-dimensional',
  'attractive',
  'indifferent',
  'reverse',
  'questionable',
] as const;
export type KanoCategory = (typeof KANO_CATEGORIES)[number];

/** The answers in the order of the questionnaire (most to least pleased). */
export const KANO_ANSWERS: readonly KanoAnswer[] = ['like', 'expect', 'neutral', 'live-with', 'dislike'];

const M = 'must-be';
const O = 'one-dimensional';
const A = 'attractive';
const I = 'indifferent';
const R = 'reverse';
const Q = 'questionable';

// The standard evaluation table: rows are the functional answer, columns the dysfunctional answer,
// both in KANO_ANSWERS order.
const EVALUATION_TABLE: readonly (readonly KanoCategory[])[] = [
  [Q, A, A, A, O],
  [R, I, I, I, M],
  [R, I, I, I, M],
  [R, I, I, I, M],
  [R, R, R, R, Q],
];

/** Priority used when ranking by Kano: must-be first, then one-dimensional, attractive, indifferent. */
export const KANO_PRIORITY: Readonly<Record<KanoCategory, number>> = {
  'must-be': 4,
  'one-dimensional': 3,
  attractive: 2,
  indifferent: 1,
  reverse: 0,
  questionable: 0,
};

/**
 * Classifies one respondent's pair of answers with the Kano evaluation table.
 * @param options.functional the answer to "how do you feel if the product has X?"
 * @param options.dysfunctional the answer to "how do you feel if it does not have X?"
 * @returns the Kano category
 */
export function classifyKanoAnswers(options: {
  functional: KanoAnswer;
  dysfunctional: KanoAnswer;
}): KanoCategory {
  const row = EVALUATION_TABLE[KANO_ANSWERS.indexOf(options.functional)];
  const category = row?.[KANO_ANSWERS.indexOf(options.dysfunctional)];
  if (!category) {
    throw new Error(`not a Kano answer pair: ${options.functional}/${options.dysfunctional}`);
  }
  return category;
}

/** Counts per category and the Berger et al. satisfaction coefficients for one feature. */
export type KanoSurveySummary = {
  respondents: number;
  counts: Readonly<Record<KanoCategory, number>>;
  /** Most frequent category; ties go to the higher-priority category (must-be > one-dimensional > …). */
  dominant: KanoCategory | null;
  /** (A + O) / (A + O + M + I): how much satisfaction having it adds, 0 to 1; null when nobody answered A/O/M/I. */
  better: number | null;
  /** −(O + M) / (A + O + M + I): how much dissatisfaction lacking it causes, −1 to 0; null likewise. */
  worse: number | null;
};

/**
 * Summarises a Kano survey for one feature.
 * @param responses one pair of answers per respondent
 * @returns category counts, the dominant category and the better/worse coefficients
 */
export function summarizeKanoSurvey(
  responses: readonly { functional: KanoAnswer; dysfunctional: KanoAnswer }[],
): KanoSurveySummary {
  const counts: Record<KanoCategory, number> = {
    'must-be': 0,
    'one-dimensional': 0,
    attractive: 0,
    indifferent: 0,
    reverse: 0,
    questionable: 0,
  };
  for (const response of responses) {
    counts[classifyKanoAnswers(response)] += 1;
  }
  let dominant: KanoCategory | null = null;
  for (const category of KANO_CATEGORIES) {
    if (counts[category] > 0 && (dominant === null || counts[category] > counts[dominant])) {
      dominant = category;
    }
  }
  const base = counts.attractive + counts['one-dimensional'] + counts['must-be'] + counts.indifferent;
  return {
    respondents: responses.length,
    counts,
    dominant,
    better: base === 0 ? null : (counts.attractive + counts['one-dimensional']) / base,
    worse: base === 0 ? null : -(counts['one-dimensional'] + counts['must-be']) / base,
  };
}
