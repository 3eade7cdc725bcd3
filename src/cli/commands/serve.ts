import type { Command } from 'commander';
import { demoBanner, startServer } from '../../server/main';
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
  publicUrl?: string;
  trustProxy?: string | boolean;
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
      .option('--log-level <level>', 'pino log level', process.env.LOG_LEVEL ?? 'info')
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
      logLevel: flags.logLevel,
    });
    const where =
      server.database.kind === 'pglite'
        ? `embedded database in ${server.database.location}`
        : server.database.location;
    process.stdout.write(`Headway is running at ${server.url} (${where})\n`);
    if (publicUrl) process.stdout.write(`Public address: ${publicUrl}\n`);
    if (flags.demo) process.stdout.write(`${demoBanner(server.url)}\n`);
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
