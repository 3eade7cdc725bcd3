/**
 * Large Jira, Linear, GitHub and CSV imports run as background jobs: above the server's
 * threshold (small here, so the files stay small) the import answers 202 and a job to poll,
 * which ends done with what the synchronous route answers, or failed with its 400 and no row
 * written. Only the importer sees the job.
 */
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../src/contract';
import { IMPORT_LIMITS } from '../../src/domain/import';
import { runImportJob } from '../../src/server/commands/import-jobs';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

const THRESHOLD = 2048;

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let lena: TestClient;

beforeAll(async () => {
  ctx = await createTestApp({ imports: { syncBytes: THRESHOLD } });
  lena = new TestClient(ctx.app);
  await lena.signUp('Lena');
});
afterAll(() => ctx.close());

/** A Jira export with as many issues as it takes to pass the threshold, each made by `row`. */
function jiraAboveThreshold(row: (n: number) => string): string {
  let csv = 'Summary,Issue key,Issue Type,Status,Created\n';
  for (let n = 1; Buffer.byteLength(csv) <= THRESHOLD; n++) csv += `${row(n)}\n`;
  return csv;
}

const GOOD = jiraAboveThreshold((n) => `Issue ${n},ACME-${n},Task,To Do,2025-04-03 10:00`);
// The third issue's key is longer than Headway keeps: an error naming its row (the header is row 1).
const LONG_KEY = 'K'.repeat(IMPORT_LIMITS.keyChars + 1);
const BAD = GOOD.replace('ACME-3,', `${LONG_KEY},`);
const ISSUES = GOOD.trim().split('\n').length - 1;

async function count(table: 'workspaces' | 'items', workspaceId?: string | null): Promise<number> {
  const where = workspaceId ? sql` where workspace_id = ${workspaceId}` : sql``;
  const res = (await ctx.handle.db.execute(
    sql`select count(*)::int as n from ${sql.raw(table)}${where}`,
  )) as unknown as { rows: { n: number }[] } | { n: number }[];
  return Array.isArray(res) ? (res[0]?.n ?? 0) : (res.rows[0]?.n ?? 0);
}

/** Polls a job until it is done or failed. */
async function settle(client: TestClient, id: string): Promise<ImportJob> {
  for (let i = 0; i < 200; i++) {
    const res = await client.get<ImportJob>(`/api/imports/${id}`);
    expect(res.status).toBe(200);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

type ErrorBody = { error: { code: string; message: string } };

describe('large foreign imports', () => {
  it('should import a file above the threshold in the background and answer the workspace and summary once done', async () => {
    expect(Buffer.byteLength(GOOD)).toBeGreaterThan(THRESHOLD);
    const started = await lena.post<ImportJob>('/api/workspaces/import/foreign', {
      format: 'jira',
      text: GOOD,
      name: 'From Jira',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/imports/${started.body.id}`);
    expect(started.body).toMatchObject({ kind: 'foreign', status: 'queued', result: null });

    const job = await settle(lena, started.body.id);
    expect(job).toMatchObject({ status: 'done', progress: 1, error: null });
    const result = job.result as { summary: { items: number }; workspace: { id: string; name: string } };
    expect(result.summary.items).toBe(ISSUES);
    expect(result.workspace).toMatchObject({ id: job.workspaceId, name: 'From Jira', role: 'founder' });
    expect(await count('items', job.workspaceId)).toBe(ISSUES);

    // The same job run again (a retry after a crash) claims nothing and writes nothing.
    let ranAgain = false;
    await runImportJob(ctx.handle.db, pino({ level: 'silent' }), job.id, async () => {
      ranAgain = true;
      return {};
    });
    expect(ranAgain).toBe(false);
    expect((await lena.get<ImportJob>(`/api/imports/${job.id}`)).body).toMatchObject({ status: 'done' });

    // Someone else's job does not exist for them.
    const other = new TestClient(ctx.app);
    await other.signUp('Other');
    expect((await other.get(`/api/imports/${started.body.id}`)).status).toBe(404);
  });

  it("should fail a large file with errors with the synchronous route's message, and write no row", async () => {
    const before = { workspaces: await count('workspaces'), items: await count('items') };
    const started = await lena.post<ImportJob>('/api/workspaces/import/foreign', {
      format: 'jira',
      text: BAD,
      name: 'Never',
    });
    expect(started.status).toBe(202);
    const job = await settle(lena, started.body.id);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(
      /^The file has 1 error; nothing was imported\. row 4: the key K+… has \d+ characters/,
    );
    expect(job.error?.problems).toHaveLength(1);
    expect(job.workspaceId).toBeNull();
    expect({ workspaces: await count('workspaces'), items: await count('items') }).toEqual(before);
  });

  it('should refuse Headway JSON sent as a large foreign file with a 400 at once, and queue nothing', async () => {
    const doc = JSON.stringify({ format: 'headway', padding: 'x'.repeat(THRESHOLD) });
    const res = await lena.post<ErrorBody>('/api/workspaces/import/foreign', { text: doc, name: 'JSON' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/This is Headway JSON/);
  });

  it('should re-import a large file into a workspace in the background and answer what it updated', async () => {
    const created = await settle(
      lena,
      (
        await lena.post<ImportJob>('/api/workspaces/import/foreign', {
          format: 'jira',
          text: GOOD,
          name: 'Again',
        })
      ).body.id,
    );
    const renamed = GOOD.replace('Issue 1,ACME-1,', 'Issue one,ACME-1,');
    const started = await lena.post<ImportJob>(`/api/workspaces/${created.workspaceId}/import`, {
      format: 'jira',
      text: renamed,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const job = await settle(lena, started.body.id);
    expect(job).toMatchObject({ kind: 'merge', status: 'done', workspaceId: created.workspaceId });
    expect(job.result).toMatchObject({
      dryRun: false,
      created: [],
      updated: [{ key: 'ACME-1', fields: ['title'] }],
    });
    const other = new TestClient(ctx.app);
    await other.signUp('Nosy');
    expect((await other.get(`/api/imports/${started.body.id}`)).status).toBe(404);
  });

  it('should fail a large re-import with errors and change nothing in the workspace', async () => {
    const created = await settle(
      lena,
      (
        await lena.post<ImportJob>('/api/workspaces/import/foreign', {
          format: 'jira',
          text: GOOD,
          name: 'Kept',
        })
      ).body.id,
    );
    const items = await count('items');
    const started = await lena.post<ImportJob>(`/api/workspaces/${created.workspaceId}/import`, {
      format: 'jira',
      text: BAD.replace(/ACME-/g, 'NEW-'),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const job = await settle(lena, started.body.id);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/nothing was imported\. row 4: the key/);
    expect(await count('items')).toBe(items);
  });
});
