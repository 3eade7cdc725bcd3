/**
 * Exports for people outside the app: a backlog view as CSV (filters honoured, formulas
 * neutralised), the roadmap as Markdown, and milestones as a calendar feed that needs no session
 * and stops answering once revoked or once its member leaves.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarFeed, CreatedCalendarFeed, Item, Roadmap, Workspace } from '../../src/contract';
import { calendarFeeds } from '../../src/db/schema';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { buildMembership, buildUser, signInDirectly } from '../support/factories';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let own: Team;
let other: Team;
let base: string;
let workspace: Workspace;
const made: Record<string, Item> = {};

const HOSTILE = '=HYPERLINK("http://x")';

async function create(body: Record<string, unknown>): Promise<Item> {
  const res = await own.founder.post<Item>(`${base}/items`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The rows of a CSV answer, header first, without the byte-order mark. */
function rowsOf(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

/** The numbers in a backlog CSV, in its order. */
async function numbersIn(query: string): Promise<number[]> {
  const res = await own.founder.get<string>(`${base}/items/export.csv${query}`);
  expect(res.status, String(res.body)).toBe(200);
  const [header, ...rows] = rowsOf(res.body);
  const at = header?.indexOf('Number') ?? -1;
  return rows.map((row) => Number(row[at]));
}

/** An anonymous client, as a calendar app is. */
const anonymous = () => new TestClient(ctx.app);

async function createFeed(client: TestClient, name: string, ws = base): Promise<CreatedCalendarFeed> {
  const res = await client.post<CreatedCalendarFeed>(`${ws}/calendar-feeds`, { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  ctx = await createTestApp();
  own = await createTeam(ctx.app, ['founder']);
  other = await createTeam(ctx.app, ['founder']);
  base = `/api/workspaces/${own.workspaceId}`;
  workspace = (await own.founder.get<Workspace>(base)).body;
  made.launch = await create({ type: 'initiative', title: 'Launch in Spain', targetDate: '2030-03-02' });
  made.checkout = await create({
    type: 'feature',
    title: 'Checkout in euros',
    parentId: made.launch.id,
    labels: ['payments'],
    estimate: { optimistic: 2, likely: 3, pessimistic: 5 },
  });
  made.hostile = await create({ type: 'bug', title: HOSTILE, labels: ['payments'] });
  made.assigned = await create({ type: 'task', title: 'Invoices', assigneeId: own.founder.userId });
  made.shipped = await create({ type: 'task', title: 'Old receipts', state: 'done' });
  // Someone to plan the work on; joining after the items were made, so the founder could estimate.
  const developer = await buildUser(ctx.handle.db, { name: 'Jonas' });
  await buildMembership(ctx.handle.db, {
    workspaceId: own.workspaceId,
    userId: developer.id,
    role: 'developer',
  });
});
afterAll(() => ctx.close());

describe('backlog CSV', () => {
  it('should send CSV as an attachment named after the workspace and today', async () => {
    const res = await own.founder.get<string>(`${base}/items/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${workspace.slug}-backlog-${today}.csv"`,
    );
    const [header] = rowsOf(res.body);
    expect(header?.slice(0, 5)).toEqual(['Position', 'Number', 'Title', 'Type', 'State']);
  });

  it('should hold the open items in the product order and leave done ones out unless asked', async () => {
    const list = await own.founder.get<{ data: Item[] }>(`${base}/items`);
    const open = list.body.data.filter((it) => it.state !== 'done' && it.state !== 'cancelled');
    expect(await numbersIn('')).toEqual(open.map((it) => it.number));
    expect(await numbersIn('?closed=show')).toEqual(list.body.data.map((it) => it.number));
    expect(await numbersIn('?state=done')).toEqual([made.shipped?.number]);
  });

  it('should honour the type, label, assignee and text filters of the backlog', async () => {
    expect(await numbersIn('?type=bug')).toEqual([made.hostile?.number]);
    expect(await numbersIn('?label=payments')).toEqual([made.checkout?.number, made.hostile?.number]);
    expect(await numbersIn(`?assigneeId=${own.founder.userId}`)).toEqual([made.assigned?.number]);
    expect(await numbersIn('?q=euros')).toEqual([made.checkout?.number]);
    expect(await numbersIn('?q=euros&type=bug')).toEqual([]);
  });

  it('should neutralise a title a spreadsheet would run as a formula', async () => {
    const res = await own.founder.get<string>(`${base}/items/export.csv?type=bug`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const [header, row] = rowsOf(res.body);
    expect(row?.[header?.indexOf('Title') ?? -1]).toBe(`'${HOSTILE}`);
    const cells = rowsOf(res.body).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('should name the parent and the assignee as the backlog shows them', async () => {
    const res = await own.founder.get<string>(`${base}/items/export.csv?q=euros`);
    const [header, row] = rowsOf(res.body);
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('Parent')).toBe(String(made.launch?.number));
    expect(cell('Labels')).toBe('payments');
    expect([cell('Optimistic (days)'), cell('Likely (days)'), cell('Pessimistic (days)')]).toEqual([
      '2',
      '3',
      '5',
    ]);
    const assigned = rowsOf((await own.founder.get<string>(`${base}/items/export.csv?q=Invoices`)).body);
    expect(assigned[1]?.[assigned[0]?.indexOf('Assignee') ?? -1]).toBe('Alex');
  });

  it('should answer a filter it cannot read with a 400 that names it', async () => {
    for (const query of ['?closed=maybe', '?type=story', '?assigneeId=nobody']) {
      const res = await own.founder.get<{ error: { message: string } }>(`${base}/items/export.csv${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message).toMatch(query.slice(1, query.indexOf('=')));
    }
  });

  it('should answer 404 to a member of another workspace and 401 without a session', async () => {
    expect((await other.founder.get(`${base}/items/export.csv`)).status).toBe(404);
    expect((await anonymous().get(`${base}/items/export.csv`)).status).toBe(401);
  });
});

describe('roadmap Markdown', () => {
  it('should send the roadmap the page shows, milestones included, as a Markdown attachment', async () => {
    const roadmap = (await own.founder.get<Roadmap>(`${base}/roadmap`)).body;
    expect(roadmap.milestones.map((m) => m.title)).toEqual(['Launch in Spain']);
    expect(roadmap.milestones[0]?.plannedItems).toBe(1);
    const res = await own.founder.get<string>(`${base}/roadmap/export.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${workspace.slug}-roadmap-${roadmap.startDate}.md"`,
    );
    expect(res.body).toContain('## Milestones');
    const milestone = roadmap.milestones[0];
    expect(res.body).toContain(`| Launch in Spain | 2030-03-02 | ${milestone?.date ?? 'no planned work'} |`);
    for (const item of roadmap.items) expect(res.body).toContain(`| ${item.number} |`);
  });

  it('should refuse a start date it cannot read with a 400', async () => {
    const res = await own.founder.get<{ error: { message: string } }>(`${base}/roadmap/export.md?start=soon`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/start/);
  });
});

describe('calendar feeds', () => {
  it('should serve the milestones as all-day events to a caller without a session', async () => {
    const feed = await createFeed(own.founder, 'work calendar');
    expect(feed.path).toBe(`/api/calendar/${feed.token}.ics`);
    const res = await anonymous().get<string>(feed.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = res.body.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(1);
    const roadmap = (await own.founder.get<Roadmap>(`${base}/roadmap`)).body;
    const date = (roadmap.milestones[0]?.date ?? 'none').replace(/-/g, '');
    expect(events[0]).toContain('SUMMARY:Launch in Spain\r\n');
    expect(events[0]).toContain(`DTSTART;VALUE=DATE:${date}\r\n`);
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('should keep only a hash of a secret of at least 128 random bits', async () => {
    const feed = await createFeed(own.founder, 'phone');
    const secret = feed.token.replace(/^hwc_/, '');
    expect(Buffer.from(secret, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const [row] = await ctx.handle.db.select().from(calendarFeeds).where(eq(calendarFeeds.id, feed.id));
    expect(row?.tokenHash).toBe(createHash('sha256').update(feed.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = await own.founder.get<{ data: CalendarFeed[] }>(`${base}/calendar-feeds`);
    expect(list.body.data.find((f) => f.id === feed.id)).toEqual({
      id: feed.id,
      name: 'phone',
      createdAt: feed.createdAt,
    });
  });

  it('should answer 404 once the feed is revoked, and list it no more', async () => {
    const feed = await createFeed(own.founder, 'to revoke');
    expect((await anonymous().get(feed.path)).status).toBe(200);
    expect((await own.founder.delete(`${base}/calendar-feeds/${feed.id}`)).status).toBe(204);
    expect((await anonymous().get(feed.path)).status).toBe(404);
    const list = await own.founder.get<{ data: CalendarFeed[] }>(`${base}/calendar-feeds`);
    expect(list.body.data.map((f) => f.id)).not.toContain(feed.id);
    expect((await own.founder.delete(`${base}/calendar-feeds/${feed.id}`)).status).toBe(404);
  });

  it('should open nothing but the feed: its secret is no API token', async () => {
    const feed = await createFeed(own.founder, 'not a token');
    const client = anonymous();
    client.token = feed.token;
    expect((await client.get(`${base}/roadmap`)).status).toBe(401);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('should answer 404 to a wrong or malformed token', async () => {
    const feed = await createFeed(own.founder, 'real');
    const wrong = `${feed.token.slice(0, -1)}${feed.token.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [`/api/calendar/${wrong}.ics`, '/api/calendar/nope.ics', '/api/calendar/.ics']) {
      expect((await anonymous().get(path)).status, path).toBe(404);
    }
  });

  it('should answer 404 once the member who made it has left the workspace', async () => {
    const db = ctx.handle.db;
    const user = await buildUser(db, { name: 'Leaver' });
    await buildMembership(db, { workspaceId: own.workspaceId, userId: user.id, role: 'developer' });
    const leaver = new TestClient(ctx.app);
    await signInDirectly(db, leaver, user);
    const feed = await createFeed(leaver, 'mine');
    expect((await anonymous().get(feed.path)).status).toBe(200);
    const removed = await own.founder.delete(`${base}/members/${user.id}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);
    expect((await anonymous().get(feed.path)).status).toBe(404);
  });

  it('should not let another workspace’s member or a co-member list or revoke my feeds', async () => {
    const feed = await createFeed(own.founder, 'private');
    expect((await other.founder.get(`${base}/calendar-feeds`)).status).toBe(404);
    expect((await other.founder.delete(`${base}/calendar-feeds/${feed.id}`)).status).toBe(404);
    const otherBase = `/api/workspaces/${other.workspaceId}`;
    expect((await other.founder.delete(`${otherBase}/calendar-feeds/${feed.id}`)).status).toBe(404);
    const theirs = await other.founder.get<{ data: CalendarFeed[] }>(`${otherBase}/calendar-feeds`);
    expect(theirs.body.data.map((f) => f.id)).not.toContain(feed.id);

    const db = ctx.handle.db;
    const user = await buildUser(db, { name: 'Colleague' });
    await buildMembership(db, { workspaceId: own.workspaceId, userId: user.id, role: 'cpo' });
    const colleague = new TestClient(ctx.app);
    await signInDirectly(db, colleague, user);
    const listed = await colleague.get<{ data: CalendarFeed[] }>(`${base}/calendar-feeds`);
    expect(listed.body.data).toEqual([]);
    expect((await colleague.delete(`${base}/calendar-feeds/${feed.id}`)).status).toBe(404);
    expect((await anonymous().get(feed.path)).status).toBe(200);
  });

  it('should read only its own workspace', async () => {
    await other.founder.post(`/api/workspaces/${other.workspaceId}/items`, {
      type: 'initiative',
      title: 'Their secret launch',
      targetDate: '2030-01-10',
    });
    const theirs = await createFeed(other.founder, 'theirs', `/api/workspaces/${other.workspaceId}`);
    const mine = await createFeed(own.founder, 'mine');
    const [theirFeed, myFeed] = await Promise.all([
      anonymous().get<string>(theirs.path),
      anonymous().get<string>(mine.path),
    ]);
    expect(theirFeed.body).toContain('SUMMARY:Their secret launch');
    expect(theirFeed.body).not.toContain('Launch in Spain');
    expect(myFeed.body).not.toContain('Their secret launch');
  });

  it('should refuse a feed without a name with a 400 and create nothing', async () => {
    const before = (await own.founder.get<{ data: CalendarFeed[] }>(`${base}/calendar-feeds`)).body.data;
    for (const body of [{ name: '  ' }, {}, { name: 'x', extra: 1 }]) {
      const res = await own.founder.post<{ error: { message: string } }>(`${base}/calendar-feeds`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(/name|extra/);
    }
    const after = (await own.founder.get<{ data: CalendarFeed[] }>(`${base}/calendar-feeds`)).body.data;
    expect(after).toEqual(before);
  });

  it('should keep the secret out of the access log', async () => {
    const { redactSecrets } = await import('../../src/server/middleware/request-context');
    expect(redactSecrets('/api/calendar/hwc_abc.ics')).toBe('/api/calendar/[secret].ics');
    expect(redactSecrets(`${base}/items`)).toBe(`${base}/items`);
  });
});
