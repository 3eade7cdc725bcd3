/**
 * Web app benchmark on a 5,000-item workspace: time to first render of the backlog in Chromium,
 * reorder round trip through the UI (Alt+↓ until the server answered and the row moved), frame
 * times while scrolling the whole list, and the initial JavaScript bundle (gzip). Baselines in
 * the same run: the same item fetch from Node without rendering, and the bare move API call.
 * Needs `npm run build` and Debian's chromium at /usr/bin/chromium.
 *
 *   npm run bench:web -- [--items 5000] [--runs 5] [--moves 20]
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateNKeysBetween } from 'fractional-indexing';
import { chromium } from 'playwright-core';
import { type HeadwayExport, noWorkspaceTables } from '../src/contract';
import { defaultDecisionMatrix } from '../src/domain/decision-rights';
import { computeMedian } from '../src/domain/shared';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    moves: { type: 'string', default: '20' },
  },
});
const ITEM_COUNT = Number(values.items);
const RUNS = Number(values.runs);
const MOVES = Number(values.moves);
const ROOT = resolve(import.meta.dirname, '..');
const WEB_ROOT = join(ROOT, 'dist', 'web');
const CHROMIUM = '/usr/bin/chromium';
const TARGETS = { firstRenderMs: 1500, reorderMs: 150, initialJsKb: 350 };

async function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function startServer(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'headway-bench-web-'));
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [
      'bin/headway.js',
      'serve',
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--web-root',
      WEB_ROOT,
      '--log-level',
      'warn',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, dataDir };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('headway serve did not answer /api/health within 90 s');
}

interface Session {
  cookie: string;
  csrf: string;
  token: string;
}

async function signUp(url: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@bench.headway.dev',
      name: 'Bench Owner',
      password: 'bench-password-1',
    }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const token = cookies.find((c) => c.startsWith('headway_session='))!.split('=')[1]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookies.join('; '), csrf: csrfToken, token };
}

/** A Headway JSON workspace with initiatives › epics › work, in a fixed product order. */
function buildWorkspace(count: number): HeadwayExport {
  const at = '2026-01-05T09:00:00.000Z';
  const ranks = generateNKeysBetween(null, null, count);
  const types = ['feature', 'task', 'bug'] as const;
  const states = ['new', 'ready', 'in_progress', 'in_review', 'done'] as const;
  const initiatives = Math.max(1, Math.round(count / 250));
  const epics = Math.max(1, Math.round(count / 25));
  const items: HeadwayExport['items'] = [];
  for (let k = 0; k < count; k++) {
    const number = k + 1;
    const isInitiative = number <= initiatives;
    const isEpic = !isInitiative && number <= initiatives + epics;
    const parent = isInitiative
      ? null
      : isEpic
        ? 1 + (number % initiatives)
        : initiatives + 1 + (number % epics);
    items.push({
      number,
      type: isInitiative ? 'initiative' : isEpic ? 'epic' : types[number % 3]!,
      title: `${isInitiative ? 'Initiative' : isEpic ? 'Epic' : 'Work item'} ${number}: improve the flow`,
      description: `Item ${number} of the benchmark workspace.`,
      parent,
      state: states[number % 5]!,
      rank: ranks[k]!,
      orderedAt: at,
      estimate:
        number % 2 ? { optimistic: 1, likely: 2, pessimistic: 5, estimatedBy: null, estimatedAt: at } : null,
      actualEffort: null,
      scores: { rice_reach: (number * 37) % 1000, rice_impact: 1 + (number % 3), moscow: 'should' },
      skills: [],
      labels: number % 7 === 0 ? ['growth'] : [],
      assignee: null,
      targetDate: null,
      scopeQuestion: null,
      scopeQuestionAt: null,
      createdBy: null,
      createdAt: at,
      updatedAt: at,
      completedAt: null,
      version: 1,
    });
  }
  return {
    format: 'headway',
    formatVersion: 1,
    formulas: [],
    assessments: [],
    roadmapSnapshots: [],
    forecasts: [],
    slips: [],
    ...noWorkspaceTables(),
    workspace: { name: 'Bench', decisionRights: defaultDecisionMatrix(), nextItemNumber: count + 1 },
    members: [
      {
        email: 'bench@bench.headway.dev',
        name: 'Bench Owner',
        role: 'ctpo',
        fte: 1,
        skills: [],
        joinedAt: at,
      },
      {
        email: 'founder@bench.headway.dev',
        name: 'Bench Founder',
        role: 'founder',
        fte: 1,
        skills: [],
        joinedAt: at,
      },
    ],
    items,
    dependencies: [],
    stateHistory: [],
    decisions: [],
    comments: [],
  };
}

