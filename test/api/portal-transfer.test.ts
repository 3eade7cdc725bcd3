/**
 * The ideas portal in a Headway JSON import through the API: a portal whose address is free here
 * is published as the file says; one whose address is taken is kept unpublished, at another
 * address, and the answer (or the background job) says so.
 */
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadwayExport, ImportJob, ImportResult } from '../../src/contract';
import { portalSubmissions, workspacePortals, workspaces } from '../../src/db/schema';
import { createApp } from '../../src/server/app';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { buildImportFile } from '../support/import-file';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const SLUG = `ideas-${Date.now().toString(36)}`;

/** A file with a published portal at SLUG, a pending idea and an approved follow of item #1. */
function fileWithPortal(importer: string, name: string): HeadwayExport {
  return {
    ...buildImportFile({ importer, named: `n.${Date.now()}@example.com`, name }),
    portal: { slug: SLUG, published: true },
    portalSubmissions: [
      {
        kind: 'idea',
        item: null,
        title: 'Dark mode',
        body: 'For the night shift',
        importance: 1,
        email: 'nia@acme.com',
        status: 'pending',
        evidence: null,
        version: 1,
        createdAt: '2026-01-06T10:00:00.000Z',
        verifiedAt: '2026-01-06T10:05:00.000Z',
        moderatedAt: null,
      },
      {
        kind: 'follow',
        item: 1,
        title: null,
        body: null,
        importance: null,
        email: 'lee@acme.com',
        status: 'approved',
        evidence: null,
        version: 1,
        createdAt: '2026-01-06T11:00:00.000Z',
        verifiedAt: '2026-01-06T11:01:00.000Z',
        moderatedAt: null,
      },
    ],
  };
}

async function portalOf(ws: string) {
  const { db } = ctx.handle;
  const [setting] = await db
    .select({ slug: workspacePortals.slug, published: workspacePortals.published })
    .from(workspacePortals)
    .where(eq(workspacePortals.workspaceId, ws));
  const kinds = await db
    .select({ kind: portalSubmissions.kind, status: portalSubmissions.status })
    .from(portalSubmissions)
    .where(eq(portalSubmissions.workspaceId, ws))
    .orderBy(portalSubmissions.createdAt);
  return { setting, kinds };
}

describe('the ideas portal in a Headway JSON import', () => {
  it('should publish a free address, and keep a taken one unpublished with a warning, in the background too', async () => {
    const founder = new TestClient(ctx.app);
    const me = await founder.signUp('Founder');
    const first = await founder.post<ImportResult>(
      '/api/workspaces/import',
      fileWithPortal(me.email, 'First'),
    );
    expect(first.status).toBe(201);
    expect(first.body.warnings).toEqual([]);
    expect(await portalOf(first.body.id)).toEqual({
      setting: { slug: SLUG, published: true },
      kinds: [
        { kind: 'idea', status: 'pending' },
        { kind: 'follow', status: 'approved' },
      ],
    });

    const again = await founder.post<ImportResult>(
      '/api/workspaces/import',
      fileWithPortal(me.email, 'Again'),
    );
    expect(again.status).toBe(201);
    const taken = await portalOf(again.body.id);
    expect(taken.setting?.published).toBe(false);
    expect(taken.setting?.slug).toMatch(new RegExp(`^${SLUG}-[0-9a-f]{6}$`));
    expect(again.body.warnings).toEqual([
      `portal: the address "${SLUG}" is taken on this server, so the portal was imported unpublished at "${taken.setting?.slug}"; choose its address and publish it from the Ideas page`,
    ]);
    expect(taken.kinds).toHaveLength(2);

    // A file large enough to be imported in the background: the job keeps the warning.
    const background = new TestClient(
      createApp({
        db: ctx.handle.db,
        logger: pino({ level: 'silent' }),
        imports: { embedded: true, syncBytes: 1000, maxBytes: 200_000 },
      }),
    );
    const other = await background.signUp('Background');
    const started = await background.post<ImportJob>(
      '/api/workspaces/import',
      fileWithPortal(other.email, 'Background'),
    );
    expect(started.status).toBe(202);
    let job = started.body;
    for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await background.get<ImportJob>(`/api/imports/${started.body.id}`)).body;
    }
    expect(job.status).toBe('done');
    const behind = await portalOf(job.workspaceId as string);
    expect(behind.setting?.published).toBe(false);
    expect(job.warnings).toEqual([
      `portal: the address "${SLUG}" is taken on this server, so the portal was imported unpublished at "${behind.setting?.slug}"; choose its address and publish it from the Ideas page`,
    ]);
  });

  it('should refuse a portal submission out of bounds with a 400 naming its field, writing nothing', async () => {
    const founder = new TestClient(ctx.app);
    const me = await founder.signUp('Bounds');
    const file = fileWithPortal(me.email, 'Out of bounds');
    const [idea, follow] = file.portalSubmissions;
    const res = await founder.post<{ error: { message: string } }>('/api/workspaces/import', {
      ...file,
      portal: { slug: 'Not a slug!', published: true },
      portalSubmissions: [
        { ...idea, importance: 2 ** 31, title: 'a\u0000b' },
        { ...follow, email: 'x'.repeat(300), status: 'unverified' },
      ],
    });
    expect(res.status).toBe(400);
    for (const field of [
      'portal.slug',
      'portalSubmissions.0.importance',
      'portalSubmissions.0.title',
      'portalSubmissions.1.email',
      'portalSubmissions.1.status',
    ])
      expect(res.body.error.message).toContain(field);
    const named = await ctx.handle.db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.name, 'Out of bounds'));
    expect(named).toEqual([]);
  });
});
