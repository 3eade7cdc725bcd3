/**
 * Sign-in timing: does a wrong password for an existing account take as long as any password
 * for an email nobody has? Measures the median of N sign-ins of each kind on an in-process
 * server and prints their ratio, with the existing-account path as the baseline. A ratio far
 * from 1 would let anyone tell which emails have accounts. Also times the attempt-limit
 * bookkeeping alone (a sign-in refused by a lock, which does no argon2 work).
 *
 *   npm run bench:signin -- [--tries 20]
 */

import { parseArgs } from 'node:util';
import pino from 'pino';
import { openDatabase } from '../src/db/client';
import { computeMedian } from '../src/domain/shared';
import { createApp } from '../src/server/app';

const { values } = parseArgs({ options: { tries: { type: 'string', default: '20' } } });
const tries = Number(values.tries);
const handle = await openDatabase({ dataDir: 'memory://' });
const app = createApp({ db: handle.db, logger: pino({ level: 'silent' }) });
const PASSWORD = 'granite orchard lantern';

async function post(path: string, body: unknown): Promise<number> {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.body?.cancel();
  return res.status;
}

const emails = Array.from({ length: tries }, (_, i) => `bench.${i}@bench.headway.dev`);
for (const email of emails)
  await post('/api/auth/signup', { email, name: 'Bench Person', password: PASSWORD });

async function timeMedian(run: (i: number) => Promise<number>, expected: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < tries; i += 1) {
    const started = performance.now();
    const status = await run(i);
    times.push(performance.now() - started);
    if (status !== expected) throw new Error(`expected ${expected}, got ${status}`);
  }
  return computeMedian(times);
}

// Warm up argon2 and the database (the first unknown email also makes the hash of nobody).
await post('/api/auth/signin', { email: 'warm.up@bench.headway.dev', password: 'x' });
await post('/api/auth/signin', { email: emails[0], password: 'wrong password' });

const known = await timeMedian(
  (i) => post('/api/auth/signin', { email: emails[i], password: 'wrong password' }),
  401,
);
const unknown = await timeMedian(
  (i) => post('/api/auth/signin', { email: `nobody.${i}@bench.headway.dev`, password: 'wrong password' }),
  401,
);
const lockedEmail = 'locked@bench.headway.dev';
for (let i = 0; i < 5; i += 1) await post('/api/auth/signin', { email: lockedEmail, password: 'wrong' });
const locked = await timeMedian(
  () => post('/api/auth/signin', { email: lockedEmail, password: 'wrong' }),
  429,
);

const row = (label: string, ms: number) => `${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms`;
process.stdout.write(
  [
    `sign-in, median of ${tries} tries each (embedded database, in-process):`,
    row('existing account, wrong password (baseline)', known),
    row('unknown email', unknown),
    row('refused by a lock (no argon2)', locked),
    `ratio unknown / existing: ${(unknown / known).toFixed(2)}`,
    '',
  ].join('\n'),
);
await handle.close();
