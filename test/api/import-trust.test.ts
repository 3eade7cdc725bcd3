/**
 * Importing a Headway JSON file, written as the attacks: a file that names someone else's
 * account, an address its owner has not registered yet, a hostile or malformed document, and a
 * malformed document already stored.
 */
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadwayExport } from '../../src/contract';
import { createApp } from '../../src/server/app';
import { REPORT_CSP } from '../../src/server/routes/assessments.routes';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { buildImportFile, HOSTILE_REPORT } from '../support/import-file';

let ctx: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

type Imported = { id: string; role: string; invitations: { email: string; role: string; path: string }[] };
type Me = { workspaces: { id: string }[] };

async function countRows(): Promise<Record<string, number>> {
  const tables = [
    'workspaces',
    'memberships',
    'invitations',
    'users',
    'items',
    'comments',
    'decision_log',
    'item_state_changes',
    'assessments',
    'roadmap_snapshots',
    'forecasts',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const rows = (await ctx.handle.db.execute(sql.raw(`select count(*)::int as n from ${t}`))) as unknown as
      | { rows: { n: number }[] }
      | { n: number }[];
    out[t] = Array.isArray(rows) ? (rows[0]?.n ?? 0) : (rows.rows[0]?.n ?? 0);
  }
  return out;
}

