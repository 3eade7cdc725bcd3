// Reads the vitest and Playwright JSON reports in a folder and prints "N passed, N failed",
// after naming every failed test with the first lines of its failure, so a red run says why.
// Steps that fail without tests (typecheck, lint, a missing tool) count as one failure each.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [dir, failedStepsArg] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];

const firstLines = (text) =>
  String(text ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 6)
    .map((line) => `      ${line.slice(0, 300)}`)
    .join('\n');

function walkPlaywright(suite, report) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const status = test.status ?? test.results?.at(-1)?.status;
      if (status === 'expected' || status === 'flaky' || status === 'passed') passed += 1;
      else if (status !== 'skipped') {
        failed += 1;
        const error = test.results?.at(-1)?.error?.message;
        failures.push(`${report}: ${spec.file} › ${spec.title}\n${firstLines(error)}`);
      }
    }
  }
  for (const child of suite.suites ?? []) walkPlaywright(child, report);
}

if (existsSync(dir)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (file.startsWith('vitest')) {
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      for (const result of report.testResults ?? []) {
        const name = relative(process.cwd(), result.name ?? '');
        // A file that fails to load has no tests but must still count.
        if (result.status === 'failed' && (result.assertionResults ?? []).length === 0) {
          failed += 1;
          failures.push(`${file}: ${name} (did not load)\n${firstLines(result.message)}`);
        }
        for (const assertion of result.assertionResults ?? []) {
          if (assertion.status !== 'failed') continue;
          const title = assertion.fullName ?? assertion.title;
          failures.push(`${file}: ${name} › ${title}\n${firstLines(assertion.failureMessages?.join('\n'))}`);
        }
      }
    } else if (file.startsWith('playwright')) {
      for (const suite of report.suites ?? []) walkPlaywright(suite, file);
      for (const error of report.errors ?? []) {
        failed += 1;
        failures.push(`${file}: ${firstLines(error.message)}`);
      }
    }
  }
}
if (failures.length > 0) {
  console.log(`failed tests:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
}
failed += Number(failedStepsArg ?? 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
