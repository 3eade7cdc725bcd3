/**
 * Answer sets shared by the assessment tests: a healthy baseline that raises no finding, and a
 * fast-check arbitrary of valid answers to any subset of the questionnaire.
 */
import fc from 'fast-check';
import { QUESTIONS } from './questionnaire';
import type { Answers, AnswerValue, Question } from './types';

/** Every question answered with its best option: no rule fires, every area scores 100. */
export const HEALTHY: Answers = {
  stage: 'scaling',
  'user-facing': 'yes',
  developers: 5,
  'tech-leads': 1,
  designers: 1,
  'product-managers': 1,
  teams: 1,
  location: 'remote',
  'senior-tech': 'cto',
  'backlog-owner': 'product-owner',
  'delivery-owner': 'manager',
  roadmap: 'outcomes',
  prioritisation: 'scored',
  'design-ownership': 'embedded-owner',
  'delivery-manager': 'dedicated',
  'decision-rights': 'documented',
  'cto-delivery-share': 'under-20',
  'product-leadership': 'full-time',
  'cto-product-appetite': 'no',
  'cto-direct-reports': 6,
  'estimation-method': 'ranges',
  'estimate-feedback': 'systematic',
  'milestones-on-time': '5',
  'item-size': 'up-to-2-days',
  'definition-of-ready': 'always',
  cadence: 'regular-demos',
  'deploy-frequency': 'on-demand',
  'lead-time': 'under-1-day',
  'change-fail-rate': 5,
  'recovery-time': 'under-1-hour',
  'rework-rate': 3,
  hygiene: [
    'source-control',
    'ci-build',
    'automated-tests',
    'code-review',
    'issue-tracker',
    'bugs-first',
    'staging',
    'written-specs',
  ],
  satisfaction: '5',
  'bus-factor': 'no',
  onboarding: 'under-1-week',
  'answer-wait': 'rarely',
};

/**
 * The healthy baseline with some answers replaced or, with `undefined`, removed.
 * @returns a new answer set
 */
export function withAnswers(changes: Record<string, AnswerValue | undefined>): Answers {
  const out: Record<string, AnswerValue> = { ...HEALTHY };
  for (const [id, value] of Object.entries(changes)) {
    if (value === undefined) delete out[id];
    else out[id] = value;
  }
  return out;
}

function arbitraryAnswer(question: Question): fc.Arbitrary<AnswerValue> {
  const spec = question.answer;
  switch (spec.kind) {
    case 'choice':
      return fc.constantFrom(...spec.options.map((o) => o.id));
    case 'multi':
      return fc.subarray(spec.options.map((o) => o.id));
    case 'number': {
      // Small counts hit the interesting thresholds (3, 6, 8, 9, 10 developers) often.
      const max = spec.unit === '%' ? spec.max : Math.min(spec.max, 24);
      const whole = fc.integer({ min: spec.min, max });
      return spec.integer ? whole : fc.integer({ min: spec.min * 2, max: max * 2 }).map((n) => n / 2);
    }
  }
}

/** Valid answers to a random subset of the questions. */
export const arbitraryAnswers: fc.Arbitrary<Answers> = fc.record(
  Object.fromEntries(QUESTIONS.map((q) => [q.id, arbitraryAnswer(q)])),
  { requiredKeys: [] },
  // Optional keys are left out rather than set to undefined, so the result is a plain answer set.
) as fc.Arbitrary<Answers>;

/** Valid answers to every question. */
export const arbitraryFullAnswers: fc.Arbitrary<Answers> = fc.record(
  Object.fromEntries(QUESTIONS.map((q) => [q.id, arbitraryAnswer(q)])),
);
