import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../src/db/client';
import { createApp } from '../../src/server/app';
import { Metrics } from '../../src/server/metrics';
import { createTestDatabase } from '../support/database';

const TOKEN = 'metrics-token-0123456789abcdef';
const quiet = pino({ level: 'silent' });
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

function appWith(overrides: Partial<Parameters<typeof createApp>[0]> = {}) {
  return createApp({ db: handle.db, logger: quiet, ...overrides });
}

describe('liveness and readiness', () => {
  it('should answer live and ready while the database answers with every migration applied', async () => {
    const app = appWith();
    const live = await app.request('/api/health/live');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await app.request('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('should answer 503 naming a migration that is not applied', async () => {
    const [last] = (
      (await handle.db.execute(
        sql`delete from headway_migrations where tag = (select max(tag) from headway_migrations) returning tag`,
      )) as unknown as { rows: { tag: string }[] }
    ).rows;
    try {
      const ready = await appWith().request('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'unavailable',
        reason: `schema migrations not applied: ${last?.tag}`,
      });
    } finally {
      await handle.db.execute(sql`insert into headway_migrations (tag) values (${last?.tag})`);
    }
  });

  it('should answer 503 when the database does not answer in time, while liveness stays 200', async () => {
    const stuck = { execute: () => new Promise(() => {}) } as unknown as Database;
    const app = appWith({ db: stuck });
    const ready = await app.request('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { reason: string }).reason).toMatch(/did not answer within 2000 ms/);
    expect((await app.request('/api/health/live')).status).toBe(200);
  });

  it('should answer 503 while the server shuts down', async () => {
    const ready = await appWith({ lifecycle: { draining: true } }).request('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'shutting down' });
  });
});

describe('/api/metrics', () => {
  it('should not exist when no operator token is configured', async () => {
    const res = await appWith().request('/api/metrics');
    expect(res.status).toBe(404);
  });

  it('should refuse a request without the operator token or with another', async () => {
    const app = appWith({ metricsToken: TOKEN });
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`]) {
      const res = await app.request('/api/metrics', authorization ? { headers: { authorization } } : {});
      expect(res.status, authorization).toBe(401);
      expect(await res.text()).not.toContain('headway_http_requests_total');
    }
  });

  it('should count requests by route pattern and status class, with latency histograms and database figures', async () => {
    const metrics = new Metrics();
    const app = appWith({ metrics, metricsToken: TOKEN, databasePool: handle.pool });
    for (let i = 0; i < 3; i += 1) expect((await app.request('/api/instance')).status).toBe(200);
    const secretId = '0f1e2d3c-4b5a-4978-8877-665544332211';
    expect((await app.request(`/api/tokens/${secretId}`, { method: 'DELETE' })).status).toBe(401);
    expect((await app.request('/api/no-such-route')).status).toBe(404);

    const res = await app.request('/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain(
      'headway_http_requests_total{method="GET",route="/api/instance",status="2xx"} 3\n',
    );
    expect(text).toContain(
      'headway_http_requests_total{method="DELETE",route="/api/tokens/:tokenId",status="4xx"} 1\n',
    );
    expect(text).toContain('headway_http_requests_total{method="GET",route="/api/*",status="4xx"} 1\n');
    expect(text).toContain(
      'headway_http_request_duration_seconds_bucket{method="GET",route="/api/instance",status="2xx",le="+Inf"} 3\n',
    );
    expect(text).toMatch(
      /^headway_http_request_duration_seconds_sum\{method="GET",route="\/api\/instance",status="2xx"\} [\d.e-]+$/m,
    );
    expect(text).not.toContain(secretId);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^nodejs_eventloop_delay_seconds\{quantile="0.99"\} [\d.e-]+$/m);
    // A pool exists only on a PostgreSQL server; PGlite is one connection inside the process.
    expect(text.includes('headway_db_pool_connections{state="total"}')).toBe(handle.pool !== undefined);
    // Every exposed line is a comment or `name{labels} value`.
    for (const line of text.trimEnd().split('\n')) {
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? -?[\d.e+-]+|\w+(\{[^}]*\})? NaN)$/);
    }
    metrics.stop();
  });
});
