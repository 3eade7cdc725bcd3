/**
 * Live events across servers: two Headway servers on one PostgreSQL, each with its own pool and
 * its own LISTEN connection. A change made through one reaches the streams of the other, and a
 * stream that reconnects to either misses nothing. Runs only on a PostgreSQL server
 * (HEADWAY_TEST_DB=pg): the embedded database is one process by design.
 */
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { openSession } from '../../src/server/commands/auth';
import { type RunningServer, startServer } from '../../src/server/main';
import { createServerDatabase, TEST_DB } from '../support/database';
import { EventStreamReader } from '../support/event-stream';
import { buildUser, buildWorkspace } from '../support/factories';

let servers: RunningServer[] = [];
let workspaceId: string;
let session: { token: string; csrfToken: string };
const readers: EventStreamReader[] = [];

function baseOf(server: RunningServer): string {
  return server.url.replace('//localhost:', '//127.0.0.1:');
}

async function write<T>(server: RunningServer, method: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseOf(server)}/api/workspaces/${workspaceId}${path}`, {
    method,
    headers: {
      cookie: `headway_session=${session.token}`,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const createItem = (server: RunningServer, title: string) =>
  write<Item>(server, 'POST', '/items', { type: 'feature', title });

async function stream(server: RunningServer, lastEventId?: string): Promise<EventStreamReader> {
  const res = await fetch(`${baseOf(server)}/api/workspaces/${workspaceId}/events`, {
    headers: {
      cookie: `headway_session=${session.token}`,
      ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
    },
  });
  expect(res.status).toBe(200);
  const reader = new EventStreamReader(res);
  readers.push(reader);
  return reader;
}

describe.skipIf(TEST_DB !== 'pg')('live events on two servers sharing one PostgreSQL', () => {
  beforeAll(async () => {
    const databaseUrl = await createServerDatabase();
    const logger = pino({ level: 'silent' });
    const options = { port: 0, host: '127.0.0.1', databaseUrl, dataDir: 'unused', demo: false };
    // One after the other: the first applies the migrations, the second finds them applied.
    servers = [await startServer(options, logger), await startServer(options, logger)];
    const db = servers[0]?.database.db;
    if (!db) throw new Error('no server');
    const user = await buildUser(db, { name: 'Alex' });
    workspaceId = (await buildWorkspace(db, user.id)).id;
    session = await openSession(db, user);
  });

  afterAll(async () => {
    for (const reader of readers) await reader.close();
    for (const server of servers) await server.close({ graceMs: 1000 });
  });

  it('should show a change made through server A to a stream of server B within a second', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const reader = await stream(b);
    await reader.until('ready');
    const arrival = reader.next(2000).then((message) => ({ message, at: performance.now() }));
    const started = performance.now();
    const item = await createItem(a, 'Made on A');
    const answered = performance.now();
    const { message, at } = await arrival;
    expect(message.event).toMatchObject({ kind: 'itemCreated', itemIds: [item.id] });
    // The writer's answer comes once the change committed: B's stream has it within a second of that.
    expect(at - answered).toBeLessThan(1000);
    console.info(
      `live event: write answered by A after ${Math.round(answered - started)} ms, seen on B after ${Math.round(at - started)} ms`,
    );
    await reader.close();
  });

  it('should replay on server A, after a reconnect with Last-Event-ID, every change made meanwhile on both', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const first = await stream(b);
    const [ready] = await first.until('ready');
    const before = await createItem(b, 'Seen before the drop');
    const seen = await first.next();
    expect(seen.event.itemIds).toEqual([before.id]);
    await first.close();
    // While no stream is open, writes land on both servers, some at the same time.
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createItem(i % 2 === 0 ? a : b, `Offline ${i}`)),
    );
    const moved = await write<Item>(a, 'POST', `/items/${made[0]?.id}/move`, { afterId: null });
    const again = await stream(a, seen.id);
    expect((await again.next()).event).toMatchObject({ kind: 'ready', id: seen.id });
    const replayed = [];
    for (let i = 0; i < made.length + 1; i += 1) replayed.push(await again.next());
    await expect(again.next(500)).rejects.toThrow(/no event/);
    const ids = replayed.map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id > Number(seen.id) && id > Number(ready?.id))).toBe(true);
    const created = replayed.filter((m) => m.event.kind === 'itemCreated').flatMap((m) => m.event.itemIds);
    expect(created.sort()).toEqual(made.map((item) => item.id).sort());
    expect(replayed.at(-1)?.event).toMatchObject({ kind: 'itemMoved', itemIds: [moved.id] });
    await again.close();
  });

  it('should give streams on both servers the same events, each once, when both servers take writes at once', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const onA = await stream(a);
    const onB = await stream(b);
    await onA.until('ready');
    await onB.until('ready');
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createItem(i % 2 ? a : b, `Busy ${i}`)),
    );
    for (const reader of [onA, onB]) {
      const got = [];
      for (let i = 0; i < made.length; i += 1) got.push(await reader.next());
      await expect(reader.next(300)).rejects.toThrow(/no event/);
      expect(got.flatMap((m) => m.event.itemIds).sort()).toEqual(made.map((item) => item.id).sort());
      const ids = got.map((m) => Number(m.id));
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      await reader.close();
    }
  });

  it('should listen again when the database drops the listening connection, and miss nothing', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const reader = await stream(b);
    await reader.until('ready');
    const db = a.database.db;
    const dropped = (await db.execute(
      sql`select pg_terminate_backend(pid) as ended from pg_stat_activity where query ilike 'listen %'`,
    )) as unknown as { rows: unknown[] };
    expect(dropped.rows.length).toBeGreaterThanOrEqual(1);
    // Made while server B has no LISTEN connection: its stream gets it once B listens again.
    const item = await createItem(a, 'Made while B was deaf');
    expect((await reader.next(5000)).event).toMatchObject({ kind: 'itemCreated', itemIds: [item.id] });
    const later = await createItem(a, 'Made once B listens again');
    expect((await reader.next(5000)).event.itemIds).toEqual([later.id]);
    await reader.close();
  });

  it('should end its streams when a server shuts down, without waiting out the grace period', async () => {
    const b = servers[1] as RunningServer;
    const reader = await stream(b);
    await reader.until('ready');
    const started = performance.now();
    // An open stream never ends by itself: without being ended first it would hold the close
    // for the whole grace period.
    await b.close({ graceMs: 30_000 });
    expect(performance.now() - started).toBeLessThan(10_000);
    await reader.ended();
    servers = servers.filter((server) => server !== b);
  }, 40_000);
});
