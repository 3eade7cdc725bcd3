import { and, desc, eq, max } from 'drizzle-orm';
import type {
  AppliedAssessmentRights,
  Assessment,
  AssessmentComparisonView,
  AssessmentPrefill,
  AssessmentSummary,
  AssessmentVariant,
  Questionnaire,
} from '../../contract';
import type { Database } from '../../db/client';
import { assessments, memberships, users, workspaces } from '../../db/schema';
import {
  AREA_LABELS,
  AREAS,
  type AssessmentReport,
  applyDecisionRightsChanges,
  assessSetup,
  compareAssessments,
  impliedDecisionRights,
  listQuestions,
  prefillAnswers,
  QUESTIONNAIRE_VERSION,
  renderComparisonMarkdown,
  renderHtml,
  renderJson,
  renderMarkdown,
  SEVERITIES,
  type Severity,
  validateAnswers,
  type WorkspaceFacts,
} from '../../domain/assessment';
import { DECISIONS, type DecisionMatrix, findMatrixProblems, ROLES } from '../../domain/decision-rights';
import { AppError, notFound } from '../errors';
import { type Actor, requireDecision, requireFounder } from '../policies/access';
import { recordDecision } from './decision-log';

type Row = typeof assessments.$inferSelect;

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

const DORA_PREFILLS = new Set([
  'deploy-frequency',
  'lead-time',
  'change-fail-rate',
  'recovery-time',
  'rework-rate',
]);

/**
 * Prefills the questionnaire from what the workspace knows: the answers of the latest
 * assessment as a starting point, overridden by today's team (members with their roles and FTE
 * give the head counts, the senior technical role and product leadership). DORA measures stay
 * unknown: Headway records no deploy or incident events yet, and guessing them would hide the
 * question the founder most needs to answer.
 * @param options.variant which questions to prefill
 * @returns the answers, where each came from, and the prefillable questions left unknown
 */
export async function prefillAssessment(
  db: Database,
  actor: Actor,
  options: { variant: AssessmentVariant },
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
  const facts = prefillAnswers(team);
  const today = `${members.length} member${members.length === 1 ? '' : 's'} today`;
  for (const [id, value] of Object.entries(facts.answers)) {
    if (!inUse.has(id)) continue;
    answers[id] = value as AssessmentPrefill['answers'][string];
    const note =
      team.headcounts && (id === 'developers' || id === 'tech-leads')
        ? 'from the developers’ FTE, counting those with a tech-lead skill as tech leads'
        : (facts.notes[id] ?? 'from the workspace');
    sources[id] = `${note} (${today})`;
  }

  const unknown = questions
    .filter((q) => q.prefill !== undefined && answers[q.id] === undefined)
    .map((q) => ({
      questionId: q.id,
      reason: DORA_PREFILLS.has(q.id)
        ? 'no deploy or incident events recorded in Headway yet: answer from your own figures'
        : 'the team members do not tell this yet: answer it yourself',
    }));
  return { variant: options.variant, answers, sources, unknown };
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

function countFindings(report: AssessmentReport): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of report.findings) counts[f.severity] += 1;
  return counts;
}