describe('import with people in the file', () => {
  it('should not make an existing account a member, nor the author of anything, when a file names them', async () => {
    const alice = new TestClient(ctx.app);
    const aliceAccount = await alice.signUp('Alice');
    const mallory = new TestClient(ctx.app);
    const malloryAccount = await mallory.signUp('Mallory');

    const res = await mallory.post<Imported>(
      '/api/workspaces/import',
      buildImportFile({ importer: malloryAccount.email, named: aliceAccount.email }),
    );
    expect(res.status).toBe(201);
    const w = `/api/workspaces/${res.body.id}`;
    // The importer is founder, whatever the file says about them.
    expect(res.body.role).toBe('founder');
    // Alice is only invited, by a link bound to her address.
    expect(res.body.invitations).toEqual([
      expect.objectContaining({
        email: aliceAccount.email,
        role: 'founder',
        path: expect.stringMatching(/^\/join\//),
      }),
    ]);
    expect((await alice.get<Me>('/api/me')).body.workspaces.map((x) => x.id)).not.toContain(res.body.id);
    expect((await alice.get(`${w}/items`)).status).toBe(404);
    const members = await mallory.get<{ userId: string }[] | { data: { userId: string }[] }>(`${w}/members`);
    const list = Array.isArray(members.body) ? members.body : members.body.data;
    expect(list.map((m) => m.userId)).toEqual([malloryAccount.id]);

    // What the file says Alice did is imported attribution, never her account's act.
    const decisions = await mallory.get<{
      data: { actorId: string | null; actorName: string; importedActor: string }[];
    }>(`${w}/decisions`);
    const decision = decisions.body.data.find((d) => d.importedActor);
    expect(decision).toMatchObject({
      actorId: null,
      importedActor: aliceAccount.email,
      actorName: `${aliceAccount.email} in the imported file`,
    });
    const items = await mallory.get<{
      data: {
        id: string;
        number: number;
        createdBy: string | null;
        assigneeId: string | null;
        imported?: object;
        estimate: { estimatedBy: string | null };
      }[];
    }>(`${w}/items`);
    const first = items.body.data.find((i) => i.number === 1);
    expect(first).toMatchObject({
      createdBy: null,
      assigneeId: null,
      estimate: expect.objectContaining({ estimatedBy: null }),
      imported: {
        createdBy: aliceAccount.email,
        assignee: aliceAccount.email,
        estimatedBy: aliceAccount.email,
      },
    });
    const comments = await mallory.get<{
      data: { authorId: string | null; authorName: string; importedAuthor: string }[];
    }>(`${w}/items/${first?.id}/comments`);
    expect(comments.body.data[0]).toMatchObject({
      authorId: null,
      importedAuthor: aliceAccount.email,
      authorName: `${aliceAccount.email} in the imported file`,
    });
    const history = await mallory.get<{ data: { changedBy: string | null; importedChangedBy: string }[] }>(
      `${w}/items/${first?.id}/history`,
    );
    expect(history.body.data[0]).toMatchObject({ changedBy: null, importedChangedBy: aliceAccount.email });
    const assessments = await mallory.get<{ data: { createdBy: string | null; createdByName: string }[] }>(
      `${w}/assessments`,
    );
    expect(assessments.body.data[0]).toMatchObject({
      createdBy: null,
      createdByName: `${aliceAccount.email} in the imported file`,
    });

    // The export carries the attribution back out, and still lists Alice among the team.
    const exported = await mallory.get<HeadwayExport>(`${w}/export`);
    expect(exported.body.comments[0]?.author).toBe(aliceAccount.email);
    expect(exported.body.decisions[0]?.actor).toBe(aliceAccount.email);
    expect(exported.body.members.map((m) => m.email).sort()).toEqual(
      [aliceAccount.email, malloryAccount.email].sort(),
    );

    // Alice joins only if she accepts the link herself.
    const path = res.body.invitations[0]?.path ?? '';
    const accepted = await alice.post('/api/invitations/accept', { token: path.replace('/join/', '') });
    expect(accepted.status).toBe(200);
    expect((await alice.get<Me>('/api/me')).body.workspaces.map((x) => x.id)).toContain(res.body.id);
  });

  it('should let the owner of an address an import named sign up, and not join them to the workspace', async () => {
    const mallory = new TestClient(ctx.app);
    const malloryAccount = await mallory.signUp('Mallory');
    const carolEmail = `carol.${Date.now()}@example.com`;
    const before = await countRows();
    const res = await mallory.post<Imported>(
      '/api/workspaces/import',
      buildImportFile({ importer: malloryAccount.email, named: carolEmail }),
    );
    expect(res.status).toBe(201);
    // No account is created for the address the file named.
    expect((await countRows()).users).toBe(before.users);

    const carol = new TestClient(ctx.app);
    const signUp = await carol.post('/api/auth/signup', {
      email: carolEmail,
      name: 'Carol',
      password: 'correct horse battery',
    });
    expect(signUp.status).toBe(201);
    expect((await carol.get<Me>('/api/me')).body.workspaces).toEqual([]);
  });

  it('should let the owner sign up over a password-less account an older import left, inheriting nothing', async () => {
    const founder = new TestClient(ctx.app);
    await founder.signUp('Founder');
    const ws = await founder.post<{ id: string }>('/api/workspaces', { name: 'Older import' });
    const daveEmail = `dave.${Date.now()}@example.com`;
    // What an older version of the import wrote: an account without a password, a member, an author.
    const db = ctx.handle.db;
    await db.execute(sql`insert into users (email, name) values (${daveEmail}, 'Dave')`);
    await db.execute(sql`insert into memberships (workspace_id, user_id, role)
      select ${ws.body.id}, id, 'cto' from users where email = ${daveEmail}`);
    const item = await founder.post<{ id: string }>(`/api/workspaces/${ws.body.id}/items`, {
      type: 'feature',
      title: 'Something',
    });
    await db.execute(sql`insert into comments (workspace_id, item_id, author_id, body)
      select ${ws.body.id}, ${item.body.id}, id, 'written by the file' from users where email = ${daveEmail}`);

    const dave = new TestClient(ctx.app);
    const signUp = await dave.post('/api/auth/signup', {
      email: daveEmail,
      name: 'Dave',
      password: 'correct horse battery',
    });
    expect(signUp.status).toBe(201);
    expect((await dave.get<Me>('/api/me')).body.workspaces).toEqual([]);
    expect((await dave.get(`/api/workspaces/${ws.body.id}/items`)).status).toBe(404);
    const comments = await founder.get<{
      data: { authorId: string | null; importedAuthor: string | null }[];
    }>(`/api/workspaces/${ws.body.id}/items/${item.body.id}/comments`);
    expect(comments.body.data[0]).toMatchObject({ authorId: null, importedAuthor: daveEmail });
  });
});

describe('import with documents in the file', () => {
  it('should store the engine’s report, not the file’s, and serve it sandboxed', async () => {
    const mallory = new TestClient(ctx.app);
    const me = await mallory.signUp('Mallory');
    const file = buildImportFile({ importer: me.email, named: `x.${Date.now()}@example.com` });
    file.assessments[0] = { ...file.assessments[0]!, report: HOSTILE_REPORT };
    const res = await mallory.post<Imported>('/api/workspaces/import', file);
    expect(res.status).toBe(201);
    const w = `/api/workspaces/${res.body.id}`;
    const report = await mallory.get<{ report: { company: string; scores: { overall: unknown } } }>(
      `${w}/assessments/1`,
    );
    expect(report.status).toBe(200);
    expect(typeof report.body.report.scores.overall).toBe('number');
    expect(report.body.report.company).toBe(file.workspace.name);
    expect(JSON.stringify(report.body)).not.toMatch(/<script|javascript:|onerror|onclick|onmouseover/i);
    const html = await mallory.get<string>(`${w}/assessments/1/report?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toBe(REPORT_CSP);
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(String(html.body)).not.toMatch(/<script|javascript:/i);
  });

  const broken: [string, (f: HeadwayExport) => void, RegExp][] = [
    [
      'a plan item naming an item the file does not have',
      (f) => {
        (f.roadmapSnapshots[0]!.plan as { items: { itemId: string }[] }).items[0]!.itemId = 'item:#99';
      },
      /roadmapSnapshots\[0\]\.plan\.items\[0\]\.itemId: there is no item #99/,
    ],
    [
      'a plan item that is not an item reference',
      (f) => {
        (f.roadmapSnapshots[0]!.plan as { items: { itemId: string }[] }).items[0]!.itemId =
          'javascript:alert(1)';
      },
      /roadmapSnapshots\[0\]\.plan\.items\[0\]\.itemId/,
    ],
    [
      'a plan without items',
      (f) => {
        f.roadmapSnapshots[0]!.plan = { endDate: null, milestones: [] };
      },
      /roadmapSnapshots\[0\]\.plan\.items/,
    ],
    [
      'an answer outside its question',
      (f) => {
        f.assessments[0]!.answers = { developers: 'many' };
      },
      /assessments\[0\]\.answers\.developers/,
    ],
    [
      'an unknown DORA year',
      (f) => {
        f.assessments[0]!.doraYear = 1999;
      },
      /assessments\[0\]\.doraYear/,
    ],
    [
      'a forecast with a subject that does not fit its kind',
      (f) => {
        f.forecasts = [
          {
            kind: 'throughput_when',
            subject: { by: '2026-03-01' },
            method: 'monte-carlo',
            inputs: {},
            startDate: '2026-01-05',
            percentiles: [{ level: 50, date: '2026-02-01', dayOffset: 27 }],
            distribution: null,
            madeBy: null,
            madeAt: '2026-01-05T09:00:00.000Z',
            outcome: null,
            scoredAt: null,
          },
        ];
      },
      /forecasts\[0\]\.subject: does not fit/,
    ],
    [
      'decision details nested too deep',
      (f) => {
        let deep: Record<string, unknown> = {};
        for (let i = 0; i < 50; i++) deep = { x: deep };
        f.decisions[0]!.details = deep;
      },
      /decisions\[0\]\.details/,
    ],
  ];

  it.each(broken)(
    'should answer 400 naming the path and write nothing when the file has %s',
    async (_, breakIt, path) => {
      const mallory = new TestClient(ctx.app);
      const me = await mallory.signUp('Mallory');
      const own = await mallory.post<{ id: string }>('/api/workspaces', { name: 'Mine' });
      const before = {
        rows: await countRows(),
        export: (await mallory.get(`/api/workspaces/${own.body.id}/export`)).body,
      };
      const file = buildImportFile({ importer: me.email, named: `y.${Date.now()}@example.com` });
      breakIt(file);
      const res = await mallory.post<{
        error: { code: string; message: string; details: { problems: string[] } };
      }>('/api/workspaces/import', file);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/nothing was imported/);
      expect(res.body.error.details.problems.join('\n')).toMatch(path);
      expect(await countRows()).toEqual(before.rows);
      expect((await mallory.get(`/api/workspaces/${own.body.id}/export`)).body).toEqual(before.export);
    },
  );
});

describe('stored documents that cannot be read', () => {
  it('should keep the lists answering 200 and allow deleting when a stored report, plan or forecast is malformed', async () => {
    const mallory = new TestClient(ctx.app);
    const me = await mallory.signUp('Mallory');
    const res = await mallory.post<Imported>(
      '/api/workspaces/import',
      buildImportFile({ importer: me.email, named: `z.${Date.now()}@example.com` }),
    );
    const w = `/api/workspaces/${res.body.id}`;
    const id = res.body.id;
    const db = ctx.handle.db;
    await db.execute(
      sql`update assessments set report = '{"scores": "broken"}'::jsonb where workspace_id = ${id}`,
    );
    await db.execute(
      sql`update roadmap_snapshots set plan = '{"items": 5}'::jsonb where workspace_id = ${id}`,
    );
    await db.execute(sql`insert into forecasts (workspace_id, kind, subject, method, inputs, start_date, percentiles)
      values (${id}, 'plan', '{"itemIds": ["not-a-uuid"]}'::jsonb, 'monte-carlo', '{}'::jsonb, '2026-01-05', '[{"level": "x"}]'::jsonb)`);

    const list = await mallory.get<{ data: { number: number; unreadable: string | null }[] }>(
      `${w}/assessments`,
    );
    expect(list.status).toBe(200);
    expect(list.body.data[0]?.unreadable).toMatch(/^report\.\w+: /);
    const one = await mallory.get<{ error: { message: string } }>(`${w}/assessments/1`);
    expect(one.status).toBe(409);
    expect(one.body.error.message).toMatch(/cannot be read.*delete it/);
    const versions = await mallory.get<{ data: { id: string; unreadable: string | null }[] }>(
      `${w}/roadmap/snapshots`,
    );
    expect(versions.status).toBe(200);
    expect(versions.body.data[0]?.unreadable).toMatch(/^plan\.\w+: /);
    expect((await mallory.get(`${w}/roadmap?compareTo=${versions.body.data[0]?.id}`)).status).toBe(409);
    expect((await mallory.get(`${w}/forecasts/track-record`)).status).toBe(200);

    expect((await mallory.delete(`${w}/assessments/1`)).status).toBe(204);
    expect((await mallory.get<{ data: unknown[] }>(`${w}/assessments`)).body.data).toEqual([]);
    expect((await mallory.delete(`${w}/roadmap/snapshots/${versions.body.data[0]?.id}`)).status).toBe(204);
    expect((await mallory.get<{ data: unknown[] }>(`${w}/roadmap/snapshots`)).body.data).toEqual([]);
    const log = await mallory.get<{ data: { summary: string }[] }>(`${w}/decisions`);
    expect(log.body.data.map((d) => d.summary)).toEqual(
      expect.arrayContaining(['Deleted assessment #1', 'Deleted roadmap version 1']),
    );
  });
});

describe('large imports', () => {
  it('should import in the background with progress, one at a time on the embedded database', async () => {
    const app = createApp({
      db: ctx.handle.db,
      logger: pino({ level: 'silent' }),
      imports: { embedded: true, syncBytes: 1000, maxBytes: 200_000 },
    });
    const mallory = new TestClient(app);
    const me = await mallory.signUp('Mallory');
    const file = buildImportFile({ importer: me.email, named: `w.${Date.now()}@example.com` });
    const started = await mallory.post<{ id: string; status: string }>('/api/workspaces/import', file);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/imports/${started.body.id}`);
    const second = await mallory.post<{ error: { message: string } }>('/api/workspaces/import', file);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/one at a time/);

    let job = started.body as unknown as {
      status: string;
      progress: number;
      workspaceId: string | null;
      invitations: unknown[];
    };
    for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await mallory.get<typeof job>(`/api/imports/${started.body.id}`)).body;
    }
    expect(job).toMatchObject({ status: 'done', progress: 1 });
    expect(job.invitations).toHaveLength(1);
    expect((await mallory.get<Me>('/api/me')).body.workspaces.map((x) => x.id)).toContain(job.workspaceId);
    // Someone else's job does not exist for them.
    const other = new TestClient(app);
    await other.signUp('Other');
    expect((await other.get(`/api/imports/${started.body.id}`)).status).toBe(404);
    // Above the limit: refused before the file is even parsed.
    const small = createApp({
      db: ctx.handle.db,
      logger: pino({ level: 'silent' }),
      imports: { embedded: true, maxBytes: 2000 },
    });
    const tooBig = new TestClient(small);
    await tooBig.signUp('Big');
    const refused = await tooBig.post<{ error: { code: string } }>('/api/workspaces/import', file);
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('payload_too_large');
  });
});
