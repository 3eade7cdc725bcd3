import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { describeStartup } from '../../src/server/main';
import { createTestDatabase } from '../support/database';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const DEMO = {
  password: 'headway-demo',
  accounts: [{ email: 'dana@demo.headway.dev', name: 'Dana Kowalski', role: 'cpo' as const }],
};

function appWith(options: { demo?: typeof DEMO | null; accessLog?: 'every' | 'failures' }) {
  const lines: Array<{ level: number; status?: number; path?: string }> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const { logger } = createLogger({ format: 'json', level: 'debug', destination });
  const app = createApp({ db: handle.db, logger, ...options });
  return { app, lines };
}

describe('GET /api/instance', () => {
  it('should show the demo accounts to a signed-out visitor when the server runs the demo', async () => {
    const { app } = appWith({ demo: DEMO });
    const res = await app.request('/api/instance');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ version: expect.any(String), demo: DEMO });
  });

  it('should show no accounts when the server does not run the demo', async () => {
    const { app } = appWith({});
    expect(await (await app.request('/api/instance')).json()).toEqual({
      version: expect.any(String),
      demo: null,
    });
  });
});

describe('access log', () => {
  it('should keep successful requests out of info when only failures are shown', async () => {
    const { app, lines } = appWith({ accessLog: 'failures' });
    await app.request('/api/instance');
    await app.request('/api/nope');
    const requests = lines.filter((l) => l.path !== undefined);
    expect(requests.map((l) => [l.path, l.status, l.level])).toEqual([
      ['/api/instance', 200, 20],
      ['/api/nope', 404, 30],
    ]);
  });

  it('should log every request at info when every request is asked for', async () => {
    const { app, lines } = appWith({ accessLog: 'every' });
    await app.request('/api/instance');
    expect(lines.filter((l) => l.path === '/api/instance').map((l) => l.level)).toEqual([30]);
  });
});

describe('describeStartup', () => {
  it('should say where Headway runs, on which database and who to sign in as in the demo', () => {
    const text = describeStartup({
      url: 'http://localhost:3000',
      database: {
        kind: 'pglite',
        location: './headway-data',
        db: handle.db,
        listen: handle.listen,
        executeSql: handle.executeSql,
        close: async () => {},
      },
      demo: DEMO,
      logFormat: 'pretty',
    });
    expect(text).toContain('running at http://localhost:3000');
    expect(text).toContain('./headway-data');
    expect(text).toContain('dana@demo.headway.dev (CPO)');
    expect(text).toContain('password headway-demo');
    expect(text.split('\n').length).toBeLessThanOrEqual(7);
  });
});
