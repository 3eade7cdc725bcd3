/**
 * Lighthouse on the backlog page of the demo workspace: performance and accessibility scores,
 * for the mobile (default Lighthouse) and desktop presets. Starts `headway serve --demo` on a
 * fresh data folder and Debian's chromium with a remote-debugging port; exits non-zero when a
 * score is below its target (performance ≥ 90, accessibility ≥ 95). Needs `npm run build` and
 * lighthouse 12.2.3 (13 needs Node 22): `npm install --save-dev --save-exact lighthouse@12.2.3`.
 *
 * Lighthouse's simulated throttling varies from run to run, so each preset runs several times and
 * the median score counts.
 *
 *   npm run lighthouse -- [--preset mobile|desktop|both] [--page backlog|board|inbox|team] [--runs 3]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { computeMedian } from '../src/domain/shared';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'both' },
    page: { type: 'string', default: 'backlog' },
    runs: { type: 'string', default: '3' },
  },
});
const ROOT = resolve(import.meta.dirname, '..');
const WEB_ROOT = join(ROOT, 'dist', 'web');
const CHROMIUM = '/usr/bin/chromium';
const TARGETS = { performance: 90, accessibility: 95 };
const RUNS = Math.max(1, Number(values.runs));

const median = (xs: number[]): number => (xs.length === 0 ? 0 : computeMedian(xs));

interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null }>;
    audits: Record<
      string,
      { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }
    >;
  };
}
type RunLighthouse = (
  url: string,
  flags: Record<string, unknown>,
  config?: unknown,
) => Promise<LighthouseResult | undefined>;

async function loadLighthouse(): Promise<{ run: RunLighthouse; desktop: unknown }> {
  // A variable specifier: lighthouse is an optional tool, not a dependency the typecheck needs.
  const name = 'lighthouse';
  try {
    const mod = (await import(name)) as { default: RunLighthouse };
    const desktop = (await import(`${name}/core/config/desktop-config.js`)) as { default: unknown };
    return { run: mod.default, desktop: desktop.default };
  } catch {
    console.error('lighthouse is not installed: npm install --save-dev --save-exact lighthouse@12.2.3');
    process.exit(1);
  }
}

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

async function waitFor(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer ${url} within 90 s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  return new Promise((r) => child.once('exit', () => r()));
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
  const lighthouse = await loadLighthouse();
  const dataDir = mkdtempSync(join(tmpdir(), 'headway-lighthouse-'));
  const profile = mkdtempSync(join(tmpdir(), 'headway-lighthouse-chromium-'));
  const port = await findFreePort();
  const debugPort = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [
      'bin/headway.js',
      'serve',
      '--demo',
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
  const browser = spawn(
    CHROMIUM,
    [
      '--headless=new',
      `--remote-debugging-port=${debugPort}`,
      `--user-data-dir=${profile}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  let failed = false;
  try {
    await waitFor(`${base}/api/health`, 'headway serve');
    await waitFor(`http://127.0.0.1:${debugPort}/json/version`, 'chromium');
    const signIn = await fetch(`${base}/api/auth/signin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'dana@demo.headway.dev', password: 'headway-demo' }),
    });
    if (!signIn.ok) throw new Error(`demo sign-in failed: ${signIn.status}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = (await (await fetch(`${base}/api/me`, { headers: { Cookie: cookie } })).json()) as {
      workspaces: { slug: string }[];
    };
    const slug = me.workspaces[0]?.slug;
    if (!slug) throw new Error('the demo user has no workspace');
    const url = `${base}/w/${slug}/${values.page}`;
    const presets = values.preset === 'both' ? ['mobile', 'desktop'] : [values.preset ?? 'mobile'];
    console.log(`Lighthouse on ${url} (demo workspace, signed in as the fractional CPO)`);
    for (const preset of presets) {
      const runs: LighthouseResult[] = [];
      for (let r = 0; r < RUNS; r++) {
        const result = await lighthouse.run(
          url,
          {
            port: debugPort,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
            // The session cookie rides on every request, so Lighthouse sees the signed-in page.
            extraHeaders: { Cookie: cookie },
          },
          preset === 'desktop' ? lighthouse.desktop : undefined,
        );
        if (!result) throw new Error('lighthouse returned no result');
        runs.push(result);
      }
      const scores = (id: string) => runs.map((r) => Math.round((r.lhr.categories[id]?.score ?? 0) * 100));
      const performance = median(scores('performance'));
      const accessibility = median(scores('accessibility'));
      const ok = performance >= TARGETS.performance && accessibility >= TARGETS.accessibility;
      failed ||= !ok;
      console.log(
        `${preset.padEnd(8)} performance ${performance} (runs ${scores('performance').join(', ')}; target ≥ ${TARGETS.performance})  accessibility ${accessibility} (target ≥ ${TARGETS.accessibility})  ${ok ? 'met' : 'NOT met'}`,
      );
      const metrics = [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
      ];
      for (const run of runs) {
        console.log(
          `         ${metrics.map((m) => `${m} ${run.lhr.audits[m]?.displayValue ?? '?'}`).join(', ')}`,
        );
      }
      const problems = new Set(
        runs.flatMap((run) =>
          Object.values(run.lhr.audits)
            .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
            .map((a) => a.title),
        ),
      );
      for (const title of problems) console.log(`         to look at: ${title}`);
    }
  } finally {
    await stop(browser);
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();
