import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Logger } from 'pino';
import { HEADWAY_VERSION, type Instance } from '../contract';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { recordServerUrl } from '../db/lock';
import { users, workspaces } from '../db/schema';
import { ROLE_LABELS, type Role } from '../domain/decision-rights';
import { createApp } from './app';
import { abandonUnfinishedImports } from './commands/import-jobs';
import { setComputePool } from './compute/pool';
import { DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from './demo/demo-workspace';
import { loadDemo } from './demo/load-demo';
import { startCatchUp } from './github/catch-up';
import { type Background, startBackground } from './jobs/background';
import type { BackupSchedule } from './jobs/backups';
import { DEFAULT_BRIEF_CRON } from './jobs/brief-digests';
import { DEFAULT_PORTAL_NOTICE_CRON } from './jobs/portal-notices';
import { LiveHub } from './live/hub';
import { createLogger, type LogFormat } from './logger';
import type { MailConfig } from './mail/brief-digest';
import { Metrics } from './metrics';
import { resolveWithSystem, STRICT_POLICY, type TargetPolicy } from './webhooks/target';

export interface ServeOptions {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  demo: boolean;
  webRoot?: string | undefined;
  logLevel?: string;
  logFormat?: LogFormat;
  /** Where people reach the server (https turns on Secure cookies). */
  publicUrl?: string | undefined;
  /** Proxies in front of the server trusted to write X-Forwarded-For (0: none). */
  trustProxy?: number | undefined;
  /** The operator's token for /api/metrics (HEADWAY_METRICS_TOKEN); none turns the endpoint off. */
  metricsToken?: string | undefined;
  /** Check presented responses against their schema (see ServerDeps.checkResponses). */
  checkResponses?: boolean;
  /** Run the background job queue (`headway serve` does unless HEADWAY_JOBS=0; default false): webhook deliveries, scheduled backups. */
  jobs?: boolean;
  /** Which webhook targets the operator allows beyond public addresses. */
  webhookPolicy?: TargetPolicy | undefined;
  /** Scheduled backups (HEADWAY_BACKUP_DIR and friends), or none. */
  backups?: BackupSchedule | null | undefined;
  /** E-mail settings (HEADWAY_SMTP_URL and friends), or none: e-mail is off. */
  mail?: MailConfig | null | undefined;
  /** When the weekly briefs go out to members who asked (HEADWAY_BRIEF_CRON); used only with `mail`. */
  briefCron?: string | undefined;
  /** When the ideas portal's notices go out to the people who asked (HEADWAY_PORTAL_NOTICE_CRON); used only with `mail`. */
  portalNoticeCron?: string | undefined;
  /** When the weekly re-plans run (HEADWAY_REPLAN_CRON). */
  replanCron?: string | undefined;
}

/** How long a shutdown waits for requests in flight before it cuts their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  url: string;
  database: DatabaseHandle;
  /** The demo accounts, when the server runs the demo. */
  demo: Instance['demo'];
  /** How logs are written, as resolved from the options and the terminal. */
  logFormat: 'pretty' | 'json';
  /**
   * Shuts down gracefully: readiness turns 503, live event streams end, the listener stops
   * accepting, requests in flight finish (connections still busy after `graceMs` are cut), then
   * the database closes.
   */
  close: (options?: { graceMs?: number }) => Promise<void>;
}

/** Where `npm run build` puts the web app. */
export const DEFAULT_WEB_ROOT = join(import.meta.dirname, '..', '..', 'dist', 'web');

/**
 * Opens the database (running migrations), loads the demo when asked and the database is
 * empty, and serves the API and web app until closed.
 */
