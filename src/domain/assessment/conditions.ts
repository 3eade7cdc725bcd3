/**
 * Evaluates the declarative conditions that rules and hiring triggers are written in.
 *
 * Logic is three-valued (Kleene): a leaf over an unanswered question is unknown (undefined),
 * `all` is false as soon as one part is false, `any` true as soon as one part is true, and
 * `not` keeps unknown unknown. Callers act only on a condition known to be true, so a short
 * questionnaire never raises a finding from questions it did not ask.
 */
import { findQuestion, scoreAnswer } from './questionnaire';
import type { Answers, AnswerValue, Condition, ConditionValue, DoraYearResult } from './types';

/** A value derived from several answers, e.g. developers per product manager. */
export interface MetricDefinition {
  id: string;
  label: string;
  /** The questions it reads; they become the evidence of a finding that uses the metric. */
  inputs: readonly string[];
  compute: (answers: Answers, dora: DoraYearResult) => number | string | undefined;
}

function num(answers: Answers, id: string): number | undefined {
  const value = answers[id];
  return typeof value === 'number' ? value : undefined;
}

/** Whether a founder wears a hat; an older answer file without the question means no. */
function wearsHat(answers: Answers, hat: string): 'yes' | 'no' {
  const hats = answers['founder-hats'];
  return Array.isArray(hats) && (hats as readonly string[]).includes(hat) ? 'yes' : 'no';
}

function ratio(top: number | undefined, bottom: number | undefined): number | undefined {
  if (top === undefined || bottom === undefined || bottom <= 0) return undefined;
  return top / bottom;
}

export const METRICS: readonly MetricDefinition[] = [
  {
    id: 'devs-per-pm',
    label: 'developers per product or project manager',
    inputs: ['developers', 'product-managers'],
    compute: (a) => ratio(num(a, 'developers'), num(a, 'product-managers')),
  },
  {
    id: 'devs-per-designer',
    label: 'developers per designer',
    inputs: ['developers', 'designers'],
    compute: (a) => ratio(num(a, 'developers'), num(a, 'designers')),
  },
  {
    id: 'devs-per-tech-lead',
    label: 'developers per tech lead',
    inputs: ['developers', 'tech-leads'],
    compute: (a) => {
      const devs = num(a, 'developers');
      const leads = num(a, 'tech-leads');
      if (devs === undefined || leads === undefined) return undefined;
      // No lead at all is worse than any ratio, as long as there is someone to lead.
      if (leads <= 0) return devs > 0 ? Number.POSITIVE_INFINITY : 0;
      return devs / leads;
    },
  },
  {
    id: 'devs-per-team',
    label: 'developers per team',
    inputs: ['developers', 'teams'],
    // A small company has one team unless it says otherwise.
    compute: (a) => ratio(num(a, 'developers'), num(a, 'teams') ?? 1),
  },
  {
    id: 'founder-is-tech',
    label: 'a founder is the most senior technical person',
    inputs: ['founder-hats'],
    compute: (a) => wearsHat(a, 'tech'),
  },
  {
    id: 'founder-is-designer',
    label: 'a founder is the designer',
    inputs: ['founder-hats'],
    compute: (a) => wearsHat(a, 'designer'),
  },
  {
    id: 'senior-tech-role',
    label: 'the role the most senior technical person actually holds',
    inputs: ['senior-tech', 'founder-hats'],
    compute: (a) => {
      const senior = a['senior-tech'];
      if (typeof senior !== 'string') return undefined;
      // A CTO who also holds product is a CTPO in all but name, and the rules treat them as one.
      return senior === 'cto' && wearsHat(a, 'cto-product') === 'yes' ? 'ctpo' : senior;
    },
  },
  {
    id: 'dora-change-fail-rate-tier',
    label: 'DORA tier of the change fail rate',
    inputs: ['change-fail-rate'],
    compute: (_a, dora) => dora.metrics['change-fail-rate'],
  },
  {
    id: 'dora-recovery-time-tier',
    label: 'DORA tier of the time to restore service',
    inputs: ['recovery-time'],
    compute: (_a, dora) => dora.metrics['recovery-time'],
  },
  {
    id: 'dora-throughput-tier',
    label: 'DORA throughput tier',
    inputs: ['deploy-frequency', 'lead-time'],
    compute: (_a, dora) => dora.throughput ?? undefined,
  },
  {
    id: 'dora-stability-tier',
    label: 'DORA stability tier',
    inputs: ['change-fail-rate', 'recovery-time'],
    compute: (_a, dora) => dora.stability ?? undefined,
  },
];

