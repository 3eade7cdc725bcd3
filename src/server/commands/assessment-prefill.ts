/** The questionnaire as data, and answers prefilled from what the workspace already knows. */
import { desc, eq } from 'drizzle-orm';
import type { AssessmentPrefill, AssessmentVariant, Questionnaire } from '../../contract';
import type { Database } from '../../db/client';
import { assessments, memberships } from '../../db/schema';
import {
  AREA_LABELS,
  AREAS,
  listQuestions,
  type MeasuredFlow,
  MIN_MEASURED_ITEMS,
  prefillAnswers,
  QUESTIONNAIRE_VERSION,
  validateAnswers,
  type WorkspaceFacts,
} from '../../domain/assessment';
import type { Actor } from '../policies/access';
import { buildDoraMeasures } from './dora-measures';
import { buildFlowMetrics } from './flow-metrics';

/**
 * The questionnaire as data, for a wizard or another tool to render.
 * @param variant the short or the full questionnaire
 * @returns the version, the five areas and the questions in asking order
 */
export function describeQuestionnaire(variant: AssessmentVariant): Questionnaire {
  return {
    version: QUESTIONNAIRE_VERSION,
    variant,
    areas: AREAS.map((id) => ({ id, label: AREA_LABELS[id] })),
    questions: listQuestions({ short: variant === 'short' }).map((q) => ({
      ...q,
      answer: structuredClone(q.answer) as Questionnaire['questions'][number]['answer'],
    })),
  };
}

/** Why a DORA question stays unknown when delivery events were recorded but do not measure it. */
const DORA_GAPS: Record<string, string> = {
  'deploy-frequency':
    'no successful production deployment recorded in the last 90 days: answer from your own figures',
  'lead-time':
    'no production deployment of the last 90 days listed its commit times: answer from your own figures',
  'change-fail-rate': 'no production deployment recorded in the last 90 days: answer from your own figures',
  'recovery-time': 'no incident resolved in the last 90 days: answer from your own figures',
  'rework-rate':
    'delivery events do not tell unplanned fixes from other deployments: answer from your own figures',
};
const NO_EVENTS =
  'no deployment or incident events recorded in the last 90 days: send them with an ingest token (Delivery page) or answer from your own figures';

/**
 * Prefills the questionnaire from what the workspace knows: the answers of the latest
 * assessment as a starting point, overridden by today's team (members with their roles and FTE
 * give the head counts, the senior technical role and product leadership) and by what the
 * state history measured over the last 90 days (the typical item size, from cycle times, once
 * enough items finished) and by the DORA measures of the same 90 days, when deployment or
 * incident events were recorded. A DORA measure without events stays unknown: guessing it would
 * hide the question the founder most needs to answer.
 * @param options.variant which questions to prefill
 * @returns the answers, where each came from, and the prefillable questions left unknown
 */
