import type { Command } from 'commander';
import { isOneOf } from '../../domain/shared';
import { LOG_FORMATS, type LogFormat } from '../../server/logger';
import { describeStartup, startServer } from '../../server/main';
import {
  type DatabaseFlags,
  parsePort,
  parsePublicUrl,
  parseTrustProxy,
  withDatabaseOptions,
} from '../config';

interface ServeFlags extends DatabaseFlags {
  port: string;
  host: string;
  demo?: boolean;
  webRoot?: string;
  logLevel: string;
  logFormat: string;
  publicUrl?: string;
  trustProxy?: string | boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseLogFormat(value: string): LogFormat {
  if (isOneOf(LOG_FORMATS, value)) return value;
  throw new Error(`--log-format must be one of ${LOG_FORMATS.join(', ')}, not "${value}"`);
}

function parseLogLevel(value: string): string {
  if (LOG_LEVELS.includes(value)) return value;
  throw new Error(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
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
  ).action(async (flags: ServeFlags) => {
    const publicUrl = parsePublicUrl(flags.publicUrl);
    const trustProxy = parseTrustProxy(flags.trustProxy);
    const server = await startServer({
      publicUrl,
      trustProxy,
      port: parsePort(flags.port),
      host: flags.host,
      databaseUrl: flags.databaseUrl || undefined,
      dataDir: flags.dataDir,
      demo: flags.demo ?? false,
      webRoot: flags.webRoot,
      logLevel: parseLogLevel(flags.logLevel),
      logFormat: parseLogFormat(flags.logFormat),
    });
    process.stdout.write(`${describeStartup({ ...server, publicUrl })}\n`);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await server.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });
}
