/**
 * Published assessment links and the leads they bring in. A link's address carries a random
 * secret (256 bits) of which only the SHA-256 is kept, as for calendar feeds: it is shown once,
 * and answers 404 once revoked. Publishing speaks for the product function to prospects, so it
 * is held like the roadmap decision (the CPO accountable; founder, CTPO and product manager
 * responsible, by default); every member may read the links and the leads.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import {
  type AssessmentLead,
  type AssessmentLink,
  AssessmentReportSchema,
  type CreateAssessmentLink,
  type CreatedAssessmentLink,
  LIMITS,
} from '../../contract';
import type { Database } from '../../db/client';
import { assessmentLeads, assessmentLinks, users } from '../../db/schema';
import { createSecret, hashSecret } from '../auth/secrets';
import { AppError, notFound } from '../errors';
import { type Actor, isUuid, requireDecision } from '../policies/access';
import { type CommandContext, inTransaction } from './context';

/** The prefix of a link secret, so a leaked one is recognisable. */
const LINK_PREFIX = 'hwa';
/** What a link secret looks like: the prefix and 32 random bytes in base64url. */
export const LINK_SECRET = /^hwa_[A-Za-z0-9_-]{43}$/;
/** The decision that publishing and revoking links, and deleting leads, belongs to. */
const PUBLISHING = 'roadmap';

/** The public page of a link on this server. */
export function assessmentLinkPath(token: string): string {
  return `/a/${token}`;
}

/**
 * Publishes a new assessment link of the actor's workspace; the secret is returned once.
 * @throws AppError `decision_not_yours` without the roadmap decision; `conflict` when the
 *   workspace already keeps LIMITS.assessmentLinksPerWorkspace open links.
 */
export async function createAssessmentLink(
  ctx: CommandContext,
  input: CreateAssessmentLink,
): Promise<CreatedAssessmentLink> {
  await requireDecision(ctx.db, ctx.actor, PUBLISHING);
  return inTransaction(ctx, async ({ db, actor }) => {
    const [open] = await db
      .select({ n: count() })
      .from(assessmentLinks)
      .where(and(eq(assessmentLinks.workspaceId, actor.workspaceId), isNull(assessmentLinks.revokedAt)));
    if ((open?.n ?? 0) >= LIMITS.assessmentLinksPerWorkspace) {
      throw new AppError(
        'conflict',
        `This workspace already has ${LIMITS.assessmentLinksPerWorkspace} published assessment links: revoke one you no longer use first`,
      );
    }
    const token = createSecret(LINK_PREFIX);
    const [row] = await db
      .insert(assessmentLinks)
      .values({
        workspaceId: actor.workspaceId,
        name: input.name,
        tokenHash: hashSecret(token),
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const [me] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    return {
      id: row.id,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
      createdByName: me?.name ?? null,
      leads: 0,
      token,
      path: assessmentLinkPath(token),
    };
  });
}

/** The workspace's links that are not revoked, newest first, with how many leads each brought. */
export async function findAssessmentLinks(db: Database, actor: Actor): Promise<AssessmentLink[]> {
  const rows = await db
    .select({
      id: assessmentLinks.id,
      name: assessmentLinks.name,
      createdAt: assessmentLinks.createdAt,
      createdByName: users.name,
      leads: count(assessmentLeads.id),
    })
    .from(assessmentLinks)
    .leftJoin(users, eq(users.id, assessmentLinks.createdBy))
    .leftJoin(assessmentLeads, eq(assessmentLeads.linkId, assessmentLinks.id))
    .where(and(eq(assessmentLinks.workspaceId, actor.workspaceId), isNull(assessmentLinks.revokedAt)))
    .groupBy(assessmentLinks.id, users.name)
    .orderBy(desc(assessmentLinks.createdAt), desc(assessmentLinks.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * Revokes a link of the actor's workspace; its page and its API answer 404 from then on. The
 * leads it brought stay.
 * @throws AppError `not_found` for another workspace's link, an unknown one or one already revoked.
 */
export async function revokeAssessmentLink(ctx: CommandContext, input: { linkId: string }): Promise<void> {
  if (!isUuid(input.linkId)) throw notFound('Assessment link');
  await requireDecision(ctx.db, ctx.actor, PUBLISHING);
  await inTransaction(ctx, async ({ db, actor }) => {
    const revoked = await db
      .update(assessmentLinks)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(assessmentLinks.id, input.linkId),
          eq(assessmentLinks.workspaceId, actor.workspaceId),
          isNull(assessmentLinks.revokedAt),
        ),
      )
      .returning({ id: assessmentLinks.id });
    if (revoked.length === 0) throw notFound('Assessment link');
  });
}

/** The band and findings of a stored report, or nothing when it cannot be read. */
function summariseReport(stored: unknown): { band: string | null; findings: number } {
  const parsed = AssessmentReportSchema.safeParse(stored);
  if (!parsed.success) return { band: null, findings: 0 };
  return { band: parsed.data.scores.band, findings: parsed.data.findings.length };
}

/** The workspace's leads, newest first: who, through which link, their answers and score. */
export async function findAssessmentLeads(db: Database, actor: Actor): Promise<AssessmentLead[]> {
  const rows = await db
    .select({ lead: assessmentLeads, linkName: assessmentLinks.name })
    .from(assessmentLeads)
    .leftJoin(assessmentLinks, eq(assessmentLinks.id, assessmentLeads.linkId))
    .where(eq(assessmentLeads.workspaceId, actor.workspaceId))
    .orderBy(desc(assessmentLeads.createdAt), desc(assessmentLeads.id))
    .limit(LIMITS.pageSizeMax);
  return rows.map(({ lead, linkName }) => ({
    id: lead.id,
    email: lead.email,
    name: lead.name,
    company: lead.company,
    linkName,
    answers: lead.answers as AssessmentLead['answers'],
    overall: lead.overall,
    ...summariseReport(lead.report),
    createdAt: lead.createdAt.toISOString(),
  }));
}

/**
 * Deletes a lead, e.g. when the visitor asks to be forgotten (the roadmap decision, as publishing).
 * @throws AppError `not_found` for another workspace's lead or an unknown one.
 */
export async function deleteAssessmentLead(ctx: CommandContext, input: { leadId: string }): Promise<void> {
  if (!isUuid(input.leadId)) throw notFound('Lead');
  await requireDecision(ctx.db, ctx.actor, PUBLISHING);
  await inTransaction(ctx, async ({ db, actor }) => {
    const deleted = await db
      .delete(assessmentLeads)
      .where(and(eq(assessmentLeads.id, input.leadId), eq(assessmentLeads.workspaceId, actor.workspaceId)))
      .returning({ id: assessmentLeads.id });
    if (deleted.length === 0) throw notFound('Lead');
  });
}
