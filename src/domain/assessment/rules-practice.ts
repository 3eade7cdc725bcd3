/**
 * Rules about how the team works: estimation and commitments, DORA throughput and stability,
 * engineering basics, and the shape and health of the team.
 */
import type { Condition, Rule } from './types';

/** DORA stability in the medium or low cluster of the selected report year. */
export const UNSTABLE: Condition = {
  any: [
    { metric: 'dora-change-fail-rate-tier', op: 'in', value: ['medium', 'low'] },
    { metric: 'dora-recovery-time-tier', op: 'in', value: ['medium', 'low'] },
  ],
};

export const PRACTICE_RULES: readonly Rule[] = [
  {
    id: 'uncalibrated-estimation',
    area: 'delivery',
    title: 'Estimates are not calibrated',
    when: {
      any: [
        { q: 'estimation-method', op: 'pointsLte', value: 1 },
        { q: 'estimate-feedback', op: 'pointsLte', value: 1 },
      ],
    },
    severity: 'medium',
    why: 'Single-number estimates that are never compared with what happened repeat the same optimism every time.',
    recommendation:
      'Estimate in ranges (optimistic, likely, pessimistic), record actuals, review the actual/estimate ratio monthly and let it correct new plans; forecast from throughput once 6–10 weeks of history exist.',
    sources: [
      {
        source: 'jorgensen-estimation',
        point: 'give feedback on accuracy, assess uncertainty and use data from previous tasks',
      },
      {
        source: 'trustshoring-estimation',
        point:
          'better estimates come from clear requirements, task breakdown, risk management and communication',
      },
    ],
  },
  {
    id: 'missed-commitments',
    area: 'delivery',
    title: 'Commitments are missed again and again',
    when: { q: 'milestones-on-time', op: 'pointsLte', value: 1 },
    alsoShow: ['cadence'],
    severity: 'high',
    why: 'When most milestones slip, dates stop meaning anything to customers and investors, and the team plans under pressure.',
    recommendation:
      'The product function owns delivery dates: quote 85th-percentile forecasts rather than hopes, keep must-haves to about 60% of the effort, slice work smaller and hold a regular review with a demo.',
    sources: [
      { source: 'survey-overruns', point: '60–80% of software projects overrun, typically by 30–40%' },
      { source: 'trustshoring-cto-role', point: 'the product function is in charge of delivery' },
    ],
  },
  {
    id: 'oversized-work-items',
    area: 'delivery',
    title: 'Work items are too large',
    when: { q: 'item-size', op: 'pointsLte', value: 1 },
    severity: 'medium',
    why: 'Large items carry the fat tail of overruns: one item that blows up by three times sinks the plan.',
    recommendation:
      'Split work to five days or less before it starts; an extra-large item must be split before it is promised.',
    sources: [
      {
        source: 'bernhardsson-blowup',
        point: 'overruns are heavy-tailed, so the riskiest items dominate the total',
      },
    ],
  },
  {
    id: 'no-definition-of-ready',
    area: 'delivery',
    title: 'Work is estimated before it is understood',
    when: { q: 'definition-of-ready', op: 'pointsLte', value: 1 },
    severity: 'medium',
    why: 'Estimates made before acceptance criteria and designs exist are guesses about an unknown scope.',
    recommendation:
      'Agree a definition of ready (acceptance criteria, designs, open questions answered); the product owner and designer make items ready, and estimates are revisited once requirements are complete.',
    sources: [
      { source: 'mcconnell-cone', point: 'uncertainty narrows once requirements are complete' },
      { source: 'trustshoring-estimation', point: 'clear requirements come before accurate estimates' },
    ],
  },
  {
    id: 'low-throughput',
    area: 'engineering',
    title: 'Low delivery throughput (DORA)',
    when: { metric: 'dora-throughput-tier', op: 'eq', value: 'low' },
    severity: 'high',
    why: 'Rare deploys and long lead times mean large, risky batches and slow feedback from users.',
    recommendation:
      'A CTO-owned improvement plan: continuous integration and delivery, small batches on a short-lived trunk, automated deploys. Re-measure every quarter against the same benchmark year.',
    sources: [{ source: 'dora', point: 'deploy frequency and change lead time measure delivery throughput' }],
  },
  {
    id: 'instability',
    area: 'engineering',
    title: 'Releases are unstable',
    // Read from the DORA tiers of the selected report year, so the finding and the tier table
    // never disagree: a measure in the medium or low cluster makes stability medium or low.
    when: UNSTABLE,
    severity: 'high',
    why: 'Frequent failed deployments or slow recovery hurt users and eat the time planned for new work.',
    recommendation:
      'Automated tests in CI, review before merge, a staging environment, rollbacks or feature flags and incident runbooks; consider dedicated QA capacity.',
    sources: [
      {
        source: 'dora',
        point:
          'change fail rate and recovery time measure instability; a measure in the medium or low cluster makes stability medium or low',
      },
    ],
  },
  {
    id: 'high-rework',
    area: 'engineering',
    title: 'Much of what is deployed is unplanned rework',
    when: { q: 'rework-rate', op: 'gt', value: 20 },
    severity: 'medium',
    why: 'Deployments that only fix production incidents take the place of planned work and usually point to unclear requirements or missing tests.',
    recommendation:
      'Trace the last month of unplanned fixes to their cause (unclear requirements, missing tests, rushed releases) and fix the biggest cause first.',
    sources: [
      { source: 'headway-judgement', point: 'a rework rate above 20% (DORA publishes no tiers for it yet)' },
    ],
  },
  {
    id: 'hygiene-gaps',
    area: 'engineering',
    title: 'Engineering basics are missing',
    when: { q: 'hygiene', op: 'pointsLte', value: 1 },
    alsoShow: ['onboarding'],
    severity: 'medium',
    overrides: [
      {
        when: { q: 'hygiene', op: 'pointsLte', value: 0 },
        severity: 'high',
        reason: 'two or fewer of the eight basics are in place',
      },
    ],
    why: 'Source control, CI, tests, review, tracking and a staging environment are cheap and everything else builds on them.',
    recommendation: 'Close the missing basics first; the CTO is accountable for them.',
    sources: [
      { source: 'joel-test', point: 'a yes/no screen of basics; a low score means serious problems' },
    ],
  },
  {
    id: 'low-satisfaction',
    area: 'team',
    title: 'The team is drained',
    when: { q: 'satisfaction', op: 'pointsLte', value: 1 },
    severity: 'high',
    why: 'Low energy predicts attrition and slower, more error-prone work.',
    recommendation:
      'Look at load, interruptions and unclear requirements; protect focus time and let the product function shield the team from ad hoc requests.',
    sources: [
      { source: 'space-devex', point: 'satisfaction and flow are dimensions of developer productivity' },
    ],
  },
  {
    id: 'slow-feedback-loops',
    area: 'team',
    title: 'Developers wait for product answers',
    when: { q: 'answer-wait', op: 'pointsLte', value: 1 },
    severity: 'medium',
    why: 'Each day spent waiting for an answer on requirements or design is lost or, worse, spent guessing.',
    recommendation:
      'Make a product or design owner reachable every day, keep a written decision log, and name an approver for blocking questions.',
    sources: [{ source: 'space-devex', point: 'fast feedback loops are one of the three DevEx dimensions' }],
  },
  {
    id: 'bus-factor',
    area: 'team',
    title: 'Critical knowledge sits with one person',
    when: { q: 'bus-factor', op: 'pointsLte', value: 1 },
    severity: 'medium',
    overrides: [
      {
        when: { q: 'bus-factor', op: 'eq', value: 'several' },
        severity: 'high',
        reason: 'several systems depend on a single person',
      },
    ],
    why: 'If the one person who understands or can deploy a critical system is away or leaves, delivery and incident recovery stop.',
    recommendation:
      'Write down how to run and deploy it, pair on changes, and give a second person deploy rights.',
    sources: [
      {
        source: 'headway-judgement',
        point: 'no published threshold; a system one person alone can run is a single point of failure',
      },
    ],
  },
  {
    id: 'wide-span-of-control',
    area: 'leadership',
    title: 'Too many people report to the CTO',
    when: { q: 'cto-direct-reports', op: 'gt', value: 8 },
    severity: 'medium',
    why: 'Past about eight direct reports a manager cannot give each person real attention, and technical leadership suffers first.',
    recommendation:
      'Add an engineering manager or tech leads (6–8 people each); consider a VP of Engineering once the team passes 8–10 engineers.',
    sources: [
      { source: 'larson-sizing', point: 'a manager supports 6–8 engineers' },
      {
        source: 'vp-engineering-trigger',
        point: 'a VP of Engineering once the team grows beyond 8–10 engineers',
      },
    ],
  },
  {
    id: 'team-too-large',
    area: 'team',
    title: 'One team is too large',
    when: { metric: 'devs-per-team', op: 'gt', value: 9 },
    severity: 'medium',
    why: 'Above nine people one team spends more and more of its time coordinating with itself.',
    recommendation:
      'Split into two stream-aligned teams of 5–9, each with a tech lead and its own product owner or designer.',
    sources: [
      { source: 'team-topologies', point: 'teams of about 5–9 people' },
      { source: 'brooks-paths', point: 'ten people have 45 communication paths' },
    ],
  },
  {
    id: 'distant-team-without-leads',
    area: 'team',
    title: 'A distant team has too few tech leads',
    when: {
      all: [
        { q: 'location', op: 'in', value: ['agency', 'offshore'] },
        { q: 'developers', op: 'gte', value: 3 },
        { metric: 'devs-per-tech-lead', op: 'gt', value: 6 },
      ],
    },
    severity: 'medium',
    why: 'An outsourced or offshore team without enough hands-on leads drifts from what was meant, and problems surface late.',
    recommendation:
      'One tech lead per 5–6 outsourced or offshore developers, with working hours that overlap yours.',
    sources: [
      { source: 'nearsoft-tech-leads', point: 'one tech lead per 5–6 offshore engineers' },
      {
        source: 'headway-judgement',
        point: 'from three developers up; with one or two, one of them can act as the lead',
      },
    ],
  },
];
