/**
 * Answers from outside checked by the assessment engine's validator, so every surface (the
 * workspace's wizard, a published link, a workspace made from a public assessment) refuses the
 * same answers with the same words.
 */
import { type AssessmentReport, assessSetup, validateAnswers } from '../../domain/assessment';
import { AppError } from '../errors';

/**
 * Validates the answers of the short questionnaire and runs the assessment on them.
 * @param input.answers raw answers keyed by question id
 * @param input.company the name the report is addressed to, if any
 * @returns the checked answers and the report
 * @throws AppError `validation_failed` naming every bad answer's question, with `details.problems`
 */
export function assessShortAnswers(input: {
  answers: Record<string, unknown>;
  company?: string | undefined;
}): {
  answers: AssessmentReport['answers'];
  report: AssessmentReport;
} {
  const check = validateAnswers(input.answers, { short: true });
  if (check.problems.length > 0) {
    const n = check.problems.length;
    throw new AppError(
      'validation_failed',
      `${n} bad answer${n === 1 ? '' : 's'}: ${check.problems.map((p) => `${p.questionId}: ${p.message}`).join('; ')}`,
      { details: { problems: check.problems } },
    );
  }
  const report = assessSetup({
    answers: check.answers,
    short: true,
    ...(input.company ? { company: input.company } : {}),
  });
  return { answers: check.answers, report };
}
