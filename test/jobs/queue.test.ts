import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DatabaseHandle, executeOnPglite } from '../../src/db/client';
import { findDeadLetters, retryDeadLetter } from '../../src/server/jobs/dead-letters';
import { type JobData, type JobKind, type JobQueue, startJobQueue } from '../../src/server/jobs/queue';
import { createTestDatabase } from '../support/database';

const logger = pino({ level: 'silent' });
const FAST = { pollingIntervalSeconds: 0.5 };

/** Waits until `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function recorder(queue: string, fail: (tries: number, data: JobData) => boolean = () => false) {
  const runs: { id: string; data: JobData; at: number }[] = [];
  const tries = new Map<string, number>();
  const kind: JobKind = {
    queue,
    retryLimit: 2,
    retryDelaySeconds: 1,
    run: async (data, job) => {
      const n = (tries.get(job.id) ?? 0) + 1;
      tries.set(job.id, n);
      if (fail(n, data)) throw new Error(`refused try ${n}`);
      runs.push({ id: job.id, data, at: Date.now() });
    },
  };
  return { kind, runs, tries };
}

describe('the job queue on the embedded database', () => {
  let handle: DatabaseHandle;
  let workspaceId: string;
  const queues: JobQueue[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    workspaceId = randomUUID();
  });
  afterAll(async () => {
    for (const q of queues) await q.stop({ timeoutMs: 1000 });
    await handle.close();
  });

  it('should start two queues on one new database at once, pg-boss creating its schema once', async () => {
    const [a, b] = await Promise.all([
      startJobQueue({ executeSql: handle.executeSql, logger, kinds: [], work: false }),
      startJobQueue({ executeSql: handle.executeSql, logger, kinds: [], work: false }),
    ]);
    queues.push(a, b);
    const { rows } = await handle.executeSql(
      "select count(*)::int as n from information_schema.tables where table_schema = 'pgboss' and table_name = 'version'",
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('should run each job once when the same id is sent twice, even when a try fails first', async () => {
    const { kind, runs, tries } = recorder('once', (n) => n === 1);
    const queue = await startJobQueue({ executeSql: handle.executeSql, logger, kinds: [kind], ...FAST });
    queues.push(queue);
    const id = randomUUID();
    expect(await queue.send({ queue: 'once', workspaceId }, { id })).toBe(id);
    expect(await queue.send({ queue: 'once', workspaceId }, { id })).toBeNull();
    await until(() => runs.length === 1);
    // After it completed, the id is still known: sending it again does not run it again.
    expect(await queue.send({ queue: 'once', workspaceId }, { id })).toBeNull();
    await new Promise((r) => setTimeout(r, 1200));
    expect(runs.map((r) => r.id)).toEqual([id]);
    expect(tries.get(id)).toBe(2);
  });

  it('should retry a failing job with growing delays, then show it in the dead-letter view, and retry it from there', async () => {
    let healed = false;
    const { kind, runs, tries } = recorder('flaky', () => !healed);
    const started: number[] = [];
    const timed: JobKind = {
      ...kind,
      run: async (data, job) => {
        started.push(Date.now());
        await kind.run(data, job);
      },
    };
    const queue = await startJobQueue({ executeSql: handle.executeSql, logger, kinds: [timed], ...FAST });
    queues.push(queue);
    const id = await queue.send({ queue: 'flaky', workspaceId, subject: 'the flaky one' });
    await until(async () => (await findDeadLetters(queue, workspaceId)).length === 1, 20_000);
    expect(tries.get(id ?? '')).toBe(3);
    const [first, second, third] = started as [number, number, number];
    // The backoff doubles (each wait between its delay and twice it): 1–2 s, then 2–4 s.
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(1900);
    const [dead] = await findDeadLetters(queue, workspaceId);
    expect(dead).toMatchObject({
      queue: 'flaky',
      subject: 'the flaky one',
      error: 'refused try 3',
      attempts: 3,
    });
    expect(await findDeadLetters(queue, randomUUID())).toEqual([]);

    healed = true;
    await retryDeadLetter(queue, workspaceId, dead?.id ?? '');
    await until(() => runs.length === 1);
    expect(await findDeadLetters(queue, workspaceId)).toEqual([]);
    await expect(retryDeadLetter(queue, workspaceId, dead?.id ?? '')).rejects.toThrow(/not found/);
  });
});

describe('a job across a restart', () => {
  /** A database whose data directory outlives its process: dumped on close, loaded on start. */
  async function openPglite(data?: Blob): Promise<PGlite> {
    const template = inject('pgliteTemplate');
    return PGlite.create({
      loadDataDir: data ?? (template ? new Blob([readFileSync(template)]) : undefined),
    });
  }

  it('should run a job sent before the server stopped once, after it starts again', async () => {
    let client = await openPglite();
    const before = await startJobQueue({
      executeSql: executeOnPglite(client),
      logger,
      kinds: [recorder('kept').kind],
      work: false,
    });
    const id = await before.send({ queue: 'kept' });
    await before.stop({ timeoutMs: 1000 });
    const dataDir = await client.dumpDataDir('none');
    await client.close();

    client = await openPglite(dataDir);
    const { kind, runs } = recorder('kept');
    const queue = await startJobQueue({
      executeSql: executeOnPglite(client),
      logger,
      kinds: [kind],
      ...FAST,
    });
    try {
      await until(() => runs.length === 1);
      await new Promise((r) => setTimeout(r, 1200));
      expect(runs.map((r) => r.id)).toEqual([id]);
    } finally {
      await queue.stop({ timeoutMs: 1000 });
      await client.close();
    }
  });
});
