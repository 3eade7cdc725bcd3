import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against a real `headway serve` on a fresh embedded database. The web app must
 * be built first (`npm run build`); nothing is built or downloaded here, and the browser is
 * Debian's chromium. The port and data folder are chosen once, in the main process, and passed
 * to the workers through the environment.
 */
const repo = resolve(import.meta.dirname);
const webRoot = join(repo, 'dist', 'web');
if (!existsSync(join(webRoot, 'index.html'))) {
  throw new Error('dist/web is missing: run `npm run build` before `npm run e2e`');
}

function findFreePort(): string {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

process.env.HEADWAY_E2E_PORT ??= findFreePort();
process.env.HEADWAY_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'headway-e2e-'));
const port = process.env.HEADWAY_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
// Which checkout's server to run (defaults to this one).
const serverDir = process.env.HEADWAY_E2E_SERVER_DIR ?? repo;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node bin/headway.js serve --data-dir ${process.env.HEADWAY_E2E_DATA} --port ${port} --host 127.0.0.1 --web-root ${webRoot} --log-level warn`,
    cwd: serverDir,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // Always the embedded database, even when the shell points DATABASE_URL at a server.
    // Every presented response is checked against its schema, as in the API tests.
    env: { DATABASE_URL: '', HEADWAY_DATA_DIR: '', HEADWAY_CHECK_RESPONSES: '1' },
    timeout: 90_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