export async function startServer(options: ServeOptions, given?: Logger): Promise<RunningServer> {
  const created = given
    ? { logger: given, format: 'json' as const }
    : createLogger({ level: options.logLevel, format: options.logFormat });
  const { logger } = created;
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  logger.debug({ database: database.kind, location: database.location }, 'database ready');
  const abandoned = await abandonUnfinishedImports(database.db);
  if (abandoned > 0)
    logger.warn({ imports: abandoned }, 'unfinished imports from before the stop were discarded');
  let demo: Instance['demo'] = null;
  if (options.demo) {
    const any = await database.db.select({ id: workspaces.id }).from(workspaces).limit(1);
    if (any.length === 0) {
      const ws = await loadDemo(database.db);
      logger.debug({ workspace: ws.name }, 'demo workspace loaded');
    }
    demo = await findDemoAccounts(database);
  }
  const webRoot =
    options.webRoot ?? (existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? DEFAULT_WEB_ROOT : undefined);
  const metrics = new Metrics();
  const lifecycle = { draining: false };
  const live = new LiveHub({ db: database.db, listen: database.listen, logger });
  const webhookPolicy = options.webhookPolicy ?? STRICT_POLICY;
  let background: Background | undefined;
  try {
    background = !options.jobs
      ? undefined
      : await startBackground({
          database,
          logger,
          webhooks: { resolve: resolveWithSystem, policy: webhookPolicy },
          backups: options.backups,
          replanCron: options.replanCron,
          briefDigests: options.mail
            ? { mail: options.mail, cron: options.briefCron ?? DEFAULT_BRIEF_CRON }
            : null,
          portalNotices: options.mail
            ? { mail: options.mail, cron: options.portalNoticeCron ?? DEFAULT_PORTAL_NOTICE_CRON }
            : null,
        });
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = createApp({
    db: database.db,
    logger,
    webRoot,
    demo,
    accessLog: created.format === 'pretty' ? 'failures' : 'every',
    publicUrl: options.publicUrl,
    trustProxy: options.trustProxy,
    imports: { embedded: database.kind === 'pglite' },
    metrics,
    metricsToken: options.metricsToken,
    databasePool: database.pool,
    lifecycle,
    live,
    checkResponses: options.checkResponses ?? false,
    jobs: background?.queue,
    webhookPolicy,
    mail: options.mail ?? null,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  const stopCatchUp = startCatchUp(database.db, logger);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' ? 'localhost' : options.host;
  if (database.kind === 'pglite' && !options.dataDir.startsWith('memory://')) {
    // A CLI command that finds the data directory locked talks to this server instead.
    recordServerUrl(options.dataDir, `http://${reachableHost(options.host)}:${port}`);
  }
  return {
    url: `http://${shownHost}:${port}`,
    database,
    demo,
    logFormat: created.format,
    close: async ({ graceMs = SHUTDOWN_GRACE_MS } = {}) => {
      lifecycle.draining = true;
      // Live streams never end on their own: end them first (browsers reconnect elsewhere).
      await live.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A keep-alive connection that finishes its request while the server closes goes idle and
      // would hold the close open: end idle ones as they appear, and cut the rest at the cap.
      const sweep = setInterval(() => closeIdle(server), 100);
      const cap = setTimeout(() => closeAll(server), graceMs);
      try {
        await closed;
      } finally {
        clearInterval(sweep);
        clearTimeout(cap);
      }
      metrics.stop();
      // Jobs in flight finish (within the grace) before the database they write to closes.
      await background?.stop();
      await stopCatchUp();
      await database.close();
      await setComputePool(null);
    },
  };
}

type NodeServer = ReturnType<typeof serve>;

function closeIdle(server: NodeServer): void {
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}

function closeAll(server: NodeServer): void {
  if ('closeAllConnections' in server) server.closeAllConnections();
}

/** An address on this machine that reaches a server listening on `host`. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** The demo people who can sign in on this database (with the demo password), or null. */
async function findDemoAccounts(database: DatabaseHandle): Promise<Instance['demo']> {
  const rows = await database.db
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        inArray(
          users.email,
          DEMO_PEOPLE.map((p) => demoEmail(p.key)),
        ),
        isNotNull(users.passwordHash),
      ),
    );
  const present = new Set(rows.map((r) => r.email));
  const accounts = DEMO_PEOPLE.filter((p) => present.has(demoEmail(p.key))).map((p) => ({
    email: demoEmail(p.key),
    name: p.name,
    role: p.role,
  }));
  return accounts.length > 0 ? { password: DEMO_PASSWORD, accounts } : null;
}

/**
 * The few lines `headway serve` prints when it is ready: where it runs, on which database, who to
 * sign in as in the demo, and where the logs go.
 */
export function describeStartup(
  server: Pick<RunningServer, 'url' | 'database' | 'demo' | 'logFormat'> & { publicUrl?: string | undefined },
): string {
  const database =
    server.database.kind === 'pglite'
      ? `embedded, in ${server.database.location} (for real use, set DATABASE_URL to a PostgreSQL server)`
      : `PostgreSQL at ${server.database.location}`;
  const lines = [`Headway ${HEADWAY_VERSION} is running at ${server.url}`];
  if (server.publicUrl) lines.push(`  Public    ${server.publicUrl}`);
  lines.push(`  Database  ${database}`);
  if (server.demo) {
    const byRole = (role: Role) => server.demo?.accounts.find((a) => a.role === role);
    const shown = [byRole('cpo'), byRole('founder'), byRole('cto')].filter((a) => a !== undefined);
    lines.push(
      `  Demo      sign in as ${shown.map((a) => `${a.email} (${ROLE_LABELS[a.role]})`).join(', ')}`,
      `            password ${server.demo.password}`,
    );
  }
  lines.push(
    server.logFormat === 'pretty'
      ? '  Logs      warnings and failed requests here; --log-format json logs every request'
      : '  Logs      JSON, one line per request',
    'Press Ctrl+C to stop.',
  );
  return lines.join('\n');
}
