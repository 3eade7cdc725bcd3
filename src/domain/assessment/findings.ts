/**
 * Runs the rule catalogue over the answers and turns each rule that fires into a finding with
 * its evidence (the answers it read) and its sources.
 */
import {
  type ConditionContext,
  evaluateCondition,
  listConditionQuestions,
  listSupportingQuestions,
} from './conditions';
import { describeAnswer, findQuestion } from './questionnaire';
import { OWNERSHIP_RULES } from './rules-ownership';
import { PRACTICE_RULES } from './rules-practice';
import { getSource } from './sources';
import {
  type Citation,
  type Evidence,
  type Finding,
  type ResolvedCitation,
  type Rule,
  SEVERITIES,
} from './types';

/** Every rule, in the order findings of equal severity are reported. */
export const RULES: readonly Rule[] = [...OWNERSHIP_RULES, ...PRACTICE_RULES];

/**
 * Attaches title and address to citations.
 * @returns the citations with their source's title and url
 */
export function resolveCitations(citations: readonly Citation[]): ResolvedCitation[] {
  return citations.map((c) => {
    const source = getSource(c.source);
    return source.url ? { ...c, title: source.title, url: source.url } : { ...c, title: source.title };
  });
}

/**
 * The answered questions among the given ids, as evidence.
 * @returns one entry per answered question, in the given order
 */
export function collectEvidence(context: ConditionContext, questionIds: readonly string[]): Evidence[] {
  const evidence: Evidence[] = [];
  for (const id of questionIds) {
    const answer = context.answers[id];
    const question = findQuestion(id);
    if (answer === undefined || !question) continue;
    evidence.push({
      questionId: id,
      question: question.text,
      answer,
      answerLabel: describeAnswer(question, answer),
    });
  }
  return evidence;
}

/**
 * Evaluates one rule.
 * @returns the finding, or undefined when the rule's condition is false or unknown
 */
export function applyRule(rule: Rule, context: ConditionContext): Finding | undefined {
  if (evaluateCondition(rule.when, context) !== true) return undefined;
  const read = listSupportingQuestions(rule.when, context);
  const override = rule.overrides?.find((o) => evaluateCondition(o.when, context) === true);
  if (override) read.push(...listConditionQuestions(override.when));
  read.push(...(rule.alsoShow ?? []));
  const finding: Finding = {
    id: rule.id,
    area: rule.area,
    title: rule.title,
    severity: override?.severity ?? rule.severity,
    why: rule.why,
    recommendation: rule.recommendation,
    evidence: collectEvidence(context, [...new Set(read)]),
    sources: resolveCitations(rule.sources),
  };
  if (override) finding.severityReason = override.reason;
  return finding;
}

/**
 * Raises the findings of a set of answers.
 * @param context answers and derived metrics
 * @param rules the catalogue to apply (defaults to every rule)
 * @returns findings, most severe first, catalogue order within a severity
 */
export function raiseFindings(context: ConditionContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings = rules.flatMap((rule) => applyRule(rule, context) ?? []);
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || a.index - b.index,
    )
    .map((entry) => entry.finding);
}
