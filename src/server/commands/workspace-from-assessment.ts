/**
 * A new workspace started from an assessment, e.g. by a visitor who took a published one: the
 * decision rights its growth plan implies, the assessment itself as #1, and an invitation link
 * for each person its answers describe, so the team can join in the roles it already has.
 */
import type { CreatedWorkspace } from '../../contract';
import type { Database } from '../../db/client';
import { assessments, invitations, memberships, workspaces } from '../../db/schema';
import {
  type Answers,
  applyDecisionRightsChanges,
  impliedDecisionRights,
  QUESTIONNAIRE_VERSION,
} from '../../domain/assessment';
import {
  DECISIONS,
  type DecisionMatrix,
  defaultDecisionMatrix,
  findMatrixProblems,
  ROLES,
  type Role,
} from '../../domain/decision-rights';
import { MS_PER_DAY } from '../../domain/shared';
import { createSecret, hashSecret } from '../auth/secrets';
import { assessShortAnswers } from './assessment-answers';
import { recordDecision } from './decision-log';
import { seedWorkflow } from './workflow-states';
import { slugFor } from './workspaces';

const INVITATION_DAYS = 14;
/** The most invitation links one assessment makes; a larger team is invited from the team page. */
const MAX_SEATS = 30;

interface Seat {
  role: Role;
  fte: number;
}

/** `n` people of a role from a head count in FTE: whole people, then one part-time for the rest. */
function seatsOf(role: Role, value: Answers[string] | undefined): Seat[] {
  if (typeof value !== 'number' || value <= 0) return [];
  const whole = Math.floor(value);
  const rest = Math.round((value - whole) * 100) / 100;
  return [
    ...Array.from({ length: whole }, () => ({ role, fte: 1 })),
    ...(rest > 0 ? [{ role, fte: rest }] : []),
  ];
}

/**
 * The people an assessment's answers describe, besides the founder who creates the workspace:
 * the senior technical person and product leader in their roles (fractional ones at 0.2 FTE),
 * tech leads and developers as developers, designers and product managers by their head counts.
 * @returns at most MAX_SEATS seats, leaders first
 */
export function describeTeam(answers: Answers): Seat[] {
  const leaders: Seat[] = [];
  const tech = answers['senior-tech'];
  if (tech === 'cto') leaders.push({ role: 'cto', fte: 1 });
  if (tech === 'fractional-cto') leaders.push({ role: 'cto', fte: 0.2 });
  if (tech === 'ctpo') leaders.push({ role: 'ctpo', fte: 1 });
  const product = answers['product-leadership'];
  if (product === 'full-time') leaders.push({ role: 'cpo', fte: 1 });
  if (product === 'fractional-cpo') leaders.push({ role: 'cpo', fte: 0.2 });
  if (product === 'ctpo' && tech !== 'ctpo') leaders.push({ role: 'ctpo', fte: 1 });
  return [
    ...leaders,
    ...seatsOf('product_manager', answers['product-managers']),
    ...seatsOf('designer', answers.designers),
    ...seatsOf('developer', answers['tech-leads']),
    ...seatsOf('developer', answers.developers),
  ].slice(0, MAX_SEATS);
}

/** How many cells differ between two matrices. */
function countChanges(before: DecisionMatrix, after: DecisionMatrix): number {
  return DECISIONS.reduce(
    (sum, decision) => sum + ROLES.filter((role) => before[decision][role] !== after[decision][role]).length,
    0,
  );
}

/**
 * Creates a workspace from answers to the short questionnaire, in one transaction: the caller is
 * its founder; the decision rights are the defaults with the growth plan's implied changes applied
 * (the defaults when the result would not hold); the assessment is stored as #1; each person the
 * answers describe gets an invitation link in their role.
 * @param input.name the workspace's name (also the report's company)
 * @param input.answers the raw answers; every bad one is named in a 400 and nothing is created
 * @returns the workspace, with the invitation links (shown once) and what was prefilled
 */
export async function createWorkspaceFromAssessment(
  db: Database,
  userId: string,
  input: { name: string; answers: Record<string, unknown> },
): Promise<CreatedWorkspace> {
  const { answers, report } = assessShortAnswers({ answers: input.answers, company: input.name });
  const defaults = defaultDecisionMatrix();
  const applied = applyDecisionRightsChanges({
    matrix: defaults,
    changes: impliedDecisionRights(report.plan),
  });
  const matrix = findMatrixProblems(applied.matrix).length === 0 ? applied.matrix : defaults;
  const seats = describeTeam(answers);
  return db.transaction(async (tx) => {
    const [ws] = await tx
      .insert(workspaces)
      .values({ name: input.name, slug: slugFor(input.name), decisionRights: matrix })
      .returning();
    if (!ws) throw new Error('insert returned no row');
    await seedWorkflow(tx as unknown as Database, ws.id);
    await tx.insert(memberships).values({ workspaceId: ws.id, userId, role: 'founder', fte: 1, skills: [] });
    await tx.insert(assessments).values({
      workspaceId: ws.id,
      number: 1,
      questionnaireVersion: QUESTIONNAIRE_VERSION,
      variant: 'short',
      doraYear: report.dora.selectedYear,
      answers: answers as Record<string, unknown>,
      report: report as unknown as Record<string, unknown>,
      createdBy: userId,
    });
    const rightsChanged = countChanges(defaults, matrix);
    if (rightsChanged > 0) {
      await recordDecision(tx as unknown as Database, {
        workspaceId: ws.id,
        decision: 'team',
        actorId: userId,
        summary: `Started with the decision rights of assessment #1 (${rightsChanged} cell${rightsChanged === 1 ? '' : 's'})`,
        details: { assessmentNumber: 1, changes: rightsChanged },
      });
    }
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * MS_PER_DAY);
    const links = seats.map((seat) => ({ ...seat, token: createSecret('hwi') }));
    if (links.length > 0) {
      await tx.insert(invitations).values(
        links.map((l) => ({
          workspaceId: ws.id,
          tokenHash: hashSecret(l.token),
          role: l.role,
          fte: l.fte,
          skills: [],
          createdBy: userId,
          expiresAt,
        })),
      );
    }
    return {
      id: ws.id,
      name: ws.name,
      slug: ws.slug,
      role: 'founder',
      createdAt: ws.createdAt.toISOString(),
      fromAssessment: {
        assessmentNumber: 1,
        rightsChanged,
        invitations: links.map((l) => ({ role: l.role, fte: l.fte, path: `/join/${l.token}` })),
      },
    };
  });
}
