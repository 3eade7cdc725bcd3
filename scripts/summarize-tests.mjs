// Reads the vitest and Playwright JSON reports in a folder and prints "N passed, N failed".
// Steps that fail without tests (typecheck, lint, a missing tool) count as one failure each.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, failedStepsArg] = process.argv.slice(2);
let passed = 0;
let failed = 0;

function walkPlaywright(suite) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const status = test.status ?? test.results?.at(-1)?.status;
      if (status === 'expected' || status === 'flaky' || status === 'passed') passed += 1;
      else if (status !== 'skipped') failed += 1;
    }
  }
  for (const child of suite.suites ?? []) walkPlaywright(child);
}

if (existsSync(dir)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (file.startsWith('vitest')) {
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      // A file that fails to load has no tests but must still count.
      for (const result of report.testResults ?? []) {
        if (result.status === 'failed' && (result.assertionResults ?? []).length === 0) failed += 1;
      }
    } else if (file.startsWith('playwright')) {
      for (const suite of report.suites ?? []) walkPlaywright(suite);
      failed += (report.errors ?? []).length;
    }
  }
}
failed += Number(failedStepsArg ?? 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
