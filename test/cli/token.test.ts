/**
 * `headway user create` and `headway token …`, straight on the embedded database and — the
 * README's sequence — while `headway serve` holds it, through the running server.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiToken } from '../../src/contract';
import {
  BIN,
  findFreePort,
  makeTempDir,
  type RunningServer,
  runHeadway,
  runHeadwayHere,
  startServer,
} from '../support/cli';

const EMAIL = 'tess.cli@example.com';
const PASSWORD = 'granite orchard lantern';
let dataDir: string;
let server: RunningServer | undefined;

/** In this process; the account's creation and each first token run as a user runs them. */
const headway = (args: string[], env: Record<string, string> = {}) => runHeadwayHere(dataDir, args, env);
const spawned = (args: string[], env: Record<string, string> = {}) => runHeadway(dataDir, args, env);

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

beforeAll(() => {
  dataDir = makeTempDir('token');
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('headway user create', () => {
  it('should refuse a common password with the same rule as sign-up', async () => {
    const result = await headway([
      'user',
      'create',
      '--email',
      EMAIL,
      '--name',
      'Tess Cli',
      '--password',
      'password12',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--password: it is one of the most common passwords/);
  }, 240_000);

  it('should create the account with a good password', async () => {
    const result = await spawned([
      'user',
      'create',
      '--email',
      EMAIL,
      '--name',
      'Tess Cli',
      '--password',
      PASSWORD,
    ]);
    expect(result.code, result.stderr).toBe(0);
  }, 240_000);
});

describe('headway token on the embedded database', () => {
  it('should create, list and revoke by name', async () => {
    const created = await spawned([
      'token',
      'create',
      '--email',
      EMAIL,
      '--name',
      'nightly',
      '--expires-in-days',
      '7',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(lastLine(created.stdout)).toMatch(/^hwt_/);
    expect(created.stdout).toMatch(/created, valid until \d{4}-\d\d-\d\d/);

    const listed = await headway(['token', 'list', '--email', EMAIL, '--json']);
    const tokens = (JSON.parse(listed.stdout) as { data: ApiToken[] }).data;
    expect(tokens.map((t) => t.name)).toEqual(['nightly']);
    expect(listed.stdout).not.toContain(lastLine(created.stdout));

    const table = await headway(['token', 'list', '--email', EMAIL]);
    expect(table.stdout).toMatch(/^id\s+name\s+created\s+last used\s+expires$/m);
    expect(table.stdout).toMatch(/nightly .* never/);

    const revoked = await headway(['token', 'revoke', '--name', 'nightly', '--email', EMAIL]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/^Revoked API token "nightly"/);
    const after = await headway(['token', 'list', '--email', EMAIL, '--json']);
    expect((JSON.parse(after.stdout) as { data: ApiToken[] }).data).toEqual([]);
  }, 240_000);

  it('should say what is wrong with a bad expiry or an unknown token', async () => {
    const bad = await headway(['token', 'create', '--email', EMAIL, '--expires-in-days', '400']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--expires-in-days: at most 365 days/);
    const missing = await headway(['token', 'revoke', '--name', 'nope', '--email', EMAIL]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no API token named "nope"/);
  }, 240_000);
});

describe('headway token while headway serve holds the data directory', () => {
  let url = '';
  beforeAll(async () => {
    const port = await findFreePort();
    const args = [BIN, 'serve', '--data-dir', dataDir, '--port', String(port), '--log-level', 'warn'];
    server = await startServer({ command: process.execPath, args, port });
    url = server.url;
  }, 240_000);

  it('should create a token through the running server and revoke it there', async () => {
    const created = await spawned(['token', 'create', '--email', EMAIL, '--name', 'from the README'], {
      HEADWAY_PASSWORD: PASSWORD,
    });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toMatch(
      /The Headway server at http:\/\/127\.0\.0\.1:\d+ holds .*: signing in to it/,
    );
    const token = lastLine(created.stdout);
    const me = await fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);

    const listed = await headway(['token', 'list', '--email', EMAIL, '--json'], {
      HEADWAY_PASSWORD: PASSWORD,
    });
    expect(listed.code, listed.stderr).toBe(0);
    const tokens = (JSON.parse(listed.stdout) as { data: ApiToken[] }).data;
    expect(tokens.map((t) => t.name)).toContain('from the README');
    expect(tokens.find((t) => t.name === 'from the README')?.lastUsedAt).not.toBeNull();

    const revoked = await headway(['token', 'revoke', '--name', 'from the README', '--email', EMAIL], {
      HEADWAY_PASSWORD: PASSWORD,
    });
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
  }, 240_000);

  it('should say how to give the password when it has none, and pass on a wrong one', async () => {
    const none = await headway(['token', 'create', '--email', EMAIL]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(
      /set HEADWAY_PASSWORD, run this in a terminal, or create the token in the web app/,
    );
    const wrong = await headway(['token', 'create', '--email', EMAIL], {
      HEADWAY_PASSWORD: 'not my password',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/refused to sign in: The email or the password is wrong/);
  }, 240_000);
});
