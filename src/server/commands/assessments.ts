import { and, desc, eq, max } from 'drizzle-orm';
import {
  type AppliedAssessmentRights,
  type Assessment,
  type AssessmentComparisonView,
  AssessmentReportSchema,
  type AssessmentSummary,
  type AssessmentVariant,
  describeDocumentProblem,
} from '../../contract';
import type { Database } from '../../db/client';
import { assessments, users, workspaces } from '../../db/schema';
import {
  type AssessmentReport,
  applyDecisionRightsChanges,
  assessSetup,
  compareAssessments,
  impliedDecisionRights,
  QUESTIONNAIRE_VERSION,
  renderComparisonMarkdown,
  renderJson,
  renderMarkdown,
  SEVERITIES,
  type Severity,
  validateAnswers,
} from '../../domain/assessment';
import { DECISIONS, type DecisionMatrix, findMatrixProblems, ROLES } from '../../domain/decision-rights';
import { renderReportHtml } from '../../render/assessment-report-html';
import { AppError, notFound } from '../errors';
import { type Actor, requireDecision, requireFounder } from '../policies/access';
import { importedName } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';
import { loadPlanProgress } from './plan-progress';

type Row = typeof assessments.$inferSelect;

function countFindings(report: AssessmentReport): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of report.findings) counts[f.severity] += 1;
  return counts;
}

/**
 * A stored report checked against the report schema, or why it cannot be read: a report stored
 * by an older version, or by an older import that trusted its file, must not break a page.
 */
function readReport(row: Row): { report: AssessmentReport } | { problem: string } {
  const parsed = AssessmentReportSchema.safeParse(row.report);
  return parsed.success
    ? { report: parsed.data as unknown as AssessmentReport }
    : { problem: describeDocumentProblem('report', parsed.error) };
}

function summarise(row: Row, createdByName: string | null): AssessmentSummary {
  const stored = readReport(row);
  if ('problem' in stored) {
    return {
      id: row.id,
      number: row.number,
      variant: row.variant,
      questionnaireVersion: row.questionnaireVersion,
      doraYear: row.doraYear,
      overall: null,
      band: null,
      findings: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
      createdBy: row.createdBy,
      createdByName,
      createdAt: row.createdAt.toISOString(),
      unreadable: stored.problem,
    };
  }
  const { report } = stored;
  return {
    id: row.id,
    number: row.number,
    variant: row.variant,
    questionnaireVersion: row.questionnaireVersion,
    doraYear: row.doraYear,
    overall: report.scores.overall,
    band: report.scores.band,
    findings: countFindings(report),
    createdBy: row.createdBy,
    createdByName,
    createdAt: row.createdAt.toISOString(),
    unreadable: null,
  };
}

