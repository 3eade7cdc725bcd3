import type { Command } from 'commander';
import { z } from 'zod';
import { text } from '../../contract/common';
import { readBackupSchedule } from '../../server/jobs/backups';
import { readBriefDigestCron } from '../../server/jobs/brief-digests';
import { readPortalNoticeCron } from '../../server/jobs/portal-notices';
import { readReplanCron } from '../../server/jobs/replans';
import { LOG_FORMATS } from '../../server/logger';
import { readMailConfig } from '../../server/mail/brief-digest';
import { describeStartup, startServer } from '../../server/main';
import { readTargetPolicy } from '../../server/webhooks/target';
import {
  DATABASE_FLAGS,
  PortFlagSchema,
  PublicUrlFlagSchema,
  TrustProxyFlagSchema,
  withDatabaseOptions,
} from '../config';
import { EXIT_CODES, parseFlags, SwitchSchema, UsageError } from '../flags';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The flags of `headway serve`. */
const ServeFlagsSchema = z.strictObject({
  ...DATABASE_FLAGS,
  port: PortFlagSchema,
  host: text().trim().min(1, 'give an interface such as 127.0.0.1 or 0.0.0.0'),
  demo: SwitchSchema,
  webRoot: text().min(1).optional(),
  logLevel: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`),
  logFormat: z.enum(LOG_FORMATS, `must be one of ${LOG_FORMATS.join(', ')}`),
  publicUrl: PublicUrlFlagSchema,
  trustProxy: TrustProxyFlagSchema,
});

/** The metrics token from HEADWAY_METRICS_TOKEN (never a flag: flags show in the process list). */
function readMetricsToken(): string | undefined {
  const token = process.env.HEADWAY_METRICS_TOKEN?.trim();
  if (!token) return undefined;
  if (token.length < 16) {
    throw new UsageError(
      'HEADWAY_METRICS_TOKEN must be at least 16 characters: use a random one (openssl rand -hex 32)',
    );
  }
  return token;
}

/** The operator's settings of background work: webhook targets allowed, scheduled backups, e-mail. */
function readBackgroundSettings() {
  try {
    return {
      jobs: process.env.HEADWAY_JOBS !== '0',
      webhookPolicy: readTargetPolicy(process.env),
      backups: readBackupSchedule(process.env),
      mail: readMailConfig(process.env),
      briefCron: readBriefDigestCron(process.env),
      portalNoticeCron: readPortalNoticeCron(process.env),
      replanCron: readReplanCron(process.env),
    };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `headway serve`: the API and the web app, on the embedded database or a PostgreSQL server. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('serve')
      .description('run the Headway web app and API')
      .option('-p, --port <port>', 'port to listen on (env PORT)', process.env.PORT ?? '3000')
      .option('--host <host>', 'interface to listen on (env HOST)', process.env.HOST ?? '127.0.0.1')
      .option('--demo', 'load the demo workspace when the database is empty')
      .option('--web-root <dir>', 'serve the web app from this folder (default dist/web)')
      .option(
        '--log-level <level>',
        'fatal, error, warn, info, debug or trace (env LOG_LEVEL)',
        process.env.LOG_LEVEL ?? 'info',
      )
      .option(
        '--log-format <format>',
        'auto (readable at a terminal, JSON otherwise), pretty or json (env LOG_FORMAT)',
        process.env.LOG_FORMAT ?? 'auto',
      )
      .option(
        '--public-url <url>',
        'where people reach Headway, e.g. https://headway.example.com; https makes cookies Secure (env HEADWAY_PUBLIC_URL)',
        process.env.HEADWAY_PUBLIC_URL,
      )
      .option(
        '--trust-proxy [hops]',
        'believe X-Forwarded-For from this many reverse proxies (default 1 when given; env HEADWAY_TRUST_PROXY)',
        process.env.HEADWAY_TRUST_PROXY,
      ),
  ).action(async (raw: Record<string, unknown>) => {
    const flags = parseFlags(ServeFlagsSchema, raw);
    const { publicUrl } = flags;
    const server = await startServer({
      ...flags,
      databaseUrl: flags.databaseUrl || undefined,
      metricsToken: readMetricsToken(),
      checkResponses: process.env.HEADWAY_CHECK_RESPONSES === '1',
      ...readBackgroundSettings(),
    });
    process.stdout.write(`${describeStartup({ ...server, publicUrl })}\n`);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) {
        // A second Ctrl+C does not wait for requests in flight.
        process.stdout.write(`${signal} again: stopping now\n`);
        process.exit(EXIT_CODES.failed);
      }
      stopping = true;
      process.stdout.write(`${signal}: finishing the requests in flight, then stopping\n`);
      await server.close();
      process.exit(EXIT_CODES.ok);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  });
}