function summarise(row: Row, createdByName: string | null): AssessmentSummary {
  const report = row.report as unknown as AssessmentReport;
  return {
    id: row.id,
    number: row.number,
    variant: row.variant as AssessmentVariant,
    questionnaireVersion: row.questionnaireVersion,
    doraYear: row.doraYear,
    overall: report.scores.overall,
    band: report.scores.band,
    findings: countFindings(report),
    createdBy: row.createdBy,
    createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}

function present(row: Row, createdByName: string | null): Assessment {
  const report = row.report as unknown as AssessmentReport;
  return {
    ...summarise(row, createdByName),
    // Stored as JSON, so the engine's readonly arrays are plain arrays here.
    report: report as Assessment['report'],
    impliedDecisionRights: impliedDecisionRights(report.plan),
  };
}

/**
 * Runs a new assessment and stores it as the workspace's next number. Recording how the company
 * is set up is part of the team decision (founder by default), because its growth plan proposes
 * hires and who decides what; every member may read the result.
 * @param input.variant short or full questionnaire
 * @param input.answers raw answers keyed by question id; every bad one is listed in a 400
 * @param input.doraYear the DORA report year to benchmark against (default: the engine's)
 * @returns the stored assessment with its report
 */
export async function createAssessment(
  db: Database,
  actor: Actor,
  input: { variant: AssessmentVariant; answers: Record<string, unknown>; doraYear?: number | undefined },
): Promise<Assessment> {
  await requireDecision(db, actor, 'team');
  const short = input.variant === 'short';
  const check = validateAnswers(input.answers, { short });
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
    short,
    company: actor.workspaceName,
    ...(input.doraYear === undefined ? {} : { doraYear: input.doraYear }),
  });
  const row = await db.transaction(async (tx) => {
    // Locking the workspace row serialises numbering between concurrent assessments.
    await tx
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.id, actor.workspaceId))
      .for('update');
    const [last] = await tx
      .select({ number: max(assessments.number) })
      .from(assessments)
      .where(eq(assessments.workspaceId, actor.workspaceId));
    const [inserted] = await tx
      .insert(assessments)
      .values({
        workspaceId: actor.workspaceId,
        number: (last?.number ?? 0) + 1,
        questionnaireVersion: QUESTIONNAIRE_VERSION,
        variant: input.variant,
        doraYear: report.dora.selectedYear,
        answers: check.answers,
        report: report as unknown as Record<string, unknown>,
        createdBy: actor.userId,
      })
      .returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  });
  const [me] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  return { ...present(row, me?.name ?? null), ignored: check.ignored };
}

async function loadRows(db: Database, workspaceId: string, number?: number) {
  const where =
    number === undefined
      ? eq(assessments.workspaceId, workspaceId)
      : and(eq(assessments.workspaceId, workspaceId), eq(assessments.number, number));
  return db
    .select({ row: assessments, createdByName: users.name })
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.createdBy))
    .where(where)
    .orderBy(desc(assessments.number));
}

/**
 * The workspace's assessments, newest first, without their reports.
 * @returns one summary per assessment
 */
export async function findAssessments(db: Database, actor: Actor): Promise<AssessmentSummary[]> {
  const rows = await loadRows(db, actor.workspaceId);
  return rows.map((r) => summarise(r.row, r.createdByName));
}

/**
 * One assessment of the actor's workspace, or 404 (also for another workspace's number).
 * @returns the assessment with its report and the decision-rights changes its plan implies
 */
export async function getAssessment(db: Database, actor: Actor, number: number): Promise<Assessment> {
  const [found] = await loadRows(db, actor.workspaceId, number);
  if (!found) throw notFound(`Assessment #${number}`);
  return present(found.row, found.createdByName);
}

/**
 * Renders a stored report as a document.
 * @param options.format md (Markdown), html (standalone and print-ready) or json
 * @returns the text and its content type
 */
export async function renderAssessment(
  db: Database,
  actor: Actor,
  options: { number: number; format: 'md' | 'html' | 'json' },
): Promise<{ text: string; contentType: string }> {
  const { report } = await getAssessment(db, actor, options.number);
  switch (options.format) {
    case 'md':
      return { text: renderMarkdown(report), contentType: 'text/markdown; charset=utf-8' };
    case 'html':
      return { text: renderHtml(report), contentType: 'text/html; charset=utf-8' };
    case 'json':
      return { text: renderJson(report), contentType: 'application/json; charset=utf-8' };
  }
}

/**
 * Compares two assessments of the workspace: findings closed, opened and persisting, score
 * deltas per area and overall, DORA tiers per report year and hiring triggers that changed.
 * @param options.from the earlier assessment's number
 * @param options.to the later assessment's number
 * @returns the comparison, with a Markdown rendering
 */
