/**
 * Prefills answers from what a workspace already knows (members with roles and FTE, head
 * counts, DORA measures from delivery events, cycle times from the state history). Prefilled
 * answers are suggestions: the founder sees and may override every one of them.
 */
import { describePeriod, type MeasuredFlow, measureAnswers } from './prefill-measured';
import type { AnswerValue } from './types';

export interface WorkspaceFacts {
  /** Members with their workspace role (founder, cto, ctpo, cpo, product_manager, designer, developer, viewer). */
  members?: readonly { role: string; fte?: number }[];
  /** Explicit counts (FTE); they win over counts derived from members. */
  headcounts?: { developers?: number; techLeads?: number; designers?: number; productManagers?: number };
  ctoDirectReports?: number;
  /** Measured DORA figures, e.g. from deploy and incident events. */
  dora?: {
    /** The period measured (ISO days, inclusive), named in each answer's note. */
    period?: { from: string; to: string };
    deploymentsPerWeek?: number;
    leadTimeHours?: number;
    changeFailRatePercent?: number;
    recoveryTimeHours?: number;
    reworkRatePercent?: number;
  };
  /** Finished items and their cycle times over a recent period, from the state history. */
  flow?: MeasuredFlow;
}

export interface Prefill {
  answers: Record<string, AnswerValue>;
  /** Where each prefilled answer came from, to show beside it. */
  notes: Record<string, string>;
}

const HOUR_BANDS: readonly { below: number; band: string }[] = [
  { below: 1, band: 'under-1-hour' },
  { below: 24, band: 'under-1-day' },
  { below: 24 * 7, band: '1-day-to-1-week' },
  { below: 24 * 30, band: '1-week-to-1-month' },
  { below: 24 * 182, band: '1-to-6-months' },
];

/**
 * The DORA survey band of a duration.
 * @param hours a duration in hours (≥ 0)
 * @returns the band id used by the lead-time and recovery-time questions
 */
export function bandDuration(hours: number): string {
  return HOUR_BANDS.find((b) => hours < b.below)?.band ?? 'over-6-months';
}

/**
 * The DORA survey band of a deployment rate.
 * @param perWeek deployments per week (≥ 0)
 * @returns the band id used by the deploy-frequency question
 */
export function bandDeployFrequency(perWeek: number): string {
  if (perWeek >= 14) return 'on-demand';
  if (perWeek >= 7) return 'hourly-to-daily';
  if (perWeek >= 1) return 'daily-to-weekly';
  if (perWeek >= 12 / 52) return 'weekly-to-monthly';
  if (perWeek >= 2 / 52) return 'monthly-to-6-monthly';
  return 'under-6-monthly';
}

const oneDecimal = (value: number): string => String(Math.round(value * 10) / 10);

function isCount(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}

function sumFte(members: readonly { role: string; fte?: number }[], role: string): number | undefined {
  const matching = members.filter((m) => m.role === role);
  if (matching.length === 0) return undefined;
  return Math.round(matching.reduce((sum, m) => sum + (isCount(m.fte) ? m.fte : 1), 0) * 10) / 10;
}

/**
 * Prefills what the workspace knows.
 * @param facts a plain object of workspace facts; every field is optional
 * @returns answers keyed by question id (only where a fact exists) and a note per answer
 */
export function prefillAnswers(facts: WorkspaceFacts): Prefill {
  const answers: Record<string, AnswerValue> = {};
  const notes: Record<string, string> = {};
  const put = (id: string, value: AnswerValue | undefined, note: string): void => {
    if (value === undefined) return;
    answers[id] = value;
    notes[id] = note;
  };
  const members = facts.members ?? [];
  const counts = facts.headcounts ?? {};
  const fromMembers = 'from the team members and their FTE';
  const fromCounts = 'from the head counts';
  const count = (explicit: number | undefined, role: string, id: string): void => {
    if (isCount(explicit)) put(id, explicit, fromCounts);
    else put(id, members.length > 0 ? (sumFte(members, role) ?? 0) : undefined, fromMembers);
  };
  count(counts.developers, 'developer', 'developers');
  count(counts.designers, 'designer', 'designers');
  count(counts.productManagers, 'product_manager', 'product-managers');
  if (isCount(counts.techLeads)) put('tech-leads', counts.techLeads, fromCounts);

  const fteOf = (role: string): number | undefined => sumFte(members, role);
  const ctpo = fteOf('ctpo');
  const cto = fteOf('cto');
  const cpo = fteOf('cpo');
  if (ctpo !== undefined) put('senior-tech', 'ctpo', 'a member holds the CTPO role');
  // Below half time a CTO is treated as fractional.
  else if (cto !== undefined)
    put('senior-tech', cto < 0.5 ? 'fractional-cto' : 'cto', 'a member holds the CTO role');
  if (ctpo !== undefined) put('product-leadership', 'ctpo', 'a member holds the CTPO role');
  else if (cpo !== undefined) {
    put('product-leadership', cpo >= 0.8 ? 'full-time' : 'fractional-cpo', `a CPO at ${cpo} FTE`);
  }
  if (isCount(facts.ctoDirectReports))
    put('cto-direct-reports', Math.round(facts.ctoDirectReports), fromCounts);

  const dora = facts.dora ?? {};
  const period = dora.period ? ` ${describePeriod(dora.period.from, dora.period.to)}` : '';
  const measured = (figure: string) => `measured from delivery events${period}: ${figure}`;
  if (isCount(dora.deploymentsPerWeek)) {
    const perWeek = dora.deploymentsPerWeek;
    put(
      'deploy-frequency',
      bandDeployFrequency(perWeek),
      measured(`${oneDecimal(perWeek)} deployments a week`),
    );
  }
  if (isCount(dora.leadTimeHours)) {
    const hours = dora.leadTimeHours;
    put(
      'lead-time',
      bandDuration(hours),
      measured(`median ${oneDecimal(hours)} hours from commit to deployment`),
    );
  }
  if (isCount(dora.recoveryTimeHours)) {
    const hours = dora.recoveryTimeHours;
    put(
      'recovery-time',
      bandDuration(hours),
      measured(`median ${oneDecimal(hours)} hours to restore service`),
    );
  }
  const percent = (value: number | undefined): number | undefined =>
    isCount(value) ? Math.round(Math.min(value, 100) * 10) / 10 : undefined;
  const failRate = percent(dora.changeFailRatePercent);
  put('change-fail-rate', failRate, measured(`${failRate}% of deployments failed or caused an incident`));
  const rework = percent(dora.reworkRatePercent);
  put('rework-rate', rework, measured(`${rework}% of deployments were unplanned fixes`));
  for (const answer of measureAnswers(facts.flow)) put(answer.questionId, answer.value, answer.note);
  return { answers, notes };
}
