/**
 * Fuzzing the import's writes: generated files imported as new workspaces over the API. Each
 * import is all or nothing: a 201 whose workspace holds exactly the items, history and
 * dependencies its summary counts, or a 400 that wrote no row anywhere; never a 500.
 *
 * HEADWAY_IMPORT_FUZZ_WRITES sets the number of imports per format (default 40).
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForeignImportResult } from '../../src/contract';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { csvFile, githubFile, rawText } from './fuzz-inputs';

const RUNS = Number(process.env.HEADWAY_IMPORT_FUZZ_WRITES ?? 40);
const TABLES = [
  'workspaces',
  'memberships',
  'invitations',
  'users',
  'items',
  'item_state_changes',
  'item_dependencies',
];

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let client: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  client = new TestClient(ctx.app);
  await client.signUp('Lena');
});
afterAll(() => ctx.close());

async function count(query: string): Promise<number> {
  const result = (await ctx.handle.db.execute(sql.raw(query))) as unknown as
    | { rows: { n: number }[] }
    | { n: number }[];
  return Array.isArray(result) ? (result[0]?.n ?? 0) : (result.rows[0]?.n ?? 0);
}

async function countAll(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = await count(`select count(*)::int as n from ${table}`);
  return out;
}

const inWorkspace = (table: string, id: string) =>
  count(`select count(*)::int as n from ${table} where workspace_id = '${id}'`);

/** Imports one file and checks that it was written whole or not at all. */
async function importWhole(text: string, format: string): Promise<boolean> {
  const before = await countAll();
  const res = await client.post<ForeignImportResult>('/api/workspaces/import/foreign', {
    format,
    text,
    name: 'Fuzzed',
  });
  if (res.status !== 201) {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(await countAll()).toEqual(before);
    return false;
  }
  const id = res.body.workspace!.id;
  const { summary } = res.body;
  expect(await inWorkspace('items', id)).toBe(summary.items);
  expect(await inWorkspace('item_state_changes', id)).toBe(summary.historyEntries);
  expect(await inWorkspace('item_dependencies', id)).toBe(summary.dependencies);
  return true;
}

/** One plain file per format that must import, run before the generated ones, so the writes are always exercised. */
const PLAIN = {
  jira: 'Summary,Issue key,Status,Created\r\nCheckout,HW-1,Done,2025-01-02 10:00\r\nRefunds,HW-2,To Do,2025-01-03 10:00',
  linear:
    'ID,Title,Status,Created\r\nENG-1,Checkout,Done,2025-01-02T10:00:00Z\r\nENG-2,Refunds,Todo,2025-01-03T10:00:00Z',
  csv: 'Title,Status\r\nCheckout,Done\r\nRefunds,To Do',
  github: JSON.stringify([
    {
      number: 1,
      title: 'Checkout',
      state: 'closed',
      created_at: '2025-01-01T00:00:00Z',
      closed_at: '2025-01-05T00:00:00Z',
    },
    { number: 2, title: 'Refunds', state: 'open', created_at: '2025-01-02T00:00:00Z', closed_at: null },
  ]),
};

describe.each([
  ['jira', csvFile('jira')],
  ['linear', csvFile('linear')],
  ['csv', csvFile('csv')],
  ['github', githubFile],
] as const)('importing generated %s files', (format, wellFormed) => {
  it(`should write each of ${RUNS} files whole or not at all`, {
    timeout: 60_000 + RUNS * 2_000,
  }, async () => {
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(wellFormed, rawText), async (text) => {
        if (await importWhole(text, format)) imported++;
      }),
      { numRuns: RUNS, examples: [[PLAIN[format]]] },
    );
    // The plain file was written (its counts checked like every other's), so the writes were exercised.
    expect(imported).toBeGreaterThan(0);
  });
});
