import pino from 'pino';
import { createApp } from '../../src/server/app';
import { createTestDatabase } from './database';

/** An in-process server on a fresh database, with quiet logs. */
export async function createTestApp() {
  const handle = await createTestDatabase();
  const app = createApp({ db: handle.db, logger: pino({ level: 'silent' }) });
  return { app, handle, close: () => handle.close() };
}
