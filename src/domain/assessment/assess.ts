/**
 * The assessment in one call: answers in, report out (scores, DORA tiers, findings, plan).
 */
import { buildConditionContext } from './conditions';
import { computeDoraByYear } from './dora';
import { DEFAULT_DORA_YEAR } from './dora-benchmarks';
import { raiseFindings } from './findings';
import { buildGrowthPlan } from './growth-plan';
import { listQuestions } from './questionnaire';
import { scoreAssessment } from './scores';
import type { Answers, AnswerValue, AssessmentReport } from './types';

/**
 * Assesses a development setup.
 * @param options.answers validated answers keyed by question id (see validateAnswers)
 * @param options.short true to use the short questionnaire: answers to other questions are left out
 * @param options.doraYear the DORA report year the rules benchmark against (default 2024);
 *   the report also carries the tiers of every other seeded year, each on its own
 * @param options.company an optional name for the report heading
 * @returns the full report; throws only when doraYear is not a seeded year
 */
export function assessSetup(options: {
  answers: Answers;
  short?: boolean;
  doraYear?: number;
  company?: string;
}): AssessmentReport {
  const short = options.short ?? false;
  const questions = listQuestions({ short });
  const answers: Record<string, AnswerValue> = {};
  for (const q of questions) {
    const value = options.answers[q.id];
    if (value !== undefined) answers[q.id] = value;
  }
  const selectedYear = options.doraYear ?? DEFAULT_DORA_YEAR;
  const byYear = computeDoraByYear(answers);
  const selected = byYear.find((d) => d.year === selectedYear);
  if (!selected) throw new Error(`no DORA benchmark seeded for ${selectedYear}`);
  const context = buildConditionContext(answers, selected);
  const findings = raiseFindings(context);
  const report: AssessmentReport = {
    questionnaire: short ? 'short' : 'full',
    answers,
    unanswered: questions.filter((q) => answers[q.id] === undefined).map((q) => q.id),
    scores: scoreAssessment({ answers, questions }),
    dora: { selectedYear, byYear },
    findings,
    plan: buildGrowthPlan({ findings, context }),
  };
  if (options.company) report.company = options.company;
  return report;
}
