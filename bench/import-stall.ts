/**
 * How much one large Headway JSON import stalls every other request on the embedded database.
 * A real server (the app on node:http, PGlite on a data directory, loopback only) imports a
 * file of about 18 MB while a client asks /api/health every 20 ms; the health latencies during
 * the import are reported for two ways of importing in the same run:
 *   - baseline: the whole file in one transaction inside the request (how every import ran before),
 *   - background: the job that writes it in short transactions while the workspace is invisible.
 * The size limit is raised to 20 MB for both so the same file can be used (the embedded
 * database's default limit is lower).
 *
 *   npm run bench:import-stall -- [--mb 18]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { generateNKeysBetween } from 'fractional-indexing';
import pino from 'pino';
import { type HeadwayExport, noWorkspaceTables } from '../src/contract';
import { openDatabase } from '../src/db/client';
import { defaultDecisionMatrix } from '../src/domain/decision-rights';
import { createApp } from '../src/server/app';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '18' } } });
const TARGET_BYTES = Number(values.mb) * 1024 * 1024;
const AT = '2026-01-05T09:00:00.000Z';
const OWNER = 'bench@import.bench.headway.dev';

/** A workspace of plain items with history and comments, grown until it is about the target size. */
function buildFile(targetBytes: number): HeadwayExport {
  const perItem = 2150;
  const count = Math.max(10, Math.round(targetBytes / perItem));
  const ranks = generateNKeysBetween(null, null, count);
  const text = 'Customers asked for this in the last review; see the notes. '.repeat(20);
  const doc: HeadwayExport = {
    format: 'headway',
    formatVersion: 1,
    workspace: { name: 'Import bench', decisionRights: defaultDecisionMatrix(), nextItemNumber: count + 1 },
    members: [{ email: OWNER, name: 'Bench', role: 'founder', fte: 1, skills: [], joinedAt: AT }],
    items: [],
    dependencies: [],
    stateHistory: [],
    decisions: [],
    comments: [],
    formulas: [],
    assessments: [],
    roadmapSnapshots: [],
    forecasts: [],
    slips: [],
    ...noWorkspaceTables(),
  };
  for (let k = 0; k < count; k++) {
    const number = k + 1;
    doc.items.push({
      number,
      type: 'feature',
      title: `Work item ${number}: improve the flow`,
      description: text,
      parent: null,
      state: 'done',
      rank: ranks[k]!,
      orderedAt: AT,
      estimate: { optimistic: 1, likely: 2, pessimistic: 5, estimatedBy: OWNER, estimatedAt: AT },
      actualEffort: 2,
      scores: {},
      skills: [],
      labels: [],
      assignee: OWNER,
      targetDate: null,
      scopeQuestion: null,
      scopeQuestionAt: null,
      createdBy: OWNER,
      createdAt: AT,
      updatedAt: AT,
      completedAt: AT,
      version: 1,
    });
    doc.stateHistory.push(
      { item: number, from: null, to: 'new', by: OWNER, at: AT },
      { item: number, from: 'new', to: 'done', by: OWNER, at: AT },
    );
    doc.comments.push({ item: number, author: OWNER, body: 'Shipped; notes in the release log.', at: AT });
  }
  return doc;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

interface Run {
  mode: string;
  importMs: number;
  answerMs: number;
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

async function measure(mode: 'baseline' | 'background', body: string): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'headway-bench-import-'));
  const handle = await openDatabase({ dataDir });
  const app = createApp({
    db: handle.db,
    logger: pino({ level: 'silent' }),
    imports: {
      embedded: true,
      maxBytes: 20 * 1024 * 1024,
      ...(mode === 'baseline' ? { syncBytes: Number.POSITIVE_INFINITY } : {}),
    },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const signUp = await fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: OWNER, name: 'Bench', password: 'bench-password-1' }),
    });
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await signUp.json()) as { csrfToken: string };
    const headers = { 'Content-Type': 'application/json', cookie, 'X-CSRF-Token': csrfToken };

    let importing = true;
    const latencies: number[] = [];
    const probe = (async () => {
      while (importing) {
        const t = performance.now();
        await (await fetch(`${url}/api/health`)).text();
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const res = await fetch(`${url}/api/workspaces/import`, { method: 'POST', headers, body });
    const answer = (await res.json()) as { id: string; status?: string };
    const answerMs = performance.now() - t0;
    if (res.status === 202) {
      let job = answer;
      while (job.status !== 'done' && job.status !== 'failed') {
        await new Promise((r) => setTimeout(r, 100));
        job = (await (await fetch(`${url}/api/imports/${answer.id}`, { headers })).json()) as typeof job;
      }
      if (job.status !== 'done') throw new Error(`the import failed: ${JSON.stringify(job)}`);
    } else if (res.status !== 201)
      throw new Error(`import answered ${res.status}: ${JSON.stringify(answer)}`);
    const importMs = performance.now() - t0;
    importing = false;
    await probe;
    return {
      mode,
      importMs,
      answerMs,
      samples: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
    };
  } finally {
    await new Promise((r) => server.close(r));
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const body = JSON.stringify(buildFile(TARGET_BYTES));
const mb = (Buffer.byteLength(body) / 1024 / 1024).toFixed(1);
console.log(`Import stall on the embedded database: a ${mb} MB file, /api/health every 20 ms (loopback)\n`);
const runs = [await measure('baseline', body), await measure('background', body)];
const f = (ms: number) => `${Math.round(ms)} ms`.padStart(9);
console.log('mode         import   answer  samples   p50 health  p95 health  max health');
for (const r of runs) {
  console.log(
    `${r.mode.padEnd(11)}${f(r.importMs)}${f(r.answerMs)}${String(r.samples).padStart(9)}${f(r.p50).padStart(12)}${f(r.p95).padStart(12)}${f(r.max).padStart(12)}`,
  );
}
const [before, after] = runs as [Run, Run];
console.log(
  `\nmax /api/health latency during the import: background / baseline = ${(after.max / before.max).toFixed(2)}; p95 ratio ${(after.p95 / before.p95).toFixed(2)}`,
);
