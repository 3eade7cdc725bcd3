/**
 * A Headway server for the load benchmark: the demo workspace on a throwaway embedded data
 * directory (or on the PostgreSQL server given), served by one or more `headway serve` processes
 * on loopback, and an API token for a person who may reorder the backlog.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'headway.js');

export interface LoadTarget {
  /** One base URL per server process, e.g. http://127.0.0.1:40123. */
  urls: string[];
  token: string;
  workspaceId: string;
  /** The validator (ETag) of that page, as a browser would send it back. */
  pageEtag: string;
  /** The backlog's first 100 items as the API lists them. */
  items: { id: string; version: number }[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`headway serve exited:\n${output()}`);
    const res = await fetch(`${url}/api/health`).catch(() => undefined);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`headway serve did not answer on ${url}:\n${output()}`);
}

/**
 * Seeds the demo and starts `servers` processes. With a database URL every process shares that
 * server; without one there is a single process on an embedded data directory.
 */
export async function startLoadTarget(options: {
  databaseUrl?: string;
  servers: number;
}): Promise<LoadTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'headway-load-'));
  const where = options.databaseUrl ? ['--database-url', options.databaseUrl] : ['--data-dir', dataDir];
  const env = { ...process.env, DATABASE_URL: '', HEADWAY_DATA_DIR: '', LOG_LEVEL: 'warn' };
  await run(process.execPath, [BIN, 'demo', ...where], { env });
  const email = 'dana@demo.headway.dev';
  const created = await run(
    process.execPath,
    [BIN, 'token', 'create', '--email', email, '--name', 'load', ...where],
    {
      env,
    },
  );
  const token = created.stdout.trim().split('\n').at(-1) ?? '';

  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < options.servers; i += 1) {
    const port = await freePort();
    let output = '';
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--host', '127.0.0.1', '--port', String(port), ...where],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, child, () => output);
    urls.push(url);
  }

  const auth = { authorization: `Bearer ${token}` };
  const workspaces = (await (await fetch(`${urls[0]}/api/workspaces`, { headers: auth })).json()) as {
    data: { id: string }[];
  };
  const workspaceId = workspaces.data[0]?.id ?? '';
  const first = await fetch(`${urls[0]}/api/workspaces/${workspaceId}/items?limit=100`, { headers: auth });
  const pageEtag = first.headers.get('etag') ?? '';
  const page = (await first.json()) as {
    data: { id: string; version: number }[];
  };
  if (page.data.length < 100)
    throw new Error(`the demo backlog has ${page.data.length} items, fewer than 100`);

  return {
    urls,
    token,
    workspaceId,
    pageEtag,
    items: page.data.map(({ id, version }) => ({ id, version })),
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            }),
        ),
      );
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
