import type { Hono } from 'hono';
import pino from 'pino';
import type { Database } from '../../src/db/client';
import { createApp } from '../../src/server/app';
import type { AppEnv, ServerDeps } from '../../src/server/context';
import { LiveHub } from '../../src/server/live/hub';
import { createTestDatabase } from './database';

const databases = new WeakMap<Hono<AppEnv>, Database>();

/**
 * An in-process server on a fresh database, with quiet logs. GitHub is a closed port on loopback
 * unless a test gives its own: no test reaches beyond this machine.
 */
export async function createTestApp(overrides: Partial<ServerDeps> = {}) {
  const handle = await createTestDatabase();
  const logger = overrides.logger ?? pino({ level: 'silent' });
  // Listens only once a stream opens, so tests that open none pay nothing for it.
  const live = new LiveHub({ db: handle.db, listen: handle.listen, logger });
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
