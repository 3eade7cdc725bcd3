/**
 * Importing a Jira CSV into an existing workspace, and importing it again: items are matched by
 * their key, so a second export updates the backlog instead of duplicating it, and the answer
 * says what changed. Refusals (errors, rights, tenancy) write nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForeignImportResult, HeadwayExport, Item, WorkspaceImportResult } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let outsider: Team;

beforeAll(async () => {
  ctx = await createTestApp();
  // The CTPO holds scope, order and dependencies; the CPO scope and order only.
  team = await createTeam(ctx.app, ['founder', 'ctpo', 'cpo', 'developer']);
  outsider = await createTeam(ctx.app, ['founder']);
});
afterAll(() => ctx.close());

const HEADERS = [
  'Summary',
  'Issue key',
  'Issue Type',
  'Status',
  'Resolution',
  'Created',
  'Resolved',
  'Labels',
  'Custom field (Story Points)',
  'Outward issue link (Blocks)',
  'Outward issue link (Blocks)',
];

interface Row {
  title: string;
  key: string;
  type?: string;
  status?: string;
  resolution?: string;
  created?: string;
  resolved?: string;
  label?: string;
  points?: string;
  blocks?: string[];
}

/** A Jira CSV export of these rows, as Jira writes it (dates like 05/Jan/26 9:00 AM). */
function jiraCsv(rows: Row[]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const line = (r: Row) =>
    [
      r.title,
      r.key,
      r.type ?? 'Story',
      r.status ?? 'To Do',
      r.resolution ?? '',
      r.created ?? '05/Jan/26 9:00 AM',
      r.resolved ?? '',
      r.label ?? '',
      r.points ?? '',
      r.blocks?.[0] ?? '',
      r.blocks?.[1] ?? '',
    ]
      .map(cell)
      .join(',');
  return `${HEADERS.join(',')}\n${rows.map(line).join('\n')}\n`;
}

const FIRST: Row[] = [
  { title: 'Checkout', key: 'WEB-1', label: 'payments', points: '3', blocks: ['WEB-2'] },
  { title: 'Saved cards', key: 'WEB-2', status: 'In Progress', created: '06/Jan/26 9:00 AM' },
  { title: 'Receipts by e-mail', key: 'WEB-3', type: 'Task', created: '07/Jan/26 9:00 AM' },
];
const EDITED: Row[] = [
  { ...(FIRST[0] as Row), title: 'Checkout with wallets' },
  {
    ...(FIRST[1] as Row),
    status: 'Done',
    resolution: 'Done',
    resolved: '12/Jan/26 4:30 PM',
  },
  FIRST[2] as Row,
  { title: 'Refunds', key: 'WEB-4', created: '13/Jan/26 9:00 AM' },
];

const path = (ws: string, dryRun = false) => `/api/workspaces/${ws}/import${dryRun ? '?dryRun=true' : ''}`;

async function count(table: string, workspaceId: string): Promise<number> {
  const result = (await ctx.handle.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
  )) as unknown as { rows: { n: number }[] } | { n: number }[];
  return Array.isArray(result) ? (result[0]?.n ?? 0) : (result.rows[0]?.n ?? 0);
}

async function counts(workspaceId: string) {
  const out: Record<string, number> = {};
  for (const t of ['items', 'item_state_changes', 'item_dependencies', 'decision_log'])
    out[t] = await count(t, workspaceId);
  return out;
}

async function items(ws: string): Promise<Item[]> {
  const res = await team.ctpo.get<{ data: Item[] }>(`/api/workspaces/${ws}/items?limit=100`);
  return res.body.data;
}

async function importFile(rows: Row[], options: { dryRun?: boolean; ws?: string } = {}) {
  return team.ctpo.post<WorkspaceImportResult>(path(options.ws ?? team.workspaceId, options.dryRun), {
    format: 'jira',
    fileName: 'web.csv',
    text: jiraCsv(rows),
  });
}

