import type { Hono } from 'hono';
import type { Logger } from 'pino';
import pino from 'pino';
import type { Database, DatabaseHandle } from '../../src/db/client';
import { createApp } from '../../src/server/app';
import type { AppEnv, ServerDeps } from '../../src/server/context';
import { LiveHub } from '../../src/server/live/hub';
import { createTestDatabase } from './database';

const databases = new WeakMap<Hono<AppEnv>, Database>();

/**
 * An in-process server on a fresh database, with quiet logs. GitHub is a closed port on loopback
 * unless a test gives its own: no test reaches beyond this machine.
 * @param extra more of the server's dependencies, or a function that makes them on the database
 *   (e.g. a job queue)
 */
export async function createTestApp(
  extra:
    | Partial<ServerDeps>
    | ((handle: DatabaseHandle, logger: Logger) => Promise<Partial<ServerDeps>>) = {},
) {
  const handle = await createTestDatabase();
  const given = typeof extra === 'function' ? undefined : extra;
  const logger = given?.logger ?? pino({ level: 'silent' });
  // Listens only once a stream opens, so tests that open none pay nothing for it.
  const live = new LiveHub({ db: handle.db, listen: handle.listen, logger });
  const overrides = typeof extra === 'function' ? await extra(handle, logger) : extra;
  const app = createApp({
    db: handle.db,
    logger,
    live,
    github: { baseUrl: 'http://127.0.0.1:9' },
    ...overrides,
  });
  databases.set(app, handle.db);
  return {
    app,
    handle,
    live,
    close: async () => {
      await live.close();
      await handle.close();
    },
  };
}

/** The database behind an app made by createTestApp, for factories that write rows directly. */
export function databaseOf(app: Hono<AppEnv>): Database {
  const db = databases.get(app);
  if (!db) throw new Error('this app was not made by createTestApp: factories need its database');
  return db;
}
