import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'headway-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('headway assess --format pdf', () => {
  it('should print the report to a PDF through Chromium', async () => {
    const out = join(dir, 'report.pdf');
    await run(
      process.execPath,
      [
        'bin/headway.js',
        'assess',
        '--answers',
        'examples/assessment/seed-cto-runs-delivery.yaml',
        '--format',
        'pdf',
        '--out',
        out,
      ],
      { cwd: ROOT },
    );
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('should ask for --out when printing a PDF', async () => {
    const result = run(
      process.execPath,
      [
        'bin/headway.js',
        'assess',
        '--answers',
        'examples/assessment/seed-cto-runs-delivery.yaml',
        '--format',
        'pdf',
      ],
      { cwd: ROOT },
    );
    await expect(result).rejects.toMatchObject({
      stderr: expect.stringContaining('--format pdf needs --out FILE.pdf'),
    });
  });
});
