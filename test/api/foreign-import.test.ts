/**
 * Importing a Linear or Jira CSV as a new workspace over the API: a dry run that writes nothing,
 * an import that creates the items, their history and invitations, and bad files refused with a
 * 400 and no row written.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForeignImportResult, HeadwayExport } from '../../src/contract';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let client: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  client = new TestClient(ctx.app);
  await client.signUp('Lena');
});
afterAll(() => ctx.close());

const LINEAR_HEADERS =
  'ID,Team,Title,Description,Status,Estimate,Priority,Project ID,Project,Creator,Assignee,Labels,Cycle Number,Cycle Name,Cycle Start,Cycle End,Created,Updated,Started,Triaged,Completed,Canceled,Archived,Due Date,Parent issue,Initiatives,Project Milestone ID,Project Milestone,SLA Status,UUID,Time in status (minutes),Related to,Blocked by,Duplicate of'.split(
    ',',
  );

/** A Linear export: one line per row, only the named columns filled. */
function linearCsv(rows: Record<string, string>[]): string {
  const line = (row: Record<string, string>) => LINEAR_HEADERS.map((h) => row[h] ?? '').join(',');
  return `${LINEAR_HEADERS.join(',')}\n${rows.map(line).join('\n')}\n`;
}

const LINEAR = linearCsv([
  {
    ID: 'APP-1',
    Title: 'API keys',
    Status: 'Done',
    Creator: 'ines@example.com',
    Assignee: 'ines@example.com',
    Created: '2024-06-01T08:00:00.000Z',
    Started: '2024-06-03T08:00:00.000Z',
    Completed: '2024-06-07T17:00:00.000Z',
  },
  {
    ID: 'APP-2',
    Title: 'Legacy export',
    Status: 'Canceled',
    Assignee: 'Kwame Mensah',
    Created: '2024-06-02T08:00:00.000Z',
    Canceled: '2024-06-10T08:00:00.000Z',
  },
  {
    ID: 'APP-3',
    Title: 'Rate limits',
    Status: 'In Progress',
    Assignee: 'omar@example.com',
    Created: '2024-06-04T08:00:00.000Z',
    Started: '2024-06-08T08:00:00.000Z',
    'Blocked by': 'APP-1',
  },
  { ID: 'APP-4', Title: 'Audit log', Status: 'Todo', Created: '2024-06-05T08:00:00.000Z' },
]);

async function countRows(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['workspaces', 'memberships', 'invitations', 'users', 'items', 'item_state_changes']) {
    const rows = (await ctx.handle.db.execute(sql.raw(`select count(*)::int as n from ${t}`))) as unknown as
      | { rows: { n: number }[] }
      | { n: number }[];
    out[t] = Array.isArray(rows) ? (rows[0]?.n ?? 0) : (rows.rows[0]?.n ?? 0);
  }
  return out;
}

type ErrorBody = { error: { code: string; message: string; details?: { problems?: string[] } } };

