/**
 * Importing a file as a multipart/form-data upload: the same answers as the JSON body, a dry run
 * that writes nothing, a 413 naming the limit and the size, and a 400 saying what to fix for a
 * missing, doubled or unknown part or a malformed mapping, with nothing written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForeignImportResult, WorkspaceImportResult } from '../../src/contract';
import { createApp } from '../../src/server/app';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let client: TestClient;
let workspaceId: string;

const JIRA = readFileSync(join(__dirname, '../fixtures/imports/jira-server.csv'), 'utf8');

beforeAll(async () => {
  ctx = await createTestApp();
  client = new TestClient(ctx.app);
  await client.signUp('Lena');
  const created = await client.post<{ id: string }>('/api/workspaces', { name: 'Upload target' });
  workspaceId = created.body.id;
});
afterAll(() => ctx.close());

async function rowCount(): Promise<number> {
  const result = (await ctx.handle.db.execute(
    sql.raw(
      'select (select count(*) from items) + (select count(*) from workspaces) + (select count(*) from item_state_changes) as n',
    ),
  )) as unknown as { rows: { n: string | number }[] } | { n: string | number }[];
  return Number(Array.isArray(result) ? result[0]?.n : result.rows[0]?.n);
}

/** An upload of `text` as the `file` part, with the given fields. */
function form(text: string | null, fields: Record<string, string> = {}, fileName = 'jira.csv'): FormData {
  const body = new FormData();
  if (text !== null) body.append('file', new File([text], fileName, { type: 'text/csv' }));
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return body;
}

type ErrorBody = { error: { code: string; message: string } };

