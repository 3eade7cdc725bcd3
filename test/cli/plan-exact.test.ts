import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { isPlannedMember } from '../../src/domain/planning';
import { DEMO_PEOPLE } from '../../src/server/demo/demo-workspace';
import { runHeadwayHere } from '../support/cli';

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
    const args = ['plan', '--psplib', file, '--json', '--seed', '3', '--max-schedules', '40'];
    // In this process, one after the other: the same command line must print the same plan.
    const a = await runHeadwayHere(dir, args);
    const b = await runHeadwayHere(dir, args);
    expect(a.code, a.stderr).toBe(0);
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

/** Where each cell of a padded table line starts: after two spaces, or at the indent. */
const columnStarts = (header: string) => [...header.matchAll(/(?<=^ {2}| {2})\S/g)].map((m) => m.index);

// Loading the demo takes seconds, and much longer on a loaded machine.
describe('headway plan --workspace', { timeout: 180_000 }, () => {
  it('should align every roadmap row under its header and count the people the planning rules plan on', async () => {
    const dataDir = join(dir, 'demo-data');
    const demo = await runHeadwayHere(dataDir, ['demo']);
    const workspace = /\(([a-z0-9-]+)\)\. Sign in/.exec(demo.stdout)?.[1] ?? '';
    expect(workspace).not.toBe('');
    const { stdout } = await runHeadwayHere(dataDir, ['plan', '-w', workspace, '--start', '2026-01-05']);
    const lines = stdout.split('\n');
    const planned = DEMO_PEOPLE.filter(isPlannedMember).length;
    // Alex is a founder who lists a skill, Dana works at 0.2 FTE: both count.
    expect(planned).toBe(DEMO_PEOPLE.length);
    expect(lines[0]).toMatch(new RegExp(`^Roadmap of ".+": \\d+ items on ${planned} people, `));
    const header = lines[2]!;
    expect(header).toMatch(/^ +# {2}item +who +start +finish +when {2}why$/);
    const starts = columnStarts(header);
    expect(starts).toHaveLength(7);
    const end = lines.indexOf('  (* on the critical chain)');
    const rows = lines.slice(3, end);
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      for (const start of starts.slice(1)) {
        expect(row.slice(start! - 2, start), row).toBe('  ');
        expect(row[start!], row).not.toBe(' ');
      }
      expect(row.slice(starts[3], starts[3]! + 10)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.slice(starts[5]).split(' ')[0]).toMatch(/^(now|next|later)$/);
    }
  });
});