export async function prefillAssessment(
  db: Database,
  actor: Actor,
  options: { variant: AssessmentVariant },
  now = new Date(),
): Promise<AssessmentPrefill> {
  const questions = listQuestions({ short: options.variant === 'short' });
  const inUse = new Set(questions.map((q) => q.id));
  const answers: AssessmentPrefill['answers'] = {};
  const sources: Record<string, string> = {};

  const [latest] = await db
    .select({ number: assessments.number, answers: assessments.answers })
    .from(assessments)
    .where(eq(assessments.workspaceId, actor.workspaceId))
    .orderBy(desc(assessments.number))
    .limit(1);
  if (latest) {
    // Re-validated, so an answer the questionnaire no longer accepts is dropped rather than offered.
    const earlier = validateAnswers(latest.answers, { short: options.variant === 'short' }).answers;
    for (const [id, value] of Object.entries(earlier)) {
      answers[id] = value as AssessmentPrefill['answers'][string];
      sources[id] = `your answer in assessment #${latest.number}`;
    }
  }

  const members = await db
    .select({ role: memberships.role, fte: memberships.fte, skills: memberships.skills })
    .from(memberships)
    .where(eq(memberships.workspaceId, actor.workspaceId));
  const team = describeTeam(members);
  const flow = await measureFlow(db, actor.workspaceId, now);
  const dora = await measureDora(db, actor.workspaceId, now);
  const facts = prefillAnswers({ ...team, flow, ...(dora.facts ? { dora: dora.facts } : {}) });
  const today = `${members.length} member${members.length === 1 ? '' : 's'} today`;
  for (const [id, value] of Object.entries(facts.answers)) {
    if (!inUse.has(id)) continue;
    answers[id] = value as AssessmentPrefill['answers'][string];
    const note =
      team.headcounts && (id === 'developers' || id === 'tech-leads')
        ? 'from the developers’ FTE, counting those with a tech-lead skill as tech leads'
        : (facts.notes[id] ?? 'from the workspace');
    // A measurement names its own period; the team's size is today's.
    sources[id] = note.startsWith('measured') ? note : `${note} (${today})`;
  }

  const unknown = questions
    .filter((q) => q.prefill !== undefined && answers[q.id] === undefined)
    .map((q) => {
      const gap = DORA_GAPS[q.id];
      return {
        questionId: q.id,
        reason: gap
          ? dora.facts
            ? gap
            : NO_EVENTS
          : q.prefill === 'item-size'
            ? `fewer than ${MIN_MEASURED_ITEMS} items finished in the last 90 days (${flow.finishedItems}) to measure it: answer it yourself`
            : 'the team members do not tell this yet: answer it yourself',
      };
    });
  return { variant: options.variant, answers, sources, unknown };
}

/**
 * Throughput and cycle times of the last 90 days, from the state history, as the flow metrics
 * measure them.
 */
async function measureFlow(db: Database, workspaceId: string, now: Date): Promise<MeasuredFlow> {
  const metrics = await buildFlowMetrics(db, workspaceId, {}, now);
  const cycle = metrics.cycleTimeDays;
  return {
    from: metrics.from,
    to: metrics.to,
    finishedItems: metrics.throughput.total,
    cycleTimeDays:
      cycle['50'] === null || cycle['85'] === null
        ? null
        : { count: cycle.count, p50: cycle['50'], p85: cycle['85'] },
  };
}

/**
 * The DORA figures of the last 90 days, from the recorded events, as the prefill engine reads
 * them; no facts when the period holds no deployment and no incident.
 */
async function measureDora(
  db: Database,
  workspaceId: string,
  now: Date,
): Promise<{ facts?: WorkspaceFacts['dora'] }> {
  const m = await buildDoraMeasures(db, workspaceId, {}, now);
  const anyEvent = m.changeFailure.deployments > 0 || m.timeToRestore.count > 0 || m.timeToRestore.open > 0;
  if (!anyEvent) return {};
  const facts: NonNullable<WorkspaceFacts['dora']> = { period: { from: m.from, to: m.to } };
  if (m.deploymentFrequency.deployments > 0) facts.deploymentsPerWeek = m.deploymentFrequency.perWeek;
  if (m.leadTime.medianHours !== null) facts.leadTimeHours = m.leadTime.medianHours;
  if (m.changeFailure.rate !== null) facts.changeFailRatePercent = m.changeFailure.rate * 100;
  if (m.timeToRestore.medianHours !== null) facts.recoveryTimeHours = m.timeToRestore.medianHours;
  return { facts };
}

const LEAD_SKILLS = new Set(['tech-lead', 'tech lead', 'techlead', 'lead']);

/**
 * The team facts the engine reads. The questionnaire counts hands-on tech leads apart from the
 * developers, so a developer whose skills name them a tech lead is counted as one, not twice.
 */
function describeTeam(members: readonly { role: string; fte: number; skills: string[] }[]): WorkspaceFacts {
  const developers = members.filter((m) => m.role === 'developer');
  const isLead = (m: { skills: string[] }) => m.skills.some((s) => LEAD_SKILLS.has(s.toLowerCase()));
  if (!developers.some(isLead)) return { members };
  const fte = (list: readonly { fte: number }[]) => Math.round(list.reduce((t, m) => t + m.fte, 0) * 10) / 10;
  return {
    members,
    headcounts: {
      developers: fte(developers.filter((m) => !isLead(m))),
      techLeads: fte(developers.filter(isLead)),
    },
  };
}
