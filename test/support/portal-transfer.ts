import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { evidence, items, portalSubmissions, workspacePortals } from '../../src/db/schema';

/**
 * Beside the filler's published portal and approved note: an approved follow, an approved vote
 * with the evidence it became, a pending idea, and an unverified and a rejected submission (with
 * a verification hash each) that never travel.
 */
export async function addPortalVisitors(db: Database, ws: string, itemId: string) {
  const at = (t: string) => new Date(`2026-03-0${t}Z`);
  const [vote] = await db
    .insert(evidence)
    .values({
      workspaceId: ws,
      itemId,
      sourceType: 'portal',
      requesterEmail: 'vic@acme.com',
      body: 'Voted on the portal',
      importance: 1,
      givenAt: at('6T10:00:00.000'),
      createdAt: at('6T10:00:00.000'),
    })
    .returning({ id: evidence.id });
  const base = { workspaceId: ws, tokenExpiresAt: at('9T00:00:00.000') };
  await db.insert(portalSubmissions).values([
    {
      ...base,
      kind: 'follow',
      itemId,
      email: 'lee@acme.com',
      status: 'approved',
      verifiedAt: at('5T09:00:00.000'),
      createdAt: at('5T08:00:00.000'),
    },
    {
      ...base,
      kind: 'vote',
      itemId,
      importance: 1,
      email: 'vic@acme.com',
      status: 'approved',
      verifiedAt: at('5T09:30:00.000'),
      moderatedAt: at('6T10:00:00.000'),
      evidenceId: vote?.id ?? null,
      version: 2,
      createdAt: at('5T09:10:00.000'),
    },
    {
      ...base,
      kind: 'idea',
      title: 'Dark mode',
      body: 'For the night shift, please',
      importance: 0,
      email: 'nia@acme.com',
      status: 'pending',
      verifiedAt: at('7T12:00:00.000'),
      createdAt: at('7T11:00:00.000'),
    },
    { ...base, kind: 'follow', itemId, email: 'una@acme.com', tokenHash: 'portal-unverified-hash' },
    {
      ...base,
      kind: 'idea',
      title: 'Spam',
      body: 'Spam',
      importance: 3,
      email: 'rex@acme.com',
      status: 'rejected',
      tokenHash: 'portal-rejected-hash',
    },
  ]);
}

/** A workspace's portal setting and its submissions, as rows to compare (items by number). */
export async function portalOf(db: Database, ws: string) {
  const setting = await db
    .select({ slug: workspacePortals.slug, published: workspacePortals.published })
    .from(workspacePortals)
    .where(eq(workspacePortals.workspaceId, ws));
  const rows = await db
    .select({
      kind: portalSubmissions.kind,
      item: items.number,
      title: portalSubmissions.title,
      body: portalSubmissions.body,
      importance: portalSubmissions.importance,
      email: portalSubmissions.email,
      status: portalSubmissions.status,
      tokenHash: portalSubmissions.tokenHash,
      evidence: evidence.body,
      evidenceWorkspace: evidence.workspaceId,
      version: portalSubmissions.version,
      createdAt: portalSubmissions.createdAt,
      verifiedAt: portalSubmissions.verifiedAt,
      moderatedAt: portalSubmissions.moderatedAt,
    })
    .from(portalSubmissions)
    .leftJoin(items, eq(items.id, portalSubmissions.itemId))
    .leftJoin(evidence, eq(evidence.id, portalSubmissions.evidenceId))
    .where(eq(portalSubmissions.workspaceId, ws))
    .orderBy(portalSubmissions.createdAt);
  return { setting, rows };
}
