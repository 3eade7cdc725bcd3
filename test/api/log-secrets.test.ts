import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { users } from '../../src/db/schema';
import { createApp } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { TestClient } from '../support/client';
import { createTestDatabase } from '../support/database';

let handle: DatabaseHandle;
const lines: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

function appWithCapturedLogs() {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const { logger } = createLogger({ level: 'trace', format: 'json', destination });
  return createApp({
    db: handle.db,
    logger,
    accessLog: 'every',
    metricsToken: 'operator-metrics-token-123456',
  });
}

describe('logs', () => {
  it('should carry no password, session cookie, CSRF token or API token through sign-up, sign-in, tokens and a password set', async () => {
    const app = appWithCapturedLogs();
    const secrets: string[] = ['operator-metrics-token-123456'];
    const password = 'Sign-up passphrase 4711';
    const wrong = 'Wrong passphrase 0815';
    const later = 'Passphrase set later 2342';
    secrets.push(password, wrong, later);

    const dana = new TestClient(app);
    const signUp = await dana.post<{ csrfToken: string }>('/api/auth/signup', {
      email: 'dana@example.com',
      name: 'Dana',
      password,
    });
    expect(signUp.status).toBe(201);
    dana.csrf = signUp.body.csrfToken;
    secrets.push(signUp.body.csrfToken, dana.cookie.split('=')[1] ?? '');

    expect(
      (await new TestClient(app).post('/api/auth/signin', { email: 'dana@example.com', password: wrong }))
        .status,
    ).toBe(401);
    const signIn = await dana.post<{ csrfToken: string }>('/api/auth/signin', {
      email: 'dana@example.com',
      password,
    });
    expect(signIn.status).toBe(200);
    dana.csrf = signIn.body.csrfToken;
    secrets.push(signIn.body.csrfToken, dana.cookie.split('=')[1] ?? '');

    const created = await dana.post<{ token: string }>('/api/tokens', { name: 'ci' });
    expect(created.status).toBe(201);
    secrets.push(created.body.token);

    const viaToken = new TestClient(app);
    viaToken.token = created.body.token;
    expect((await viaToken.get('/api/me')).status).toBe(200);
    const forged = new TestClient(app);
    forged.token = `${created.body.token}x`;
    expect((await forged.get('/api/me')).status).toBe(401);
    secrets.push(forged.token);

    // An account an import added has no password until its person signs up: that sets it.
    await handle.db.insert(users).values({ email: 'imported@example.com', name: 'Imported' });
    expect(
      (
        await new TestClient(app).post('/api/auth/signup', {
          email: 'imported@example.com',
          name: 'Imported',
          password: later,
        })
      ).status,
    ).toBe(201);
    // A refused body that carries a password (the e-mail is not one).
    expect(
      (await new TestClient(app).post('/api/auth/signup', { email: 'not-an-email', name: 'X', password }))
        .status,
    ).toBe(400);
    const metrics = await app.request('/api/metrics', {
      headers: { authorization: 'Bearer operator-metrics-token-123456' },
    });
    expect(metrics.status).toBe(200);

    expect(lines.length).toBeGreaterThanOrEqual(9);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      const leaking = lines.filter((line) => line.includes(secret));
      expect(leaking, `a log line holds ${secret.slice(0, 4)}…`).toEqual([]);
    }
  });

  it('should give every request an id, answered as X-Request-Id and written on its log line', async () => {
    const app = appWithCapturedLogs();
    const given = await app.request('/api/instance', { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(given.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const made = await app.request('/api/no-such-route');
    const id = made.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await app.request('/api/instance', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(refused.headers.get('x-request-id')).not.toBe('bad id with spaces');
    const parsed = lines.map(
      (line) => JSON.parse(line) as { requestId?: string; msg: string; path?: string },
    );
    expect(parsed.find((l) => l.requestId === 'lb-7f3a.42')).toMatchObject({
      msg: 'request',
      path: '/api/instance',
    });
    expect(parsed.find((l) => l.requestId === id)).toMatchObject({
      msg: 'request',
      path: '/api/no-such-route',
    });
    for (const line of parsed.filter((l) => l.msg === 'request')) expect(line.requestId).toBeTruthy();
  });
});
