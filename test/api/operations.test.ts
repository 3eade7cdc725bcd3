import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../src/db/client';
import { createApp } from '../../src/server/app';
import { type JobKind, type JobQueue, startJobQueue } from '../../src/server/jobs/queue';
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

  it('should count the queued, active and failed jobs of each job queue, read from the database', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const blocked: JobKind = {
      queue: 'metrics-blocked',
      retryLimit: 0,
      retryDelaySeconds: 1,
      run: async () => {
        started += 1;
        await held;
      },
    };
    const failing: JobKind = {
      queue: 'metrics-failing',
      retryLimit: 0,
      retryDelaySeconds: 1,
      run: async () => {
        throw new Error('refused');
      },
    };
    const waiting: JobKind = {
      queue: 'metrics-waiting',
      retryLimit: 0,
      retryDelaySeconds: 1,
      run: async () => {},
    };
    const queues: JobQueue[] = [];
    try {
      const sender = await startJobQueue({
        executeSql: handle.executeSql,
        logger: quiet,
        kinds: [waiting],
        work: false,
      });
      queues.push(sender);
      const worker = await startJobQueue({
        executeSql: handle.executeSql,
        logger: quiet,
        kinds: [blocked, failing],
        pollingIntervalSeconds: 0.5,
      });
      queues.push(worker);
      await sender.send({ queue: 'metrics-waiting' });
      await sender.send({ queue: 'metrics-waiting' });
      await worker.send({ queue: 'metrics-blocked' });
      await worker.send({ queue: 'metrics-failing' });
      const metrics = new Metrics();
      const app = appWith({ metrics, metricsToken: TOKEN, jobs: worker });
      const read = async () =>
        (await app.request('/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      const figure = (text: string, queue: string, state: string) =>
        Number(
          new RegExp(`^headway_job_queue_jobs\\{queue="${queue}",state="${state}"\\} (\\d+)$`, 'm').exec(
            text,
          )?.[1],
        );
      let text = await read();
      for (
        let tries = 0;
        tries < 100 && (started === 0 || figure(text, 'metrics-failing', 'failed') !== 1);
        tries++
      ) {
        await new Promise((r) => setTimeout(r, 100));
        text = await read();
      }
      expect(text).toContain('# TYPE headway_job_queue_jobs gauge\n');
      expect(figure(text, 'metrics-waiting', 'queued')).toBe(2);
      expect(figure(text, 'metrics-waiting', 'active')).toBe(0);
      expect(figure(text, 'metrics-blocked', 'active')).toBe(1);
      expect(figure(text, 'metrics-blocked', 'queued')).toBe(0);
      expect(figure(text, 'metrics-failing', 'failed')).toBe(1);
      // The failed job's copy waits in the dead-letter queue, where people look at it.
      expect(figure(text, 'dead-letter', 'queued')).toBe(1);
      // Without a job queue the server has no queue figures to give.
      const without = await appWith({ metricsToken: TOKEN }).request('/api/metrics', {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(await without.text()).not.toContain('headway_job_queue_jobs');
      metrics.stop();
    } finally {
      release();
      for (const queue of queues) await queue.stop({ timeoutMs: 2000 });
    }
  });
});
