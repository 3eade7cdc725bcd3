import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { BIN, findFreePort, makeTempDir, type RunningServer, startServer } from '../support/cli';

const dir = makeTempDir('shutdown');
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('headway serve on SIGTERM', () => {
  it('should stop accepting, finish the request in flight, close the database and exit 0', async () => {
    const dataDir = join(dir, 'data');
    const port = await findFreePort();
    server = await startServer({
      command: process.execPath,
      args: [BIN, 'serve', '--port', String(port), '--data-dir', dataDir, '--log-format', 'json'],
      port,
    });
    const body = JSON.stringify({
      email: 'late@example.com',
      name: 'Late Comer',
      password: 'a long enough password',
    });
    const half = Math.floor(body.length / 2);
    // A sign-up whose body arrives in two parts: the server holds it in flight when the signal comes.
    let onConnect = () => {};
    const connected = new Promise<void>((resolve) => {
      onConnect = resolve;
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${server?.url}/api/auth/signup`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.on('socket', (socket) => socket.once('connect', onConnect));
      req.write(body.slice(0, half));
      void sleep(1500).then(() => req.end(body.slice(half)));
    });
    await connected;
    await sleep(500);
    process.kill(server.pid, 'SIGTERM');
    await sleep(300);
    // The listener is closed: a new connection is refused while the old request is still open.
    await expect(fetch(`${server.url}/api/health/live`)).rejects.toThrow();

    const done = await answer;
    expect(done.status, done.text).toBe(201);
    expect(await server.exit).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: finishing the requests in flight/);

    // The database was closed cleanly: the data directory opens again (lock released) with the write in it.
    const reopened = await openDatabase({ dataDir });
    try {
      const found = (await reopened.db.execute(
        sql`select email from users where email = 'late@example.com'`,
      )) as unknown as { rows: unknown[] };
      expect(found.rows).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
