import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { workspaces } from '../db/schema';
import { createApp } from './app';
import { abandonUnfinishedImports } from './commands/import-jobs';
import { DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from './demo/demo-workspace';
import { loadDemo } from './demo/load-demo';

export interface ServeOptions {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  demo: boolean;
  webRoot?: string | undefined;
  logLevel?: string;
}

export interface RunningServer {
  url: string;
  database: DatabaseHandle;
  close: () => Promise<void>;
}

/** Where `npm run build` puts the web app. */
export const DEFAULT_WEB_ROOT = join(import.meta.dirname, '..', '..', 'dist', 'web');

/**
 * Opens the database (running migrations), loads the demo when asked and the database is
 * empty, and serves the API and web app until closed.
 */
export async function startServer(
  options: ServeOptions,
  logger: Logger = pino({ level: options.logLevel ?? 'info' }),
): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  logger.info({ database: database.kind, location: database.location }, 'database ready');
  const abandoned = await abandonUnfinishedImports(database.db);
  if (abandoned > 0)
    logger.warn({ imports: abandoned }, 'unfinished imports from before the stop were discarded');
  if (options.demo) {
    const any = await database.db.select({ id: workspaces.id }).from(workspaces).limit(1);
    if (any.length === 0) {
      const ws = await loadDemo(database.db);
      logger.info({ workspace: ws.name }, 'demo workspace loaded');
    }
  }
  const webRoot =
    options.webRoot ?? (existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? DEFAULT_WEB_ROOT : undefined);
  const app = createApp({
    db: database.db,
    logger,
    webRoot,
    imports: { embedded: database.kind === 'pglite' },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    database,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** The lines printed when the demo is on: where to sign in and as whom. */
export function demoBanner(url: string): string {
  const cpo = DEMO_PEOPLE.find((p) => p.role === 'cpo');
  const founder = DEMO_PEOPLE.find((p) => p.role === 'founder');
  return [
    `Demo sign-in: ${demoEmail(founder?.key ?? 'alex')} / ${DEMO_PASSWORD} (founder)`,
    `          or ${demoEmail(cpo?.key ?? 'dana')} / ${DEMO_PASSWORD} (fractional CPO), or any @demo.headway.dev person`,
    `Open ${url}`,
  ].join('\n');
}
