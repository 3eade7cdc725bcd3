import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'headway-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Jobs 2 (3 periods) and 3 (5 periods) each need 2 of the 3 units of R1, so they cannot overlap:
// the optimum is 3 + 5 = 8, worked out by hand.
const INSTANCE = `************************************************************************
jobs (incl. supersource/sink ):  4
RESOURCES
  - renewable                 :  1   R
  - nonrenewable              :  0   N
************************************************************************
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          2           2   3
   2        1          1           4
   3        1          1           4
   4        1          0
************************************************************************
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
------------------------------------------------------------------------
  1      1     0       0
  2      1     3       2
  3      1     5       2
  4      1     0       0
************************************************************************
RESOURCEAVAILABILITIES:
  R 1
    3
************************************************************************
`;

describe('headway plan --psplib --exact', () => {
  it('should prove the optimum of a small instance with HiGHS', async () => {
    const file = join(dir, 'tiny.sm');
    writeFileSync(file, INSTANCE);
    const { stdout } = await run(
      process.execPath,
      ['bin/headway.js', 'plan', '--psplib', file, '--exact', '--json'],
      { cwd: ROOT },
    );
    const out = JSON.parse(stdout) as { makespan: number; start: Record<string, number>; optimal: boolean };
    expect(out).toMatchObject({ makespan: 8, optimal: true, status: 'optimal', lowerBound: 8, gap: 0 });
    const [s2, s3] = [out.start['2']!, out.start['3']!];
    // One after the other, in either order.
    expect(s2 + 3 <= s3 || s3 + 5 <= s2).toBe(true);
    expect(out.start['4']).toBe(8);
  });

  it('should give the same plan twice and say the schedule budget ended it when run with a seed and budget', async () => {
    const file = join(dir, 'tiny2.sm');
    writeFileSync(file, INSTANCE);
    const args = [
      'bin/headway.js',
      'plan',
      '--psplib',
      file,
      '--json',
      '--seed',
      '3',
      '--max-schedules',
      '40',
    ];
    const [a, b] = await Promise.all([
      run(process.execPath, args, { cwd: ROOT }),
      run(process.execPath, args, { cwd: ROOT }),
    ]);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout) as {
      makespan: number;
      lowerBound: number;
      optimal: boolean;
      stoppedBy: string;
    };
    // 8 is both the optimum and the energy bound (3 × 2 + 5 × 2 units over capacity 3 → 6; one after the other → 8).
    expect(out).toMatchObject({ makespan: 8, optimal: out.lowerBound === 8 });
    expect(['schedules', 'lower-bound']).toContain(out.stoppedBy);
    expect(a.stderr).toBe('');
  });
});
