/**
 * The ideas portal in Headway JSON: its address and whether it is published, and what its
 * visitors sent that the workspace keeps (approved and pending submissions), so the evidence of
 * followers and voters moves with the workspace. Unverified submissions (only the hash of a
 * verification secret, soon expired) and rejected ones stay behind; no secret or hash travels.
 * The addresses that stopped the portal's notices travel too, so moving a workspace never starts
 * them again. The notices already sent do not (their keys name this server's decision log).
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { HeadwayExport } from '../../contract';
import type { Database } from '../../db/client';
import { portalOptOuts, portalSubmissions, workspacePortals } from '../../db/schema';
import { batchesOf, type ImportBatch } from './transfer-batches';

type PortalTables = Pick<HeadwayExport, 'portal' | 'portalSubmissions' | 'portalOptOuts'>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Reads a workspace's portal and its approved and pending submissions, ordered by content.
 * @param num an item's number in the file, by its id
 * @param evidenceIndex a note's index in the file's `evidence`, by its id
 */
export async function exportPortal(
  db: Database,
  workspaceId: string,
  num: (id: string | null) => number | null,
  evidenceIndex: Map<string, number>,
): Promise<PortalTables> {
  const [portal] = await db
    .select({ slug: workspacePortals.slug, published: workspacePortals.published })
    .from(workspacePortals)
    .where(eq(workspacePortals.workspaceId, workspaceId));
  const rows = await db
    .select({
      kind: portalSubmissions.kind,
      itemId: portalSubmissions.itemId,
      title: portalSubmissions.title,
      body: portalSubmissions.body,
      importance: portalSubmissions.importance,
      email: portalSubmissions.email,
      status: portalSubmissions.status,
      evidenceId: portalSubmissions.evidenceId,
      version: portalSubmissions.version,
      createdAt: portalSubmissions.createdAt,
      verifiedAt: portalSubmissions.verifiedAt,
      moderatedAt: portalSubmissions.moderatedAt,
    })
    .from(portalSubmissions)
    .where(
      and(
        eq(portalSubmissions.workspaceId, workspaceId),
        inArray(portalSubmissions.status, ['pending', 'approved']),
      ),
    )
    .orderBy(asc(portalSubmissions.createdAt), asc(portalSubmissions.email), asc(portalSubmissions.kind));
  const submissions = rows.flatMap((r) => {
    const item = num(r.itemId);
    // Only a new idea waiting for approval has no idea yet.
    if (item === null && r.kind !== 'idea') return [];
    const status = r.status === 'approved' ? ('approved' as const) : ('pending' as const);
    return [
      {
        kind: r.kind,
        item,
        title: r.title,
        body: r.body,
        importance: r.importance,
        email: r.email,
        status,
        evidence: r.evidenceId ? (evidenceIndex.get(r.evidenceId) ?? null) : null,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        verifiedAt: iso(r.verifiedAt),
        moderatedAt: iso(r.moderatedAt),
      },
    ];
  });
  const optOuts = await db
    .select({ email: portalOptOuts.email, createdAt: portalOptOuts.createdAt })
    .from(portalOptOuts)
    .where(eq(portalOptOuts.workspaceId, workspaceId))
    .orderBy(asc(portalOptOuts.email));
  return {
    portal: portal ?? null,
    portalSubmissions: submissions,
    portalOptOuts: optOuts.map((o) => ({ email: o.email, createdAt: o.createdAt.toISOString() })),
  };
}

/** What the portal's import needs from the rest of the import. */
export interface PortalImportContext {
  workspaceId: string;
  itemId: (n: number | null) => string | null;
  /** The id of the note at an index of the file's `evidence`. */
  evidenceId: (index: number) => string | undefined;
  importerId: string | null;
  /** Adds a line to the import's warnings. */
  warn: (message: string) => void;
}

/** An address of the form `<slug>-<6 hex>`, within the 48 characters a portal address may have. */
function freshSlug(slug: string): string {
  return `${slug.slice(0, 41).replace(/-+$/, '')}-${randomBytes(3).toString('hex')}`;
}

/**
 * Plans the portal's rows, written after the evidence they link to. A portal whose address is
 * taken on this server is kept unpublished at a fresh address, and a warning says so.
 * @returns the batches to write
 */
export function planPortal(doc: HeadwayExport, ctx: PortalImportContext): ImportBatch[] {
  const { workspaceId, itemId } = ctx;
  const { portal } = doc;
  const setting: ImportBatch[] = portal
    ? [
        {
          rows: 1,
          write: async (tx) => {
            const row = { workspaceId, updatedBy: ctx.importerId, ...portal };
            const kept = await tx
              .insert(workspacePortals)
              .values(row)
              .onConflictDoNothing()
              .returning({ slug: workspacePortals.slug });
            if (kept.length > 0) return;
            const slug = freshSlug(portal.slug);
            await tx.insert(workspacePortals).values({ ...row, slug, published: false });
            ctx.warn(
              `portal: the address "${portal.slug}" is taken on this server, so the portal was imported unpublished at "${slug}"; choose its address and publish it from the Ideas page`,
            );
          },
        },
      ]
    : [];
  const rows = doc.portalSubmissions.map((p) => ({
    workspaceId,
    kind: p.kind,
    itemId: itemId(p.item),
    title: p.title,
    body: p.body,
    importance: p.importance,
    email: p.email,
    status: p.status,
    tokenHash: null,
    // The verification link was used (or never imported): it has expired.
    tokenExpiresAt: new Date(p.verifiedAt ?? p.createdAt),
    verifiedAt: p.verifiedAt ? new Date(p.verifiedAt) : null,
    moderatedAt: p.moderatedAt ? new Date(p.moderatedAt) : null,
    evidenceId: p.evidence === null ? null : (ctx.evidenceId(p.evidence) ?? null),
    version: p.version,
    createdAt: new Date(p.createdAt),
  }));
  // Lower-cased as the portal keeps them; an address given twice in a file stays out once.
  const optOuts = [...new Map(doc.portalOptOuts.map((o) => [o.email.toLowerCase(), o])).entries()].map(
    ([email, o]) => ({ workspaceId, email, createdAt: new Date(o.createdAt) }),
  );
  return [
    ...setting,
    ...batchesOf(rows, (tx, part) => tx.insert(portalSubmissions).values(part)),
    ...batchesOf(optOuts, (tx, part) => tx.insert(portalOptOuts).values(part)),
  ];
}