const METRIC_BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** What conditions read: the answers and the metrics derived from them. */
export interface ConditionContext {
  answers: Answers;
  metrics: Readonly<Record<string, number | string | undefined>>;
}

/**
 * Builds the evaluation context: the answers plus every derived metric.
 * @param answers the assessment answers
 * @param dora the DORA tiers of the selected benchmark year
 * @returns the context conditions are evaluated against
 */
export function buildConditionContext(answers: Answers, dora: DoraYearResult): ConditionContext {
  const metrics: Record<string, number | string | undefined> = {};
  for (const metric of METRICS) metrics[metric.id] = metric.compute(answers, dora);
  return { answers, metrics };
}

function compare(actual: AnswerValue, op: string, expected: ConditionValue): boolean | undefined {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && (expected as readonly unknown[]).includes(actual);
    case 'notIn':
      return Array.isArray(expected) && !(expected as readonly unknown[]).includes(actual);
    case 'includes':
      return Array.isArray(actual) && (actual as readonly unknown[]).includes(expected);
  }
  if (typeof actual !== 'number' || typeof expected !== 'number') return undefined;
  switch (op) {
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
  }
  throw new Error(`unknown condition operator "${op}"`);
}

/**
 * Evaluates a condition against the answers and metrics.
 * @returns true, false, or undefined when it depends on something unanswered
 */
export function evaluateCondition(condition: Condition, context: ConditionContext): boolean | undefined {
  if ('all' in condition) {
    let unknown = false;
    for (const part of condition.all) {
      const result = evaluateCondition(part, context);
      if (result === false) return false;
      if (result === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  }
  if ('any' in condition) {
    let unknown = false;
    for (const part of condition.any) {
      const result = evaluateCondition(part, context);
      if (result === true) return true;
      if (result === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  }
  if ('not' in condition) {
    const result = evaluateCondition(condition.not, context);
    return result === undefined ? undefined : !result;
  }
  if ('metric' in condition) {
    if (!METRIC_BY_ID.has(condition.metric)) throw new Error(`unknown metric "${condition.metric}"`);
    const value = context.metrics[condition.metric];
    return value === undefined ? undefined : compare(value, condition.op, condition.value);
  }
  const value = context.answers[condition.q];
  if (value === undefined) return undefined;
  if (condition.op === 'pointsLte' || condition.op === 'pointsGte') {
    const question = findQuestion(condition.q);
    if (!question) throw new Error(`unknown question "${condition.q}" in a condition`);
    const points = scoreAnswer(question, value);
    if (points === undefined || typeof condition.value !== 'number') return undefined;
    return condition.op === 'pointsLte' ? points <= condition.value : points >= condition.value;
  }
  return compare(value, condition.op, condition.value);
}

/**
 * Lists the questions a condition reads, metric inputs included, in first-seen order.
 * @returns question ids without duplicates
 */
export function listConditionQuestions(condition: Condition): string[] {
  const seen = new Set<string>();
  const visit = (c: Condition): void => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('metric' in c) for (const id of METRIC_BY_ID.get(c.metric)?.inputs ?? []) seen.add(id);
    else seen.add(c.q);
  };
  visit(condition);
  return [...seen];
}

/**
 * Lists the questions that make a condition true: the parts of an `any` that hold (all of them
 * when none is known to hold), every part of an `all` and of a `not`. A finding shows these as
 * its evidence, so an answer that did not support the claim is not offered as if it did.
 * @returns question ids without duplicates, in first-seen order
 */
export function listSupportingQuestions(condition: Condition, context: ConditionContext): string[] {
  if ('any' in condition) {
    const holding = condition.any.filter((c) => evaluateCondition(c, context) === true);
    const parts = holding.length > 0 ? holding : condition.any;
    return [...new Set(parts.flatMap((c) => listSupportingQuestions(c, context)))];
  }
  if ('all' in condition) {
    return [...new Set(condition.all.flatMap((c) => listSupportingQuestions(c, context)))];
  }
  return listConditionQuestions(condition);
}
