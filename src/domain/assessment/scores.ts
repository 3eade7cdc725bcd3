/**
 * Scores per area and overall. An area's score is the share of the points its answered,
 * scored questions could earn (0–100); unanswered questions neither help nor hurt. Findings are
 * raised independently: a strong score can still carry a critical finding.
 */
import { scoreAnswer } from './questionnaire';
import {
  type Answers,
  AREAS,
  type AreaId,
  type AreaScore,
  type Question,
  type ScoreBand,
  type Scores,
} from './types';

/** Default area weights (sum 1): product ownership weighs most, as the central concern. */
export const AREA_WEIGHTS: Record<AreaId, number> = {
  product: 0.3,
  delivery: 0.2,
  engineering: 0.25,
  team: 0.15,
  leadership: 0.1,
};

const MAX_POINTS = 3;

/**
 * The band of a 0–100 score: below 40 critical, below 60 fragile, below 80 functional, else strong.
 * @returns the band name
 */
export function bandScore(score: number): ScoreBand {
  if (score < 40) return 'critical';
  if (score < 60) return 'fragile';
  if (score < 80) return 'functional';
  return 'strong';
}

function isScored(question: Question): boolean {
  const spec = question.answer;
  if (spec.kind === 'choice') return spec.options.some((o) => o.points !== undefined);
  if (spec.kind === 'number') return spec.scoring !== undefined;
  return spec.pointsByCount.length > 0;
}

/**
 * Scores the answers per area and overall.
 * @param options.answers the answers
 * @param options.questions the questionnaire in use (short or full)
 * @param options.weights area weights; areas without answers drop out and the rest are rescaled
 * @returns area scores, the weighted overall score and their bands (null where nothing was answered)
 */
export function scoreAssessment(options: {
  answers: Answers;
  questions: readonly Question[];
  weights?: Record<AreaId, number>;
}): Scores {
  const weights = options.weights ?? AREA_WEIGHTS;
  const areas: AreaScore[] = AREAS.map((area) => {
    const scored = options.questions.filter((q) => q.area === area && isScored(q));
    let points = 0;
    let answered = 0;
    for (const question of scored) {
      const value = options.answers[question.id];
      const earned = value === undefined ? undefined : scoreAnswer(question, value);
      if (earned === undefined) continue;
      points += earned;
      answered += 1;
    }
    const score = answered === 0 ? null : Math.round((100 * points) / (MAX_POINTS * answered));
    // Counted like the wizard counts a step: every question of the area, an answer of 0 included.
    const all = options.questions.filter((q) => q.area === area);
    return {
      area,
      score,
      band: score === null ? null : bandScore(score),
      answered,
      scoredQuestions: scored.length,
      questions: all.length,
      answeredQuestions: all.filter((q) => options.answers[q.id] !== undefined).length,
    };
  });
  let weighted = 0;
  let weightSum = 0;
  for (const area of areas) {
    if (area.score === null) continue;
    weighted += weights[area.area] * area.score;
    weightSum += weights[area.area];
  }
  const overall = weightSum === 0 ? null : Math.round(weighted / weightSum);
  return { areas, overall, band: overall === null ? null : bandScore(overall) };
}