async function api<T>(url: string, session: Session, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${url}/api${path}`, {
    ...init,
    headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/** Imports a file and waits for it: large files are imported by a background job (202). */
async function importFile(
  url: string,
  session: Session,
  file: HeadwayExport,
): Promise<{ id: string; slug: string }> {
  const started = await api<{ id: string; slug?: string; status?: string }>(
    url,
    session,
    '/workspaces/import',
    {
      method: 'POST',
      body: JSON.stringify(file),
    },
  );
  if (started.slug) return { id: started.id, slug: started.slug };
  let job = started as { status?: string; workspaceId?: string | null };
  while (job.status !== 'done') {
    if (job.status === 'failed') throw new Error(`the import failed: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 100));
    job = await api<typeof job>(url, session, `/imports/${started.id}`);
  }
  const me = await api<{ workspaces: { id: string; slug: string }[] }>(url, session, '/me');
  const ws = me.workspaces.find((w) => w.id === job.workspaceId);
  if (!ws) throw new Error('the imported workspace is not listed');
  return ws;
}

/** The same requests the backlog makes (a small first page, then large ones), without rendering. */
async function fetchBacklog(
  url: string,
  session: Session,
  ws: string,
): Promise<{ firstMs: number; allMs: number }> {
  const t0 = performance.now();
  let cursor: string | null = null;
  let firstMs = 0;
  let first = true;
  do {
    const query = `limit=${first ? 100 : 2000}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { nextCursor: string | null } = await api(url, session, `/workspaces/${ws}/items?${query}`);
    if (first) firstMs = performance.now() - t0;
    first = false;
    cursor = page.nextCursor;
  } while (cursor);
  return { firstMs, allMs: performance.now() - t0 };
}

/** Gzip size of the JavaScript index.html loads up front (entry + modulepreloads), and of all JS. */
function measureBundle(): { initialKb: number; totalKb: number; files: string[] } {
  const html = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = (file: string) => gzipSync(readFileSync(join(WEB_ROOT, file)), { level: 9 }).length;
  const initial = files.reduce((n, f) => n + gz(f), 0);
  const all = readdirSync(join(WEB_ROOT, 'assets')).filter((f) => f.endsWith('.js'));
  const total = all.reduce((n, f) => n + gz(join('assets', f)), 0);
  return { initialKb: initial / 1024, totalKb: total / 1024, files };
}

async function main(): Promise<void> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    console.error('dist/web is missing: run `npm run build` first.');
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    console.error('Chromium is missing: apt-get update && apt-get install -y chromium');
    process.exit(1);
  }
  const bundle = measureBundle();
  const { url, child, dataDir } = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const session = await signUp(url);
    const t0 = performance.now();
    const ws = await importFile(url, session, buildWorkspace(ITEM_COUNT));
    const importMs = performance.now() - t0;

    // Baseline: the same fetch from Node, without a browser or rendering.
    const fetches: { firstMs: number; allMs: number }[] = [];
    for (let r = 0; r < RUNS; r++) fetches.push(await fetchBacklog(url, session, ws.id));

    const host = new URL(url).hostname;
    const cookies = [
      { name: 'headway_session', value: session.token, domain: host, path: '/', httpOnly: true },
      { name: 'headway_csrf', value: session.csrf, domain: host, path: '/' },
    ];
    const firstRender: number[] = [];
    const allLoaded: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addCookies(cookies);
      const page = await context.newPage();
      await page.goto(`${url}/w/${ws.slug}/backlog`, { waitUntil: 'commit' });
      await page.waitForSelector('[data-testid=backlog-row]');
      firstRender.push(await page.evaluate(() => performance.now()));
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid=backlog-count]')?.textContent === `${n} items`,
        ITEM_COUNT,
        { timeout: 60_000 },
      );
      allLoaded.push(await page.evaluate(() => performance.now()));
      await context.close();
    }

    // Reorder through the UI: Alt+↓ on the focused first row, until the server answered and the row moved.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${url}/w/${ws.slug}/backlog`);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=backlog-count]')?.textContent === `${n} items`,
      ITEM_COUNT,
      { timeout: 60_000 },
    );
    // Scrolling: 150 frames of 600 px each through the 5,000 rows; frame times and rows in the DOM.
    const scroll = await page.evaluate(async () => {
      const box = document.querySelector('.backlog-scroll');
      if (!box) throw new Error('no backlog list');
      const frames: number[] = [];
      let maxRows = 0;
      let last = performance.now();
      for (let f = 0; f < 150; f++) {
        box.scrollTop += 600;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        frames.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, document.querySelectorAll('[data-testid=backlog-row]').length);
      }
      box.scrollTop = 0;
      await new Promise((r) => setTimeout(r, 200));
      frames.sort((a, b) => a - b);
      return { median: frames[75]!, p95: frames[142]!, maxRows };
    });
    const uiMoves: number[] = [];
    const firstRow = page.locator('[data-testid=backlog-row]').first();
    await firstRow.focus();
    for (let m = 0; m < MOVES; m++) {
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-item-id'));
      const start = performance.now();
      const answered = page.waitForResponse((r) => r.url().includes('/move'));
      await page.keyboard.press('Alt+ArrowDown');
      const response = await answered;
      if (!response.ok()) throw new Error(`move failed: ${response.status()}`);
      await page.waitForFunction(
        ({ id, index }) =>
          document.querySelector(`[data-item-id="${id}"]`)?.getAttribute('data-index') === String(index),
        { id, index: m + 1 },
      );
      uiMoves.push(performance.now() - start);
    }
    await context.close();

    // Baseline: the bare move API call from Node.
    const list = await api<{ data: { id: string }[] }>(url, session, `/workspaces/${ws.id}/items?limit=3`);
    const apiMoves: number[] = [];
    for (let m = 0; m < MOVES; m++) {
      const [a, b] = m % 2 ? [list.data[0]!, list.data[1]!] : [list.data[1]!, list.data[0]!];
      const start = performance.now();
      await api(url, session, `/workspaces/${ws.id}/items/${a.id}/move`, {
        method: 'POST',
        body: JSON.stringify({ afterId: b.id }),
      });
      apiMoves.push(performance.now() - start);
    }

    const render = computeMedian(firstRender);
    const reorder = computeMedian(uiMoves);
    const fetchFirst = computeMedian(fetches.map((f) => f.firstMs));
    const fetchAll = computeMedian(fetches.map((f) => f.allMs));
    const moveApi = computeMedian(apiMoves);
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `Headway web benchmark: ${ITEM_COUNT} items (import ${importMs.toFixed(0)} ms), ${RUNS} cold loads, ${MOVES} moves`,
    );
    console.log('');
    console.log(
      `first render of the backlog   median ${render.toFixed(0)} ms  (runs ${firstRender.map((x) => x.toFixed(0)).join(', ')})  target < ${TARGETS.firstRenderMs} ms: ${verdict(render < TARGETS.firstRenderMs)}`,
    );
    console.log(
      `  baseline: first page fetch from Node ${fetchFirst.toFixed(0)} ms; ratio ${(render / fetchFirst).toFixed(1)}×`,
    );
    console.log(`all ${ITEM_COUNT} items in the list    median ${computeMedian(allLoaded).toFixed(0)} ms`);
    console.log(
      `  baseline: all pages fetched from Node ${fetchAll.toFixed(0)} ms; ratio ${(computeMedian(allLoaded) / fetchAll).toFixed(1)}×`,
    );
    console.log(
      `reorder round trip (UI)        median ${reorder.toFixed(1)} ms  (p90 ${[...uiMoves].sort((a, b) => a - b)[Math.floor(uiMoves.length * 0.9)]!.toFixed(1)} ms)  target < ${TARGETS.reorderMs} ms: ${verdict(reorder < TARGETS.reorderMs)}`,
    );
    console.log(
      `  baseline: bare move API call ${moveApi.toFixed(1)} ms; ratio ${(reorder / moveApi).toFixed(1)}×`,
    );
    console.log(
      `scrolling ${ITEM_COUNT} rows            frame median ${scroll.median.toFixed(1)} ms, p95 ${scroll.p95.toFixed(1)} ms; at most ${scroll.maxRows} rows in the DOM`,
    );
    console.log(
      `initial JS (gzip)              ${bundle.initialKb.toFixed(1)} kB  (${bundle.files.join(', ')})  target < ${TARGETS.initialJsKb} kB: ${verdict(bundle.initialKb < TARGETS.initialJsKb)}`,
    );
    console.log(
      `  all JS chunks (gzip) ${bundle.totalKb.toFixed(1)} kB; initial/all ${(bundle.initialKb / bundle.totalKb).toFixed(2)}`,
    );
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