describe('POST /api/workspaces/{id}/import', () => {
  it('should create the items of a first import with their dependency', async () => {
    const res = await importFile(FIRST);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created.map((c) => c.key)).toEqual(['WEB-1', 'WEB-2', 'WEB-3']);
    expect(res.body).toMatchObject({ dryRun: false, updated: [], unchanged: 0, withheld: [] });
    expect(res.body.dependencies).toEqual({ added: 1, existing: 0, refused: [] });
    const list = await items(team.workspaceId);
    expect(list.map((i) => [i.number, i.title, i.state])).toEqual([
      [1, 'Checkout', 'ready'],
      [2, 'Saved cards', 'in_progress'],
      [3, 'Receipts by e-mail', 'ready'],
    ]);
    expect(list.find((i) => i.number === 2)?.dependsOn.map((d) => d.itemId)).toEqual([list[0]?.id]);
  });

  it('should find every item unchanged when the same file is imported again', async () => {
    const before = await counts(team.workspaceId);
    const res = await importFile(FIRST);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: [], updated: [], unchanged: 3 });
    expect(res.body.dependencies).toMatchObject({ added: 0, existing: 1 });
    expect(await counts(team.workspaceId)).toEqual(before);
  });

  it('should report an edited file on a dry run, then apply it: one created, two updated, no duplicates', async () => {
    const before = await counts(team.workspaceId);
    const dry = await importFile(EDITED, { dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(await counts(team.workspaceId)).toEqual(before);

    const res = await importFile(EDITED);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const body of [dry.body, res.body]) {
      expect(body.created).toEqual([{ key: 'WEB-4', number: 4 }]);
      expect(body.updated).toEqual([
        { key: 'WEB-1', number: 1, fields: ['title'], changedHere: false },
        { key: 'WEB-2', number: 2, fields: ['state'], changedHere: false },
      ]);
      expect(body.unchanged).toBe(1);
    }
    const list = await items(team.workspaceId);
    expect(list.map((i) => [i.number, i.title, i.state])).toEqual([
      [1, 'Checkout with wallets', 'ready'],
      [2, 'Saved cards', 'done'],
      [3, 'Receipts by e-mail', 'ready'],
      [4, 'Refunds', 'ready'],
    ]);
    const done = list.find((i) => i.number === 2) as Item;
    expect(done.version).toBe(2);
    const history = await team.ctpo.get<{
      data: { fromState: string; toState: string; changedBy: string; changedAt: string }[];
    }>(`/api/workspaces/${team.workspaceId}/items/${done.id}/history`);
    const last = history.body.data.at(-1);
    expect(last).toMatchObject({ fromState: 'in_progress', toState: 'done' });
    // The file says when it was done in Jira; the move is the importer's.
    expect(last?.changedAt).toBe('2026-01-12T16:30:00.000Z');
    expect(last?.changedBy).not.toBeNull();
    // Importing the edited file once more changes nothing.
    const again = await importFile(EDITED);
    expect(again.body).toMatchObject({ created: [], updated: [], unchanged: 4 });
    expect(await count('items', team.workspaceId)).toBe(4);
  });

  it('should refuse a file with an error with a 400 and write nothing', async () => {
    const before = await counts(team.workspaceId);
    const res = await team.ctpo.post<{ error: { code: string; message: string } }>(path(team.workspaceId), {
      format: 'jira',
      text: 'Summary,Issue key,Issue Type,Status,Created\nNew,WEB-9,Task,To Do,03/04/2025 10:00\n',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('nothing was imported');
    expect(await counts(team.workspaceId)).toEqual(before);
  });

  it('should refuse a developer with a 403 naming who decides, and another workspace with a 404', async () => {
    const before = await counts(team.workspaceId);
    const text = jiraCsv([{ title: 'Sneaked in', key: 'WEB-99' }]);
    const developer = await team.developer.post<{ error: { code: string; message: string } }>(
      path(team.workspaceId),
      { format: 'jira', text },
    );
    expect(developer.status).toBe(403);
    expect(developer.body.error.code).toBe('decision_not_yours');
    expect(developer.body.error.message).toMatch(/Robin|Chris/);
    const stranger = await outsider.founder.post(path(team.workspaceId), { format: 'jira', text });
    expect(stranger.status).toBe(404);
    expect(await counts(team.workspaceId)).toEqual(before);
  });

  it('should apply the file over an edit made in Headway since the last import, flagged and logged', async () => {
    const receipt = (await items(team.workspaceId)).find((i) => i.number === 3) as Item;
    const edit = await team.ctpo.patch<Item>(`/api/workspaces/${team.workspaceId}/items/${receipt.id}`, {
      version: receipt.version,
      title: 'Receipts as PDF',
    });
    expect(edit.status).toBe(200);
    const res = await importFile(EDITED);
    expect(res.body.updated).toEqual([{ key: 'WEB-3', number: 3, fields: ['title'], changedHere: true }]);
    const after = (await items(team.workspaceId)).find((i) => i.number === 3) as Item;
    expect(after.title).toBe('Receipts by e-mail');
    expect(after.version).toBe(receipt.version + 2);
    const log = await team.ctpo.get<{ data: { summary: string; rationale: string | null }[] }>(
      `/api/workspaces/${team.workspaceId}/decisions?itemNumber=3`,
    );
    const entry = log.body.data.find((d) => d.summary.includes('WEB-3'));
    expect(entry?.summary).toContain('title');
    expect(entry?.rationale).toContain('had changed in Headway since the last import');
  });

  it('should report, not import, a dependency that would close a cycle', async () => {
    const list = await items(team.workspaceId);
    const [one, , , four] = list as [Item, Item, Item, Item];
    // In Headway, WEB-1 now waits on WEB-4; the file says WEB-1 blocks WEB-4.
    const added = await team.ctpo.post(`/api/workspaces/${team.workspaceId}/items/${one.id}/dependencies`, {
      dependsOnId: four.id,
    });
    expect(added.status, JSON.stringify(added.body)).toBeLessThan(300);
    const before = await count('item_dependencies', team.workspaceId);
    const rows = EDITED.map((r) => (r.key === 'WEB-1' ? { ...r, blocks: ['WEB-2', 'WEB-4'] } : r));
    const res = await importFile(rows);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.dependencies.added).toBe(0);
    expect(res.body.dependencies.refused).toEqual([
      { item: 'WEB-4', dependsOn: 'WEB-1', reason: expect.stringContaining('cycle') },
    ]);
    expect(await count('item_dependencies', team.workspaceId)).toBe(before);
  });

  it("should report, not import, dependencies when that decision is not the importer's", async () => {
    const before = await count('item_dependencies', team.workspaceId);
    const rows = EDITED.map((r) => (r.key === 'WEB-3' ? { ...r, blocks: ['WEB-4'] } : r));
    const res = await team.cpo.post<WorkspaceImportResult>(path(team.workspaceId), {
      format: 'jira',
      text: jiraCsv(rows),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.dependencies.added).toBe(0);
    expect(res.body.dependencies.refused).toContainEqual({
      item: 'WEB-4',
      dependsOn: 'WEB-3',
      reason: expect.stringContaining('Jonas'),
    });
    expect(await count('item_dependencies', team.workspaceId)).toBe(before);
  });

  it("should not apply, but report, a change whose decision is not the importer's", async () => {
    const rows = EDITED.map((r) =>
      r.key === 'WEB-1' ? { ...r, points: '8', title: 'Checkout, all wallets' } : r,
    );
    const res = await team.cpo.post<WorkspaceImportResult>(path(team.workspaceId), {
      format: 'jira',
      text: jiraCsv(rows),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Titles are the CPO's to change; story points belong to the tech side.
    expect(res.body.updated).toEqual([{ key: 'WEB-1', number: 1, fields: ['title'], changedHere: false }]);
    expect(res.body.withheld).toEqual([
      { key: 'WEB-1', number: 1, fields: ['storyPoints'], reason: expect.stringMatching(/Robin|Jonas/) },
    ]);
    const one = (await items(team.workspaceId)).find((i) => i.number === 1) as Item;
    expect([one.title, one.storyPoints]).toEqual(['Checkout, all wallets', 3]);
  });

  it('should match the items of a workspace made from the same file, so a re-import finds them unchanged', async () => {
    const made = await team.ctpo.post<ForeignImportResult>('/api/workspaces/import/foreign', {
      format: 'jira',
      text: jiraCsv(FIRST),
      name: 'From Jira',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const ws = made.body.workspace?.id as string;
    const again = await importFile(FIRST, { ws });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ created: [], updated: [], unchanged: 3 });
    expect(again.body.dependencies).toMatchObject({ added: 0, existing: 1 });
    // Exported as Headway JSON and imported again, the workspace keeps its keys.
    const exported = await team.ctpo.get<HeadwayExport>(`/api/workspaces/${ws}/export`);
    expect(exported.body.items.map((i) => i.external?.key)).toEqual(['WEB-1', 'WEB-2', 'WEB-3']);
    const copy = await team.ctpo.post<{ id: string }>('/api/workspaces/import', {
      ...exported.body,
      workspace: { ...exported.body.workspace, name: 'Copy of From Jira' },
    });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    const intoCopy = await importFile(FIRST, { ws: copy.body.id, dryRun: true });
    expect(intoCopy.body).toMatchObject({ created: [], updated: [], unchanged: 3 });
    const edited = await importFile(EDITED, { ws, dryRun: true });
    expect(edited.body.created.map((c) => c.key)).toEqual(['WEB-4']);
    expect(edited.body.updated.map((u) => [u.key, u.fields])).toEqual([
      ['WEB-1', ['title']],
      ['WEB-2', ['state']],
    ]);
  });
});
