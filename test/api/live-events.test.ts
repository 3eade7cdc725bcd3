import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { workspaceEvents } from '../../src/db/schema';
import { createApp } from '../../src/server/app';
import { Metrics } from '../../src/server/metrics';
import { createTestApp } from '../support/app';
import type { TestClient } from '../support/client';
import { EventStreamReader } from '../support/event-stream';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let other: Team;
const open: EventStreamReader[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'developer']);
  other = await createTeam(ctx.app, ['founder']);
});

afterAll(async () => {
  for (const reader of open) await reader.close();
  await ctx?.close();
});

function events(
  client: TestClient,
  options: { workspaceId?: string; headers?: Record<string, string>; query?: string } = {},
) {
  const path = `/api/workspaces/${options.workspaceId ?? team.workspaceId}/events${options.query ?? ''}`;
  return ctx.app.request(path, { headers: { cookie: client.cookie, ...options.headers } });
}

async function stream(client: TestClient, options: Parameters<typeof events>[1] = {}) {
  const res = await events(client, options);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = new EventStreamReader(res);
  open.push(reader);
  return reader;
}

async function createItem(title: string): Promise<Item> {
  const res = await team.cpo.post<Item>(`/api/workspaces/${team.workspaceId}/items`, {
    type: 'feature',
    title,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function storedEvents() {
  return ctx.handle.db
    .select()
    .from(workspaceEvents)
    .where(eq(workspaceEvents.workspaceId, team.workspaceId))
    .orderBy(workspaceEvents.id);
}

describe('GET /api/workspaces/{id}/events', () => {
  it('should send a member the event of a write made by someone else, after a ready event', async () => {
    const reader = await stream(team.developer);
    const [ready] = await reader.until('ready');
    const item = await createItem('Live checkout');
    const message = await reader.next();
    expect(message.event).toMatchObject({
      kind: 'itemCreated',
      workspaceId: team.workspaceId,
      itemIds: [item.id],
    });
    expect(message.id).toBe(message.event.id);
    expect(Number(message.id)).toBeGreaterThan(Number(ready?.id));
    await reader.close();
  });

  it('should store one event per committed write and none for a refused one', async () => {
    const item = await createItem('Versioned');
    const before = await storedEvents();
    const stale = await team.cpo.patch(`/api/workspaces/${team.workspaceId}/items/${item.id}`, {
      version: item.version + 5,
      title: 'Never written',
    });
    expect(stale.status).toBe(409);
    const moved = await team.cpo.post(`/api/workspaces/${team.workspaceId}/items/${item.id}/move`, {
      afterId: null,
    });
    expect(moved.status).toBe(200);
    const after = await storedEvents();
    expect(after.slice(before.length).map((e) => [e.kind, e.itemIds])).toEqual([['itemMoved', [item.id]]]);
  });

  it('should replay exactly the events after Last-Event-ID, in order, then stream live ones', async () => {
    const a = await createItem('First');
    const b = await createItem('Second');
    const c = await createItem('Third');
    const stored = await storedEvents();
    const ofA = stored.find((e) => e.itemIds.includes(a.id));
    const reader = await stream(team.developer, { headers: { 'last-event-id': String(ofA?.id) } });
    expect((await reader.next()).event).toMatchObject({ kind: 'ready', id: String(ofA?.id) });
    const replayed = [await reader.next(), await reader.next()];
    expect(replayed.map((m) => m.event.itemIds)).toEqual([[b.id], [c.id]]);
    const d = await createItem('Fourth');
    expect((await reader.next()).event.itemIds).toEqual([d.id]);
    await expect(reader.next(300)).rejects.toThrow(/no event/);
    await reader.close();
  });

  it('should resume from ?after= as from the Last-Event-ID header', async () => {
    const stored = await storedEvents();
    const last = stored.at(-1);
    const previous = stored.at(-2);
    const reader = await stream(team.founder, { query: `?after=${previous?.id}` });
    const [ready, replayed] = [await reader.next(), await reader.next()];
    expect(ready?.event.kind).toBe('ready');
    expect(replayed?.id).toBe(String(last?.id));
    await expect(reader.next(300)).rejects.toThrow(/no event/);
    await reader.close();
  });

  it('should tell a stream resuming after an id the server does not keep to fetch everything again', async () => {
    const stored = await storedEvents();
    const reader = await stream(team.founder, { headers: { 'last-event-id': '999999999' } });
    const first = await reader.next();
    expect(first.event.kind).toBe('reset');
    expect(first.id).toBe(String(stored.at(-1)?.id));
    await reader.close();
  });

  it('should answer 404 to a member of another workspace and 401 to no one, as every workspace route', async () => {
    expect((await events(other.founder)).status).toBe(404);
    const anonymous = await ctx.app.request(`/api/workspaces/${team.workspaceId}/events`);
    expect(anonymous.status).toBe(401);
    // Their own workspace streams, and never carries this one's events.
    const theirs = await stream(other.founder, { workspaceId: other.workspaceId });
    await theirs.until('ready');
    await createItem('Not theirs');
    await expect(theirs.next(300)).rejects.toThrow(/no event/);
    await theirs.close();
  });

  it('should refuse a Last-Event-ID that is not an event id with 400 naming it', async () => {
    const res = await events(team.founder, { headers: { 'last-event-id': '12abc' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Last-Event-ID/);
  });

  it('should prune the workspace’s events older than a week as writes go, and keep the recent ones', async () => {
    const db = ctx.handle.db;
    const [old] = await db
      .insert(workspaceEvents)
      .values({
        workspaceId: team.workspaceId,
        kind: 'itemChanged',
        createdAt: sql`now() - interval '8 days'`,
      })
      .returning({ id: workspaceEvents.id });
    const [recent] = await db
      .insert(workspaceEvents)
      .values({
        workspaceId: team.workspaceId,
        kind: 'itemChanged',
        createdAt: sql`now() - interval '6 days'`,
      })
      .returning({ id: workspaceEvents.id });
    // Writes prune one time in 64, by their event id: make the next write's id such a one.
    const next = Math.ceil(((recent?.id ?? 0) + 1) / 64) * 64;
    await db.execute(sql`select setval(pg_get_serial_sequence('workspace_events', 'id'), ${next - 1})`);
    await createItem('Prunes');
    const ids = (await storedEvents()).map((e) => e.id);
    expect(ids).not.toContain(old?.id);
    expect(ids).toContain(recent?.id);
    expect(ids).toContain(next);
  });

  it('should count the open streams in the operator’s metrics', async () => {
    const metrics = new Metrics();
    const token = 'live-metrics-token-0123456789';
    const app = createApp({
      db: ctx.handle.db,
      logger: pino({ level: 'silent' }),
      live: ctx.live,
      metrics,
      metricsToken: token,
    });
    const scrape = async () => {
      const res = await app.request('/api/metrics', { headers: { authorization: `Bearer ${token}` } });
      return /^headway_live_streams (\d+)$/m.exec(await res.text())?.[1];
    };
    expect(await scrape()).toBe('0');
    const res = await app.request(`/api/workspaces/${team.workspaceId}/events`, {
      headers: { cookie: team.cpo.cookie },
    });
    const reader = new EventStreamReader(res);
    await reader.until('ready');
    expect(await scrape()).toBe('1');
    await reader.close();
    await expect.poll(scrape).toBe('0');
    metrics.stop();
  });

  it('should end the stream of someone removed from the workspace', async () => {
    const reader = await stream(team.developer);
    await reader.until('ready');
    const removed = await team.founder.delete(
      `/api/workspaces/${team.workspaceId}/members/${team.developer.userId}`,
    );
    expect(removed.status).toBe(204);
    await reader.ended();
    expect((await events(team.developer)).status).toBe(404);
  });

  it('should end every open stream when the server closes its live hub', async () => {
    const reader = await stream(team.cpo);
    await reader.until('ready');
    expect(ctx.live.streams).toBe(1);
    await ctx.live.close();
    await reader.ended();
    const late = await events(team.cpo);
    expect(late.status).toBe(200);
    await new EventStreamReader(late).ended();
  });
});