describe('POST /api/workspaces/import/foreign', () => {
  it('should report what a dry run would create and write nothing', async () => {
    const before = await countRows();
    const res = await client.post<ForeignImportResult>('/api/workspaces/import/foreign?dryRun=true', {
      text: LINEAR,
      name: 'From Linear',
    });
    expect(res.status).toBe(200);
    expect(res.body.workspace).toBeNull();
    expect(res.body.summary).toMatchObject({
      format: 'linear',
      items: 4,
      done: 1,
      cancelled: 1,
      dependencies: 1,
      errors: 0,
    });
    expect(await countRows()).toEqual(before);
  });

  it('should create a workspace with the items, their history and invitations for people with an email', async () => {
    const res = await client.post<ForeignImportResult>('/api/workspaces/import/foreign', {
      format: 'linear',
      text: LINEAR,
      name: 'From Linear',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const workspace = res.body.workspace;
    expect(workspace).toMatchObject({ name: 'From Linear', role: 'founder' });
    expect(workspace?.invitations.map((i) => [i.email, i.role]).sort()).toEqual([
      ['ines@example.com', 'developer'],
      ['omar@example.com', 'developer'],
    ]);
    const exported = await client.get<HeadwayExport>(`/api/workspaces/${workspace?.id}/export`);
    const doc = exported.body;
    expect(doc.items.map((i) => [i.number, i.title, i.state])).toEqual([
      [1, 'API keys', 'done'],
      [2, 'Legacy export', 'cancelled'],
      [3, 'Rate limits', 'in_progress'],
      [4, 'Audit log', 'ready'],
    ]);
    expect(doc.items[0]?.completedAt).toBe('2024-06-07T17:00:00.000Z');
    expect(doc.items[1]?.description).toContain('Kwame Mensah');
    expect(doc.dependencies.map((d) => [d.item, d.dependsOn])).toEqual([[3, 1]]);
    const historyOf = (n: number) =>
      doc.stateHistory.filter((h) => h.item === n).map((h) => [h.from, h.to, h.at]);
    expect(historyOf(1)).toEqual([
      [null, 'new', '2024-06-01T08:00:00.000Z'],
      ['new', 'in_progress', '2024-06-03T08:00:00.000Z'],
      ['in_progress', 'done', '2024-06-07T17:00:00.000Z'],
    ]);
    expect(historyOf(2).at(-1)?.[1]).toBe('cancelled');
    // Nobody the file names became a member: only the importer is.
    const members = (await ctx.handle.db.execute(
      sql`select count(*)::int as n from memberships where workspace_id = ${workspace?.id}`,
    )) as unknown as { rows: { n: number }[] } | { n: number }[];
    expect(Array.isArray(members) ? members[0]?.n : members.rows[0]?.n).toBe(1);
  });

  it('should refuse a file with errors with a 400 naming them, and write nothing', async () => {
    const before = await countRows();
    const ambiguous = 'Summary,Issue key,Issue Type,Status,Created\nA,X-1,Task,To Do,03/04/2025 10:00\n';
    const res = await client.post<ErrorBody>('/api/workspaces/import/foreign', {
      format: 'jira',
      text: ambiguous,
      name: 'Never',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toContain('nothing was imported');
    expect(res.body.error.details?.problems?.[0]).toMatch(/date/i);
    expect(await countRows()).toEqual(before);
  });

  it('should answer the state mapping it applied, with the edits laid over it', async () => {
    const jira = 'Summary,Issue key,Issue Type,Status,Created\nA,X-1,Task,Ready for QA,2025-04-03 10:00\n';
    const proposed = await client.post<ForeignImportResult>('/api/workspaces/import/foreign?dryRun=true', {
      text: jira,
      name: 'Mapped',
    });
    expect(proposed.status).toBe(200);
    const guessed = proposed.body.summary.mapping.states['Ready for QA'];
    expect(guessed).toBeDefined();
    const edited = await client.post<ForeignImportResult>('/api/workspaces/import/foreign?dryRun=true', {
      text: jira,
      name: 'Mapped',
      mapping: { states: { 'Ready for QA': guessed === 'in_review' ? 'ready' : 'in_review' } },
    });
    expect(edited.body.summary.mapping.states['Ready for QA']).toBe(
      guessed === 'in_review' ? 'ready' : 'in_review',
    );
  });

  it('should name the date formats that fit when dates read several ways, and read them once one is sent', async () => {
    const ambiguous = 'Summary,Issue key,Issue Type,Status,Created\nA,X-1,Task,To Do,03/04/2025 10:00\n';
    const res = await client.post<ForeignImportResult>('/api/workspaces/import/foreign?dryRun=true', {
      format: 'jira',
      text: ambiguous,
      name: 'Dates',
    });
    const formats = res.body.summary.problems.flatMap((p) => p.dateFormats ?? []);
    expect(formats).toEqual(expect.arrayContaining(['DD/MM/YYYY H:mm', 'MM/DD/YYYY H:mm']));
    const chosen = await client.post<ForeignImportResult>('/api/workspaces/import/foreign?dryRun=true', {
      format: 'jira',
      text: ambiguous,
      name: 'Dates',
      dateFormat: 'DD/MM/YYYY H:mm',
    });
    expect(chosen.body.summary.errors).toBe(0);
    expect(chosen.body.summary.mapping.dateFormat).toBe('DD/MM/YYYY H:mm');
  });

  it('should refuse a missing name, an unknown format and Headway JSON with a 400', async () => {
    const before = await countRows();
    const noName = await client.post<ErrorBody>('/api/workspaces/import/foreign', {
      text: LINEAR,
      name: ' ',
    });
    expect(noName.status).toBe(400);
    const trello = await client.post<ErrorBody>('/api/workspaces/import/foreign', {
      format: 'trello',
      text: LINEAR,
      name: 'X',
    });
    expect(trello.status).toBe(400);
    expect(trello.body.error.message).toContain('format');
    const headway = await client.post<ErrorBody>('/api/workspaces/import/foreign', {
      text: '{"format":"headway","formatVersion":1}',
      name: 'X',
    });
    expect(headway.status).toBe(400);
    expect(headway.body.error.message).toContain('/api/workspaces/import');
    expect(await countRows()).toEqual(before);
  });

  it('should need a signed-in user', async () => {
    const anonymous = new TestClient(ctx.app);
    const res = await anonymous.post('/api/workspaces/import/foreign', { text: LINEAR, name: 'X' });
    expect(res.status).toBe(401);
  });
});
