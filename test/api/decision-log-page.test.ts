/** The workspace decision log: filters, search, keyset pages, CSV; and what waits on whom. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionLogEntry, Member, WaitsOnWhom } from '../../src/contract';
import { MS_PER_DAY } from '../../src/domain/shared';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { buildHandBuiltWorkspace } from '../support/hand-built';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let founder: TestClient;
let base: string;
let members: Member[];

type Page = { data: DecisionLogEntry[]; nextCursor: string | null };

beforeAll(async () => {
  ctx = await createTestApp();
  founder = new TestClient(ctx.app);
  await founder.signUp('Importer');
  const ws = await founder.post<{ id: string; invitations: { email: string; path: string }[] }>(
    '/api/workspaces/import',
    buildHandBuiltWorkspace(new Date()),
  );
  expect(ws.status).toBe(201);
  base = `/api/workspaces/${ws.body.id}`;
  // The CPO and the CTO the file names join by accepting their invitations themselves.
  for (const [name, email] of [
    ['Dana', 'dana@hand.example'],
    ['Sam', 'sam@hand.example'],
  ] as const) {
    const person = new TestClient(ctx.app);
    await person.signUp(name, email);
    const path = ws.body.invitations.find((i) => i.email === email)?.path ?? '';
    const accepted = await person.post('/api/invitations/accept', { token: path.replace('/join/', '') });
    expect(accepted.status).toBe(200);
  }
  members = (await founder.get<{ data: Member[] }>(`${base}/members`)).body.data;
});
afterAll(() => ctx.close());

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * MS_PER_DAY).toISOString().slice(0, 10);

describe('decision log filters and search', () => {
  it('should list newest first and filter by person, item and decision', async () => {
    const all = (await founder.get<Page>(`${base}/decisions?limit=500`)).body.data;
    // The twelve decisions of the file, and the two people who joined today.
    expect(all).toHaveLength(14);
    const times = all.map((d) => d.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    // Sam joined by his invitation; the file's entries keep their imported attribution, and
    // filtering by Sam finds them by his address.
    const sam = members.find((m) => m.name === 'Sam')?.userId;
    const bySam = (await founder.get<Page>(`${base}/decisions?actorId=${sam}`)).body.data;
    expect(bySam.map((d) => [d.actorName, d.summary])).toEqual([
      ['sam@hand.example in the imported file', 'Estimated #5 at 1/2/3 days'],
      ['sam@hand.example in the imported file', 'Estimated #6 “Blocked on scope” at 1/2/3 days'],
    ]);
    const aboutSix = (await founder.get<Page>(`${base}/decisions?itemNumber=6`)).body.data;
    expect(aboutSix).toHaveLength(4);
    expect(aboutSix.every((d) => d.itemNumber === 6 && d.itemTitle === 'Blocked on scope')).toBe(true);
    const orderOfSix = (await founder.get<Page>(`${base}/decisions?itemNumber=6&decision=backlog_order`)).body
      .data;
    expect(orderOfSix.map((d) => d.summary)).toEqual([
      'Moved #6 after #5',
      'Moved #6 “Blocked on scope” to the top',
    ]);
  });

  it('should filter by a date range, inclusive, and refuse one that runs backwards', async () => {
    const range = (await founder.get<Page>(`${base}/decisions?from=${daysAgo(15)}&to=${daysAgo(12)}`)).body
      .data;
    expect(range.map((d) => d.summary)).toEqual([
      'Moved #6 after #5',
      'Changed decision rights (1 cell)',
      'Moved #5 after #4',
      'Moved #4 to the top',
    ]);
    const joinedToday = (await founder.get<Page>(`${base}/decisions?from=${today()}`)).body.data;
    expect(joinedToday.map((d) => [d.decision, d.actorId !== null])).toEqual([
      ['team', true],
      ['team', true],
    ]);
    const backwards = await founder.get<{ error: { message: string } }>(
      `${base}/decisions?from=${today()}&to=${daysAgo(3)}`,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/^from: .* is after to: .*; swap them$/);
    expect((await founder.get(`${base}/decisions?from=yesterday`)).status).toBe(400);
    expect((await founder.get(`${base}/decisions?actorId=not-a-uuid`)).status).toBe(400);
  });

  it('should search the summary and the why, treating % and _ as plain text', async () => {
    const percent = (await founder.get<Page>(`${base}/decisions?q=${encodeURIComponent('50%')}`)).body.data;
    expect(percent.map((d) => d.rationale)).toEqual(['A 50% discount ends then']);
    const underscore = (await founder.get<Page>(`${base}/decisions?q=${encodeURIComponent('#4_')}`)).body
      .data;
    expect(underscore.map((d) => d.rationale)).toEqual(['Similar to #4_old']);
    const summary = (await founder.get<Page>(`${base}/decisions?q=BLOCKED`)).body.data;
    expect(summary).toHaveLength(2);
  });
});

describe('decision log pages', () => {
  it('should walk every entry once, newest first, page by page', async () => {
    const all = (await founder.get<Page>(`${base}/decisions?limit=500`)).body.data.map((d) => d.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: Page; status: number } = await founder.get<Page>(
        `${base}/decisions?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((d) => d.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('should refuse a cursor it did not hand out', async () => {
    for (const cursor of ['abc', '-1', '0', '1e3', '99999999999']) {
      const res = await founder.get<{ error: { message: string } }>(`${base}/decisions?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/The cursor is not one this server handed out/);
    }
    // A cursor from another workspace is not one for this log.
    const other = new TestClient(ctx.app);
    await other.signUp('Other');
    const ws = await other.post<{ id: string }>(
      '/api/workspaces/import',
      buildHandBuiltWorkspace(new Date(), 'other.example'),
    );
    const foreign = (await other.get<Page>(`/api/workspaces/${ws.body.id}/decisions?limit=1`)).body
      .nextCursor;
    expect((await founder.get(`${base}/decisions?cursor=${foreign}`)).status).toBe(400);
  });
});

describe('decision log CSV', () => {
  it('should export the filtered log with every formula-like cell neutralised', async () => {
    const res = await ctx.app.request(
      `${base}/decisions.csv?decision=backlog_order,scope,team,delivery_dates`,
      {
        headers: { cookie: founder.cookie },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="decisions.csv"');
    const text = await res.text();
    const [header] = text.split('\r\n');
    expect(header).toBe('when,decision,person,item,item title,summary,why,amends');
    for (const dangerous of [
      '=HYPERLINK(""http://evil.example"",""x"")',
      '+1 for the sales team',
      '-2 weeks of work saved',
      '@SUM(A1:A9)',
      '\tTabbed why',
      '\rCarriage why',
      '=1+1\nsecond line',
    ]) {
      expect(text).toContain(`'${dangerous}`);
    }
    expect(text).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(text).not.toContain('Estimated #5');
  });

  it('should answer 400 for a bad filter and 404 outside the workspace', async () => {
    expect((await founder.get(`${base}/decisions.csv?decision=coffee`)).status).toBe(400);
    const stranger = new TestClient(ctx.app);
    await stranger.signUp('Stranger');
    expect((await stranger.get(`${base}/decisions.csv`)).status).toBe(404);
  });
});

describe('what waits on whom', () => {
  it('should count per person with the oldest age, most waiting first', async () => {
    const res = await founder.get<WaitsOnWhom>(`${base}/waiting`);
    expect(res.status).toBe(200);
    const summary = res.body.people.map((p) => ({
      name: p.name,
      total: p.total,
      groups: p.groups.map((g) => [g.kind, g.count, g.oldestDays, g.interim]),
    }));
    expect(summary).toEqual([
      {
        name: 'Dana',
        total: 5,
        groups: [
          ['order', 4, 175, false],
          ['scope', 1, 12, false],
        ],
      },
      { name: 'Sam', total: 5, groups: [['estimate', 5, 175, false]] },
    ]);
    const estimates = res.body.people[1]?.groups[0];
    expect(estimates?.items.map((i) => i.number)).toEqual([1, 4, 2, 5, 3]);
    expect(res.body.unheld).toEqual([]);
  });

  it('should put everything on the founders of a workspace without a CPO or CTO', async () => {
    const solo = new TestClient(ctx.app);
    await solo.signUp('Solo');
    const doc = buildHandBuiltWorkspace(new Date(), 'solo.example');
    const ws = await solo.post<{ id: string }>('/api/workspaces/import', {
      ...doc,
      members: doc.members.filter((m) => m.role === 'founder'),
      items: doc.items.map((it) => ({
        ...it,
        estimate: it.estimate && { ...it.estimate, estimatedBy: null },
      })),
      decisions: doc.decisions.filter((d) => d.actor?.startsWith('alex')),
    });
    expect(ws.status).toBe(201);
    const res = await solo.get<WaitsOnWhom>(`/api/workspaces/${ws.body.id}/waiting`);
    // Scope is the founder's anyway (R in the default matrix); ordering and estimates are interim.
    const interim = ['order', 'estimate', 'scope'].map((kind) => kind !== 'scope');
    expect(res.body.people.map((p) => [p.name, p.total, p.groups.map((g) => g.interim)])).toEqual([
      ['Solo', 10, interim],
    ]);
  });
});