function present(row: Row, createdByName: string | null): Assessment {
  const stored = readReport(row);
  if ('problem' in stored) {
    throw new AppError(
      'conflict',
      `Assessment #${row.number} cannot be read (${stored.problem}): it was stored by an older version; delete it or run a new assessment`,
      { details: { unreadable: stored.problem } },
    );
  }
  const { report } = stored;
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
 * @param ctx the database and the caller
 * @param input.variant short or full questionnaire
 * @param input.answers raw answers keyed by question id; every bad one is listed in a 400
 * @param input.doraYear the DORA report year to benchmark against (default: the engine's)
 * @returns the stored assessment with its report
 */
export async function createAssessment(
  ctx: CommandContext,
  input: { variant: AssessmentVariant; answers: Record<string, unknown>; doraYear?: number | undefined },
): Promise<Assessment> {
  const { db, actor } = ctx;
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
  const row = await inTransaction(ctx, async ({ db: tx }) => {
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

/** The author's name, or the e-mail an imported file gave for them. */
function nameOf(r: { row: Row; createdByName: string | null }): string | null {
  return r.createdByName ?? (r.row.importedCreatedBy ? importedName(r.row.importedCreatedBy) : null);
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
  return rows.map((r) => summarise(r.row, nameOf(r)));
}

/**
 * One assessment of the actor's workspace, or 404 (also for another workspace's number).
 * @returns the assessment with its report and the decision-rights changes its plan implies
 */
export async function getAssessment(db: Database, actor: Actor, number: number): Promise<Assessment> {
  const [found] = await loadRows(db, actor.workspaceId, number);
  if (!found) throw notFound(`Assessment #${number}`);
  return present(found.row, nameOf(found));
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
      return { text: renderReportHtml(report), contentType: 'text/html; charset=utf-8' };
    case 'json':
      return { text: renderJson(report), contentType: 'application/json; charset=utf-8' };
  }
}

/**
 * Deletes an assessment (the team decision, like running one), e.g. one whose stored report can
 * no longer be read. Later assessments keep their numbers; the deletion is logged.
 * @param ctx the database and the caller
 * @param input.number the assessment's number in the caller's workspace
 */
export async function deleteAssessment(ctx: CommandContext, input: { number: number }): Promise<void> {
  const { actor } = ctx;
  const { number } = input;
  await requireDecision(ctx.db, actor, 'team');
  await inTransaction(ctx, async ({ db: tx }) => {
    const [row] = await tx
      .delete(assessments)
      .where(and(eq(assessments.workspaceId, actor.workspaceId), eq(assessments.number, number)))
      .returning({ id: assessments.id, variant: assessments.variant, createdAt: assessments.createdAt });
    if (!row) throw notFound(`Assessment #${number}`);
    await recordDecision(tx, {
      workspaceId: actor.workspaceId,
      decision: 'team',
      actorId: actor.userId,
      summary: `Deleted assessment #${number}`,
      details: { assessmentNumber: number, variant: row.variant, createdAt: row.createdAt.toISOString() },
    });
  });
}

/**
 * Compares two assessments of the workspace: findings closed, opened and persisting, score
 * deltas per area and overall, DORA tiers per report year, hiring triggers that changed, and
 * where each started action of the earlier assessment's growth plan stands.
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
  const startedActions = await loadPlanProgress(db, actor.workspaceId, before);
  const { report: _b, impliedDecisionRights: _bi, ...from } = before;
  const { report: _a, impliedDecisionRights: _ai, ...to } = after;
  return {
    from,
    to,
    ...comparison,
    startedActions,
    markdown: renderComparisonMarkdown(comparison, startedActions),
  };
}

/**
 * Applies the decision-rights changes an assessment's growth plan implies to the workspace
 * matrix, as one reviewed change (founder only, like any change of who decides what). The
 * version the founder reviewed must still be current; the result must keep exactly one A per
 * decision; the change is recorded in the decision log with the assessment number.
 * @param ctx the database and the caller (a founder)
 * @param options.number the assessment whose plan is applied
 * @param options.version the decision-rights version the founder reviewed
 * @param options.preview true to compute the diff without applying it
 * @returns the changed cells (before → after, with the plan action behind each), the changes
 *   skipped, the resulting matrix and the version after the call
 */
export async function applyAssessmentDecisionRights(
  ctx: CommandContext,
  options: { number: number; version: number; rationale?: string | undefined; preview: boolean },
): Promise<AppliedAssessmentRights> {
  const { db, actor } = ctx;
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

  await inTransaction(ctx, async ({ db: tx }) => {
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
  implied: readonly { decision: string; role: string; interimRole?: string; actionId: string }[],
): AppliedAssessmentRights['changes'] {
  return DECISIONS.flatMap((decision) =>
    ROLES.flatMap((role) => {
      const was = before[decision][role];
      const now = after[decision][role];
      if (was === now) return [];
      // An interim holder's cell is set by the change that names it.
      const cause =
        implied.find((c) => c.decision === decision && c.role === role) ??
        implied.find((c) => c.decision === decision && c.interimRole === role);
      return [{ decision, role, before: was, after: now, actionId: cause?.actionId ?? null }];
    }),
  );
}
