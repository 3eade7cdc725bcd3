import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DatabaseHandle } from '../../src/db/client';
import { createApp } from '../../src/server/app';
import { ROOT } from '../support/cli';
import { createTestDatabase } from '../support/database';

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  stop_grace_period?: string;
  ports?: string[];
}

const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as {
  services: Record<string, Service>;
};
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** Every environment variable the server and the CLI read (`process.env.NAME` in src/). */
function variablesRead(dir = join(ROOT, 'src')): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const name of variablesRead(path)) names.add(name);
    else if (/\.tsx?$/.test(entry.name)) {
      for (const match of readFileSync(path, 'utf8').matchAll(/process\.env\.([A-Z_]+)/g))
        names.add(match[1] ?? '');
    }
  }
  return names;
}

/** The /api/… paths a health check command asks for. */
function pathsIn(check: string): string[] {
  return [...check.matchAll(/\/api\/[\w/]+/g)].map((m) => m[0]);
}

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('compose.yaml and the Dockerfile', () => {
  const app = compose.services.app;
  const db = compose.services.db;

  it('should run the app built here beside PostgreSQL 15, once the database is healthy', () => {
    expect(app?.build).toBe('.');
    expect(db?.image).toBe('postgres:15');
    expect(app?.depends_on?.db?.condition).toBe('service_healthy');
    expect(JSON.stringify(db?.healthcheck?.test)).toContain('pg_isready');
  });

  it('should set only environment variables Headway reads, and point DATABASE_URL at the db service', () => {
    const read = variablesRead();
    for (const name of Object.keys(app?.environment ?? {})) expect(read, name).toContain(name);
    for (const [, name] of dockerfile.matchAll(/^\s+([A-Z_]+)=/gm)) {
      if (name !== 'NODE_ENV') expect(read, name).toContain(name);
    }
    const url = new URL(
      // Compose fills in ${…} from the environment; any password reads the same here.
      (app?.environment?.DATABASE_URL ?? '').replace(/\$\{[^}]+\}/g, 'pw'),
    );
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(db?.environment?.POSTGRES_USER);
    expect(url.pathname).toBe(`/${db?.environment?.POSTGRES_DB}`);
    expect(app?.environment?.DATABASE_URL).toContain(db?.environment?.POSTGRES_PASSWORD ?? 'none');
  });

  it('should check health on the readiness endpoint, which answers 200 on a migrated database', async () => {
    const server = createApp({ db: handle.db, logger: pino({ level: 'silent' }) });
    const checks = [
      JSON.stringify(app?.healthcheck?.test),
      dockerfile.match(/^HEALTHCHECK[\s\S]*?\]$/m)?.[0] ?? '',
    ];
    for (const check of checks) {
      expect(pathsIn(check)).toEqual(['/api/health/ready']);
      expect(check).toContain('3000');
    }
    expect((await server.request('/api/health/ready')).status).toBe(200);
  });

  it('should serve by default and give the server time to finish requests when stopped', () => {
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "bin\/headway.js"\]$/m);
    expect(dockerfile).toMatch(/^CMD \["serve"\]$/m);
    expect(dockerfile).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(Number.parseInt(app?.stop_grace_period ?? '0', 10)).toBeGreaterThan(10);
  });

  it('should build on Node 20, which package.json allows, with scripts and files that exist', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
      scripts: Record<string, string>;
    };
    const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(stages.length).toBe(2);
    for (const image of stages) expect(image).toMatch(/^node:20-/);
    expect(pkg.engines.node).toMatch(/^>=20\./);
    const runs = [...dockerfile.matchAll(/^RUN .*$/gm)].flatMap((line) =>
      [...line[0].matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] ?? ''),
    );
    expect(runs).toContain('build');
    for (const script of runs) expect(pkg.scripts, script).toHaveProperty(script);
    // What `npm run build` runs, and what it writes: dist/web (vite) and dist/cli.
    expect(pkg.scripts.build).toBe('vite build && node scripts/build-cli.mjs');
    expect(readFileSync(join(ROOT, 'vite.config.ts'), 'utf8')).toContain("'dist', 'web'");
    expect(readFileSync(join(ROOT, 'scripts', 'build-cli.mjs'), 'utf8')).toContain("'dist', 'cli'");
    const produced = ['dist', 'node_modules'];
    for (const [, from] of dockerfile.matchAll(/^COPY --from=build \/app\/(\S+)/gm)) {
      expect(produced.includes(from ?? '') || existsSync(join(ROOT, from ?? '')), from).toBe(true);
    }
    for (const [, sources] of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
      for (const source of (sources ?? '').split(' '))
        expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
    expect(existsSync(join(ROOT, 'bin', 'headway.js'))).toBe(true);
    // `COPY . .` comes after `npm ci`: the installed modules must not be replaced by the host's.
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', 'headway-data', '.git']) expect(ignored).toContain(entry);
  });

  it('should expose the port the server listens on, in the image and in compose', () => {
    const serve = readFileSync(join(ROOT, 'src', 'cli', 'commands', 'serve.ts'), 'utf8');
    const defaultPort = /process\.env\.PORT \?\? '(\d+)'/.exec(serve)?.[1];
    expect(defaultPort).toBe('3000');
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${defaultPort}$`, 'm'));
    expect(dockerfile).toMatch(new RegExp(`^\\s+PORT=${defaultPort} \\\\$`, 'm'));
    expect(app?.environment?.PORT).toBe(defaultPort);
    expect(app?.environment?.HOST).toBe('0.0.0.0');
    expect(app?.ports?.map((p) => p.split(':').at(-1))).toEqual([defaultPort]);
  });
});
