import { defineConfig } from 'vitest/config';

const INCLUDE = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'bench/**/*.test.ts'];
const EXCLUDE = ['e2e/**', 'node_modules/**'];
/**
 * Files that replace a module (vi.mock) or run in a browser-like environment get a fresh module
 * registry each. Every other file shares its worker's modules with the files before it, so the
 * server and its dependencies load once per worker instead of once per file: such a file must
 * leave no global state behind (restore what it changes in process.env or globals).
 */
const ISOLATED = [
  'test/api/accounts.test.ts',
  'test/api/portfolio-failure.test.ts',
  'src/web/**/*.test.tsx',
  'src/render/report-renderers.test.ts',
];

// Unit, property and integration tests. Browser journeys live in e2e/ and run under Playwright.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    globalSetup: ['test/support/pglite-template.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: INCLUDE, exclude: [...EXCLUDE, ...ISOLATED], isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED, exclude: EXCLUDE, isolate: true } },
    ],
  },
});
