/**
 * Checks raw answers (parsed from YAML, JSON or a form) against the questionnaire, so every
 * surface reports the same problems in the same words.
 */
import { findQuestion, listQuestions, QUESTIONS } from './questionnaire';
import type { AnswerValue, Question } from './types';

export interface AnswerProblem {
  questionId: string;
  /** What is wrong and what is allowed. */
  message: string;
}

export interface AnswerCheck {
  /** The answers that passed, normalised (e.g. `satisfaction: 4` becomes the option id "4"). */
  answers: Record<string, AnswerValue>;
  problems: AnswerProblem[];
  /** Answers to questions outside the short questionnaire, left out when it is used. */
  ignored: string[];
}

function describeAllowed(question: Question): string {
  const spec = question.answer;
  switch (spec.kind) {
    case 'choice':
      return `one of: ${spec.options.map((o) => o.id).join(', ')}`;
    case 'multi':
      return `a list of any of: ${spec.options.map((o) => o.id).join(', ')}`;
    case 'number':
      return `${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max} (${spec.unit})`;
  }
}

function normalise(question: Question, raw: unknown): AnswerValue | undefined {
  const spec = question.answer;
  switch (spec.kind) {
    case 'choice': {
      const id = typeof raw === 'number' ? String(raw) : raw;
      return typeof id === 'string' && spec.options.some((o) => o.id === id) ? id : undefined;
    }
    case 'multi': {
      if (!Array.isArray(raw)) return undefined;
      const ids = raw as unknown[];
      const known = ids.every((id) => typeof id === 'string' && spec.options.some((o) => o.id === id));
      return known && new Set(ids).size === ids.length ? (ids as string[]) : undefined;
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
      if (raw < spec.min || raw > spec.max) return undefined;
      if (spec.integer && !Number.isInteger(raw)) return undefined;
      return raw;
    }
  }
}

/**
 * Validates raw answers.
 * @param raw the parsed answers: an object keyed by question id
 * @param options.short when true, answers outside the short questionnaire are ignored (listed in `ignored`)
 * @returns the valid answers and one problem per bad answer; `null` values count as unanswered
 */
export function validateAnswers(raw: unknown, options: { short: boolean }): AnswerCheck {
  const result: AnswerCheck = { answers: {}, problems: [], ignored: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    result.problems.push({
      questionId: '(file)',
      message: 'answers must be a mapping of question id to answer',
    });
    return result;
  }
  const inUse = new Set(listQuestions(options).map((q) => q.id));
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const question = findQuestion(id);
    if (!question) {
      result.problems.push({
        questionId: id,
        message: `unknown question; known ids: ${QUESTIONS.map((q) => q.id).join(', ')}`,
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    const answer = normalise(question, value);
    if (answer === undefined) {
      result.problems.push({
        questionId: id,
        message: `${JSON.stringify(value)} is not allowed; expected ${describeAllowed(question)}`,
      });
      continue;
    }
    if (!inUse.has(id)) {
      result.ignored.push(id);
      continue;
    }
    result.answers[id] = answer;
  }
  return result;
}