describe('POST /api/workspaces/{id}/import as multipart/form-data', () => {
  it('should answer the dry run of an upload as it answers the same file sent as JSON', async () => {
    const before = await rowCount();
    const uploaded = await client.postBody<WorkspaceImportResult>(
      `/api/workspaces/${workspaceId}/import`,
      form(JIRA, { format: 'jira', dryRun: 'true' }),
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    const asJson = await client.post<WorkspaceImportResult>(
      `/api/workspaces/${workspaceId}/import?dryRun=true`,
      { text: JIRA, format: 'jira', fileName: 'jira.csv' },
    );
    expect(uploaded.body.dryRun).toBe(true);
    expect(uploaded.body.summary).toEqual(asJson.body.summary);
    expect(uploaded.body.created.length).toBeGreaterThan(0);
    expect(await rowCount()).toBe(before);
  });

  it('should lay the mapping field over the proposal, as the JSON body does', async () => {
    const first = await client.postBody<WorkspaceImportResult>(
      `/api/workspaces/${workspaceId}/import?dryRun=true`,
      form(JIRA),
    );
    const [status] = Object.keys(first.body.summary.mapping.states);
    const mapping = JSON.stringify({ states: { [status as string]: 'cancelled' } });
    const edited = await client.postBody<WorkspaceImportResult>(
      `/api/workspaces/${workspaceId}/import?dryRun=true`,
      form(JIRA, { mapping }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.summary.mapping.states[status as string]).toBe('cancelled');
  });

  it('should apply type and people overrides from the mapping field to the report', async () => {
    const path = `/api/workspaces/${workspaceId}/import?dryRun=true`;
    const first = await client.postBody<WorkspaceImportResult>(path, form(JIRA));
    const [type] = Object.keys(first.body.summary.mapping.types);
    const [person] = Object.keys(first.body.summary.mapping.people);
    const mapping = JSON.stringify({
      types: { [type as string]: 'bug' },
      people: { [person as string]: { kind: 'unmatched' } },
    });
    const edited = await client.postBody<WorkspaceImportResult>(path, form(JIRA, { mapping }));
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.summary.mapping.types[type as string]).toBe('bug');
    expect(edited.body.summary.mapping.people[person as string]).toEqual({ kind: 'unmatched' });
  });

  it('should import an upload into the workspace when not a dry run', async () => {
    const res = await client.postBody<WorkspaceImportResult>(
      `/api/workspaces/${workspaceId}/import`,
      form(JIRA, { format: 'jira' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.dryRun).toBe(false);
    const result = (await ctx.handle.db.execute(
      sql`select count(*)::int as n from items where workspace_id = ${workspaceId}`,
    )) as unknown as { rows: { n: number }[] } | { n: number }[];
    const n = Array.isArray(result) ? result[0]?.n : result.rows[0]?.n;
    expect(res.body.created.length).toBeGreaterThan(0);
    expect(n).toBe(res.body.created.length);
  });

  it('should read a Windows-1252 upload and say so in the assumptions', async () => {
    const latin = 'Summary,Issue key,Issue Type,Status\nCafé menu,WIN-1,Task,To Do\n';
    const bytes = Uint8Array.from(latin, (ch) => ch.charCodeAt(0));
    const body = new FormData();
    body.append('file', new File([bytes], 'latin.csv'));
    body.append('format', 'jira');
    const res = await client.postBody<WorkspaceImportResult>(
      `/api/workspaces/${workspaceId}/import?dryRun=true`,
      body,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.summary.assumptions.join(' ')).toMatch(/Windows-1252/);
  });
});

describe('POST /api/workspaces/import/foreign as multipart/form-data', () => {
  it('should create a workspace from an upload with a name field', async () => {
    const res = await client.postBody<ForeignImportResult>(
      '/api/workspaces/import/foreign',
      form(JIRA, { name: 'From Jira', format: 'jira' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.workspace?.name).toBe('From Jira');
    expect(res.body.summary.items).toBeGreaterThan(0);
  });
});

describe('refusing a bad upload', () => {
  const target = () => `/api/workspaces/${workspaceId}/import`;

  it.each([
    ['no file part', () => form(null, { format: 'jira' }), /no "file" part/],
    [
      'two file parts',
      () => {
        const body = form(JIRA);
        body.append('file', new File([JIRA], 'again.csv'));
        return body;
      },
      /2 "file" parts/,
    ],
    ['an unknown field', () => form(JIRA, { from: 'jira' }), /unknown field "from".*"format"/],
    [
      'a field sent twice',
      () => {
        const body = form(JIRA, { format: 'jira' });
        body.append('format', 'linear');
        return body;
      },
      /format: the field is sent twice/,
    ],
    [
      'a mapping that is not JSON',
      () => form(JIRA, { mapping: '{states:' }),
      /mapping: the field is not JSON/,
    ],
    [
      'a mapping with an unknown key',
      () => form(JIRA, { mapping: '{"colours":{}}' }),
      /mapping: unknown field "colours"/,
    ],
    [
      'a lone surrogate in the mapping',
      () => form(JIRA, { mapping: '{"states":{"\\ud800":"done"}}' }),
      /lone UTF-16 surrogate/,
    ],
    ['an empty file', () => form(''), /^file: /],
    ['a name on an existing workspace', () => form(JIRA, { name: 'X' }), /unknown field "name"/],
    ['a dryRun that is not true or false', () => form(JIRA, { dryRun: 'yes' }), /dryRun: send "true"/],
  ])('should refuse %s with a 400 saying what to fix, writing nothing', async (_, body, message) => {
    const before = await rowCount();
    const res = await client.postBody<ErrorBody>(target(), body());
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await rowCount()).toBe(before);
  });

  it('should refuse a body whose boundary is not the one the header names', async () => {
    const body = `--other\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${JIRA}\r\n--other--\r\n`;
    const res = await client.postBody<ErrorBody>(target(), body, {
      'content-type': 'multipart/form-data; boundary=expected',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not readable multipart\/form-data/);
  });
});

describe('the size limit of an upload', () => {
  it('should refuse a file over the limit with a 413 naming the limit and its size, writing nothing', async () => {
    const small = createApp({
      db: ctx.handle.db,
      logger: pino({ level: 'silent' }),
      imports: { maxBytes: 2048 },
    });
    const uploader = new TestClient(small);
    await uploader.signUp('Big');
    const before = await rowCount();
    const file = `Summary,Issue key,Issue Type,Status\n${'Long title,BIG-1,Task,To Do\n'.repeat(120)}`;
    const res = await uploader.postBody<ErrorBody>(
      '/api/workspaces/import/foreign',
      form(file, { name: 'Too big' }, 'big.csv'),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toContain('2.0 KB');
    expect(res.body.error.message).toContain(`big.csv is ${(file.length / 1024).toFixed(1)} KB`);
    // Far over the limit, the body is refused before it is read, naming the upload's size.
    const huge = await uploader.postBody<ErrorBody>(
      '/api/workspaces/import/foreign',
      form('x'.repeat(600 * 1024), { name: 'Huge' }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/The upload is 600\.\d KB, more than the 2\.0 KB/);
    expect(await rowCount()).toBe(before);
  });
});
