/**
 * Crash safety: `headway serve` runs as a child process, takes writes, is killed with SIGKILL
 * in the middle of the stream, restarts, and must still hold every write it acknowledged.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerDatabase, TEST_DB } from '../support/database';

const ROOT = join(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function startServe(
  port: number,
  target: { dataDir?: string; databaseUrl?: string },
): Promise<ChildProcess> {
  const args = ['bin/headway.js', 'serve', '--port', String(port), '--log-level', 'warn'];
  if (target.dataDir) args.push('--data-dir', target.dataDir);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: target.databaseUrl ?? '', HEADWAY_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`headway serve exited early: ${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`headway serve did not start: ${output}`);
}

interface Session {
  base: string;
  headers: Record<string, string>;
}

async function signUp(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'crash@example.com',
      name: 'Crash Tester',
      password: 'correct horse battery',
    }),
  });
  const body = (await res.json()) as { csrfToken: string };
  const cookie =
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('headway_session='))
      ?.split(';')[0] ?? '';
  return { base, headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' } };
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe(`crash safety on ${TEST_DB === 'pg' ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  it('should keep every acknowledged write after kill -9 mid-stream', async () => {
    const port = 40_000 + Math.floor(Math.random() * 10_000);
    const target =
      TEST_DB === 'pg'
        ? { databaseUrl: await createServerDatabase() }
        : {
            dataDir: (() => {
              const d = mkdtempSync(join(tmpdir(), 'headway-crash-'));
              dirs.push(d);
              return join(d, 'data');
            })(),
          };
    const base = `http://127.0.0.1:${port}`;
    let child = await startServe(port, target);
    const session = await signUp(base);
    const ws = (await (
      await fetch(`${base}/api/workspaces`, {
        method: 'POST',
        headers: session.headers,
        body: JSON.stringify({ name: 'Crash' }),
      })
    ).json()) as { id: string };

    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    // Writers keep sending until the dead server refuses them, so writes are in flight at the kill
    // and at least one is sent after it: none of those may be counted as acknowledged.
    let refused = false;
    const writer = async () => {
      while (!refused) {
        const n = sent++;
        try {
          const res = await fetch(`${base}/api/workspaces/${ws.id}/items`, {
            method: 'POST',
            headers: session.headers,
            body: JSON.stringify({ type: 'task', title: `write ${n}`, description: 'x'.repeat(2000) }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          // The server died under this request: it was never acknowledged.
          if (killed) refused = true;
        }
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    await waitForExit(child);
    expect(child.signalCode).toBe('SIGKILL');
    expect(sent).toBeGreaterThan(acknowledged.length); // Writes were refused or cut off by the kill.

    child = await startServe(port, target);
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const url = `${base}/api/workspaces/${ws.id}/items?limit=500${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await fetch(url, { headers: session.headers })).json()) as {
        data: { id: string }[];
        nextCursor: string | null;
      };
      for (const item of page.data) seen.add(item.id);
      cursor = page.nextCursor;
    } while (cursor);
    const lost = acknowledged.filter((id) => !seen.has(id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(lost).toEqual([]);
    child.kill('SIGTERM');
    await waitForExit(child);
  }, 240_000);
});
