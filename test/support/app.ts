import type { Hono } from 'hono';
import pino from 'pino';
import type { Database } from '../../src/db/client';
import { createApp } from '../../src/server/app';
import type { AppEnv } from '../../src/server/context';
import { createTestDatabase } from './database';

const databases = new WeakMap<Hono<AppEnv>, Database>();

/** An in-process server on a fresh database, with quiet logs. */
export async function createTestApp() {
  const handle = await createTestDatabase();
  const app = createApp({ db: handle.db, logger: pino({ level: 'silent' }) });
  databases.set(app, handle.db);
  return { app, handle, close: () => handle.close() };
}

/** The database behind an app made by createTestApp, for factories that write rows directly. */
export function databaseOf(app: Hono<AppEnv>): Database {
  const db = databases.get(app);
  if (!db) throw new Error('this app was not made by createTestApp: factories need its database');
  return db;
}
