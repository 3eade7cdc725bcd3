/**
 * Questions about practice: estimation and delivery, engineering health (the DORA measures and
 * a modernised Joel Test), and the team's capacity. DORA answers use DORA's own survey bands so
 * they can be benchmarked against any report year; their points follow the 2024 tiers and stay
 * fixed, so scores remain comparable whichever benchmark year is selected.
 */
import type { ChoiceOption, Question } from './types';

/** DORA survey bands for durations (lead time, time to restore), best first. */
const DURATION_BANDS: readonly ChoiceOption[] = [
  { id: 'under-1-hour', label: 'Less than one hour', points: 3 },
  { id: 'under-1-day', label: 'Less than one day', points: 3 },
  { id: '1-day-to-1-week', label: 'Between one day and one week', points: 2 },
  { id: '1-week-to-1-month', label: 'Between one week and one month', points: 1 },
  { id: '1-to-6-months', label: 'Between one month and six months', points: 0 },
  { id: 'over-6-months', label: 'More than six months', points: 0 },
];

export const PRACTICE_QUESTIONS: readonly Question[] = [
  // --- delivery and estimation --------------------------------------------------------------
  {
    id: 'estimation-method',
    area: 'delivery',
    text: 'How are estimates produced?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'none', label: 'We do not estimate', points: 0 },
        { id: 'single-number', label: 'One developer gives a single number', points: 1 },
        { id: 'relative', label: 'The team sizes work together (t-shirts, points, poker)', points: 2 },
        { id: 'ranges', label: 'Ranges (three-point) or throughput forecasts with percentiles', points: 3 },
      ],
    },
  },
  {
    id: 'estimate-feedback',
    area: 'delivery',
    text: 'Do you compare actual effort or time against the estimates?',
    short: false,
    answer: {
      kind: 'choice',
      options: [
        { id: 'never', label: 'Never', points: 0 },
        { id: 'informally', label: 'Now and then, informally', points: 1 },
        { id: 'per-cycle', label: 'Every sprint or milestone', points: 2 },
        { id: 'systematic', label: 'Systematically; the ratios correct new plans', points: 3 },
      ],
    },
  },
  {
    id: 'milestones-on-time',
    area: 'delivery',
    text: 'Of your last 5 committed milestones, how many shipped within 10% of the committed date?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: '0-1', label: 'None or one', points: 0 },
        { id: '2', label: 'Two', points: 1 },
        { id: '3-4', label: 'Three or four', points: 2 },
        { id: '5', label: 'All five', points: 3 },
      ],
    },
  },
  {
    id: 'item-size',
    area: 'delivery',
    text: 'How big is a typical work item when development starts?',
    short: false,
    prefill: 'item-size',
    answer: {
      kind: 'choice',
      options: [
        { id: 'over-2-weeks', label: 'More than two weeks', points: 0 },
        { id: '1-2-weeks', label: 'One to two weeks', points: 1 },
        { id: '3-5-days', label: 'Three to five days', points: 2 },
        { id: 'up-to-2-days', label: 'Two days or less', points: 3 },
      ],
    },
  },
  {
    id: 'definition-of-ready',
    area: 'delivery',
    text: 'Before developers estimate, do items have acceptance criteria and designs?',
    short: false,
    answer: {
      kind: 'choice',
      options: [
        { id: 'rarely', label: 'Rarely', points: 0 },
        { id: 'sometimes', label: 'Sometimes', points: 1 },
        { id: 'usually', label: 'Usually', points: 2 },
        { id: 'always', label: 'Always, through a definition of ready', points: 3 },
      ],
    },
  },
  {
    id: 'cadence',
    area: 'delivery',
    text: 'Do you work in a regular cadence of planning, review or demo, and retrospective?',
    short: false,
    answer: {
      kind: 'choice',
      options: [
        { id: 'no', label: 'No', points: 0 },
        { id: 'irregular', label: 'Irregularly', points: 1 },
        { id: 'regular-skipped', label: 'Regularly, but meetings get skipped', points: 2 },
        { id: 'regular-demos', label: 'Regularly, with demos to stakeholders', points: 3 },
      ],
    },
  },
  // --- engineering health -------------------------------------------------------------------
  {
    id: 'deploy-frequency',
    area: 'engineering',
    text: 'How often do you deploy your main application to production or release it to users?',
    short: true,
    prefill: 'deploy-frequency',
    answer: {
      kind: 'choice',
      options: [
        { id: 'on-demand', label: 'On demand (several deploys a day)', points: 3 },
        { id: 'hourly-to-daily', label: 'Between once an hour and once a day', points: 3 },
        { id: 'daily-to-weekly', label: 'Between once a day and once a week', points: 2 },
        { id: 'weekly-to-monthly', label: 'Between once a week and once a month', points: 1 },
        { id: 'monthly-to-6-monthly', label: 'Between once a month and once every six months', points: 0 },
        { id: 'under-6-monthly', label: 'Less than once every six months', points: 0 },
      ],
    },
  },
  {
    id: 'lead-time',
    area: 'engineering',
    text: 'How long does a change take from commit to running in production?',
    short: true,
    prefill: 'lead-time',
    answer: { kind: 'choice', options: DURATION_BANDS },
  },
  {
    id: 'change-fail-rate',
    area: 'engineering',
    text: 'What share of deployments cause a failure that needs a hotfix, rollback or patch?',
    short: true,
    prefill: 'change-fail-rate',
    answer: {
      kind: 'number',
      min: 0,
      max: 100,
      integer: false,
      unit: '%',
      scoring: {
        bands: [
          { atMost: 7.5, points: 3 },
          { atMost: 15, points: 2 },
          { atMost: 30, points: 1 },
        ],
        above: 0,
      },
    },
  },
  {
    id: 'recovery-time',
    area: 'engineering',
    text: 'When a deployment fails in production, how long until service is restored?',
    short: true,
    prefill: 'recovery-time',
    answer: { kind: 'choice', options: DURATION_BANDS },
  },
  {
    id: 'rework-rate',
    area: 'engineering',
    text: 'What share of deployments are unplanned fixes for production incidents?',
    help: "DORA's fifth measure; it has no published tiers yet, so it is scored by our own bands.",
    short: false,
    prefill: 'rework-rate',
    answer: {
      kind: 'number',
      min: 0,
      max: 100,
      integer: false,
      unit: '%',
      scoring: {
        bands: [
          { atMost: 5, points: 3 },
          { atMost: 10, points: 2 },
          { atMost: 20, points: 1 },
        ],
        above: 0,
      },
    },
  },
  {
    id: 'hygiene',
    area: 'engineering',
    text: 'Which of these are true today?',
    short: false,
    answer: {
      kind: 'multi',
      options: [
        { id: 'source-control', label: 'All code is in source control' },
        { id: 'ci-build', label: 'Every change is built automatically in one step (CI)' },
        { id: 'automated-tests', label: 'Automated tests run in CI' },
        { id: 'code-review', label: 'Code is reviewed before it is merged' },
        { id: 'issue-tracker', label: 'Bugs and work are tracked in an issue tracker' },
        { id: 'bugs-first', label: 'Severe bugs are fixed before new features' },
        { id: 'staging', label: 'A staging or pre-production environment exists' },
        { id: 'written-specs', label: 'Features have written specs or acceptance criteria' },
      ],
      pointsByCount: [
        { atLeast: 7, points: 3 },
        { atLeast: 5, points: 2 },
        { atLeast: 3, points: 1 },
        { atLeast: 0, points: 0 },
      ],
    },
  },
  // --- team and capacity --------------------------------------------------------------------
  {
    id: 'satisfaction',
    area: 'team',
    text: 'How satisfied and energised is the team, from 1 (burnt out) to 5 (thriving)?',
    help: 'Best asked of the developers themselves.',
    short: false,
    answer: {
      kind: 'choice',
      options: [
        { id: '1', label: '1 – burnt out', points: 0 },
        { id: '2', label: '2', points: 1 },
        { id: '3', label: '3', points: 2 },
        { id: '4', label: '4', points: 2 },
        { id: '5', label: '5 – thriving', points: 3 },
      ],
    },
  },
  {
    id: 'bus-factor',
    area: 'team',
    text: 'Is there a critical system that only one person understands or can deploy?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'several', label: 'Yes, several', points: 0 },
        { id: 'one', label: 'Yes, one', points: 1 },
        { id: 'partly-documented', label: 'Partly; it is documented but untested by others', points: 2 },
        { id: 'no', label: 'No', points: 3 },
      ],
    },
  },
  {
    id: 'onboarding',
    area: 'team',
    text: 'How long does a new developer take to ship their first production change?',
    short: false,
    answer: {
      kind: 'choice',
      options: [
        { id: 'over-1-month', label: 'More than a month', points: 0 },
        { id: '2-4-weeks', label: 'Two to four weeks', points: 1 },
        { id: '1-2-weeks', label: 'One to two weeks', points: 2 },
        { id: 'under-1-week', label: 'Less than a week', points: 3 },
      ],
    },
  },
  {
    id: 'answer-wait',
    area: 'team',
    text: 'How often do developers wait more than a day for answers on requirements or design?',
    short: false,
    answer: {
      kind: 'choice',
      options: [
        { id: 'weekly', label: 'Every week or more', points: 0 },
        { id: 'every-sprint', label: 'Every sprint', points: 1 },
        { id: 'occasionally', label: 'Occasionally', points: 2 },
        { id: 'rarely', label: 'Rarely', points: 3 },
      ],
    },
  },
];