export async function compareAssessmentNumbers(
  db: Database,
  actor: Actor,
  options: { from: number; to: number },
): Promise<AssessmentComparisonView> {
  const before = await getAssessment(db, actor, options.from);
  const after = await getAssessment(db, actor, options.to);
  const comparison = compareAssessments({ before: before.report, after: after.report });
  const { report: _b, impliedDecisionRights: _bi, ...from } = before;
  const { report: _a, impliedDecisionRights: _ai, ...to } = after;
  return { from, to, ...comparison, markdown: renderComparisonMarkdown(comparison) };
}

/**
 * Applies the decision-rights changes an assessment's growth plan implies to the workspace
 * matrix, as one reviewed change (founder only, like any change of who decides what). The
 * version the founder reviewed must still be current; the result must keep exactly one A per
 * decision; the change is recorded in the decision log with the assessment number.
 * @param options.number the assessment whose plan is applied
 * @param options.version the decision-rights version the founder reviewed
 * @param options.preview true to compute the diff without applying it
 * @returns the changed cells (before → after, with the plan action behind each), the changes
 *   skipped, the resulting matrix and the version after the call
 */
export async function applyAssessmentDecisionRights(
  db: Database,
  actor: Actor,
  options: { number: number; version: number; rationale?: string | undefined; preview: boolean },
): Promise<AppliedAssessmentRights> {
  requireFounder(actor, 'change who decides what');
  const assessment = await getAssessment(db, actor, options.number);
  if (options.version !== actor.matrixVersion) {
    throw staleRights(actor.matrixVersion);
  }
  const implied = assessment.impliedDecisionRights;
  const { matrix, skipped } = applyDecisionRightsChanges({ matrix: actor.matrix, changes: implied });
  const problems = findMatrixProblems(matrix);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      `The resulting matrix is refused: ${problems.map((p) => `${p.decision}: ${p.message}`).join('; ')}`,
      { details: { problems } },
    );
  }
  const changes = diffMatrices(actor.matrix, matrix, implied);
  const result = {
    assessmentNumber: options.number,
    preview: options.preview,
    applied: false,
    version: actor.matrixVersion,
    changes,
    skipped,
    matrix,
  };
  if (options.preview || changes.length === 0) return result;

  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(workspaces)
      .set({ decisionRights: matrix, decisionRightsVersion: options.version + 1 })
      .where(and(eq(workspaces.id, actor.workspaceId), eq(workspaces.decisionRightsVersion, options.version)))
      .returning({ id: workspaces.id });
    if (!row) throw staleRights(options.version + 1);
    await recordDecision(tx, {
      workspaceId: actor.workspaceId,
      decision: 'team',
      actorId: actor.userId,
      summary: `Applied the decision rights of assessment #${options.number} (${changes.length} cell${changes.length === 1 ? '' : 's'})`,
      rationale: options.rationale,
      details: {
        assessmentNumber: options.number,
        assessmentId: assessment.id,
        versionBefore: options.version,
        versionAfter: options.version + 1,
        changes,
        skipped,
      },
    });
  });
  return { ...result, applied: true, version: options.version + 1 };
}

function staleRights(current: number): AppError {
  return new AppError(
    'version_conflict',
    `Someone changed the decision rights since you reviewed them (now version ${current}): preview again and reapply`,
    { details: { currentVersion: current } },
  );
}

/** Every cell that differs, with the plan action that set it (null for a demoted A). */
function diffMatrices(
  before: DecisionMatrix,
  after: DecisionMatrix,
  implied: readonly { decision: string; role: string; actionId: string }[],
): AppliedAssessmentRights['changes'] {
  return DECISIONS.flatMap((decision) =>
    ROLES.flatMap((role) => {
      const was = before[decision][role];
      const now = after[decision][role];
      if (was === now) return [];
      const cause = implied.find((c) => c.decision === decision && c.role === role);
      return [{ decision, role, before: was, after: now, actionId: cause?.actionId ?? null }];
    }),
  );
}
