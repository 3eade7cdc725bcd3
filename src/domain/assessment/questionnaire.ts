/**
 * The questionnaire as data, and the helpers that read an answer against its question.
 */
import { ORGANISATION_QUESTIONS } from './questions-organisation';
import { PRACTICE_QUESTIONS } from './questions-practice';
import type { AnswerValue, Question } from './types';

/** Bumped whenever questions or points change, so stored assessments say what they answered. */
export const QUESTIONNAIRE_VERSION = 2;

export const QUESTIONS: readonly Question[] = [...ORGANISATION_QUESTIONS, ...PRACTICE_QUESTIONS];

const BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));

/**
 * Finds a question by id.
 * @returns the question, or undefined for an unknown id.
 */
export function findQuestion(id: string): Question | undefined {
  return BY_ID.get(id);
}

/**
 * Lists the questions of the short or the full questionnaire, in asking order.
 * @param options.short true for the short version
 * @returns the questions
 */
export function listQuestions(options: { short: boolean }): Question[] {
  return QUESTIONS.filter((q) => !options.short || q.short);
}

/**
 * The points (0–3) an answer earns.
 * @returns the points, or undefined when the question is not scored or the answer does not fit it.
 */
export function scoreAnswer(question: Question, value: AnswerValue): number | undefined {
  const spec = question.answer;
  switch (spec.kind) {
    case 'choice':
      return spec.options.find((o) => o.id === value)?.points;
    case 'multi': {
      if (!Array.isArray(value)) return undefined;
      const ticked = new Set(value as readonly string[]).size;
      return spec.pointsByCount.find((b) => ticked >= b.atLeast)?.points;
    }
    case 'number': {
      if (typeof value !== 'number' || !spec.scoring) return undefined;
      const band = spec.scoring.bands.find((b) => value <= b.atMost);
      return band ? band.points : spec.scoring.above;
    }
  }
}

/**
 * A human-readable form of an answer: option labels for choices, the number with its unit.
 * @returns the label; the raw value as text when it does not fit the question
 */
export function describeAnswer(question: Question, value: AnswerValue): string {
  const spec = question.answer;
  switch (spec.kind) {
    case 'choice':
      return spec.options.find((o) => o.id === value)?.label ?? String(value);
    case 'multi': {
      if (!Array.isArray(value)) return String(value);
      const ids = value as readonly string[];
      if (ids.length === 0) return 'none of them';
      return ids.map((id) => spec.options.find((o) => o.id === id)?.label ?? id).join('; ');
    }
    case 'number':
      return spec.unit === '%' ? `${value}%` : `${value} ${spec.unit}`;
  }
}
