/**
 * `headway events send` and `headway metrics --json` run in-process on an embedded database:
 * a file of events is recorded once however often it is sent, and the metrics carry the DORA
 * measures under `dora`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildUser, buildWorkspace } from '../../../test/support/factories';
import type { DoraMeasuresView } from '../../contract';
import { openDatabase } from '../../db/client';
import { EXIT_CODES } from '../flags';
import { runHeadway } from '../run';

let dir: string;
let dataDir: string;

/** Runs a command line in this process and keeps what it printed. */
async function headway(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runHeadway(['node', 'headway', ...args, '--data-dir', dataDir]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'headway-events-'));
  dataDir = join(dir, 'data');
  const handle = await openDatabase({ dataDir });
  const founder = await buildUser(handle.db, { name: 'Alex' });
  await buildWorkspace(handle.db, founder.id, 'Pipeline Co');
  await handle.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('headway events send', () => {
  it('should record a file of events once, however often it is sent', async () => {
    const file = join(dir, 'events.json');
    writeFileSync(
      file,
      JSON.stringify({
        deployments: [
          { key: 'r1', deployedAt: '2026-03-02T10:00:00Z', commitTimes: ['2026-03-02T04:00:00Z'] },
          { key: 'r2', deployedAt: '2026-03-03T10:00:00Z', succeeded: false },
        ],
        incidents: [{ key: 'i1', openedAt: '2026-03-02T11:00:00Z', causedBy: 'r1' }],
      }),
    );
    const first = await headway('events', 'send', '-w', 'Pipeline Co', '--file', file);
    expect(first).toMatchObject({ code: EXIT_CODES.ok, stderr: '' });
    expect(first.stdout).toBe('2 deployments: 2 recorded; 1 incident: 1 recorded\n');
    const again = await headway('events', 'send', '-w', 'Pipeline Co', '--file', file);
    expect(again.stdout).toBe('2 deployments: 2 already known; 1 incident: 1 already known\n');
  });

  it('should resolve an incident from the command line', async () => {
    const res = await headway(
      'events',
      'send',
      '-w',
      'Pipeline Co',
      '--incident',
      'i1',
      '--resolved-at',
      '2026-03-02T14:00:00Z',
    );
    expect(res.stdout).toBe('1 incident: 1 updated\n');
  });

  it('should record one deployment from its flags and name a bad flag', async () => {
    const ok = await headway(
      'events',
      'send',
      '-w',
      'Pipeline Co',
      '--deployment',
      'r3',
      '--deployed-at',
      '2026-03-04T10:00:00Z',
      '--commit',
      '2026-03-04T08:00:00Z',
      '--commit',
      '2026-03-03T10:00:00Z',
    );
    expect(ok.stdout).toBe('1 deployment: 1 recorded\n');
    const bad = await headway(
      'events',
      'send',
      '-w',
      'Pipeline Co',
      '--deployment',
      'r4',
      '--deployed-at',
      '0000-01-01T00:00:00Z',
    );
    expect(bad.code).toBe(EXIT_CODES.usage);
    expect(bad.stderr).toContain('--deployed-at');
    const both = await headway(
      'events',
      'send',
      '-w',
      'Pipeline Co',
      '--deployment',
      'r5',
      '--incident',
      'i9',
    );
    expect(both.code).toBe(EXIT_CODES.usage);
    expect(both.stderr).toContain('exactly one of');
  });

  it('should refuse a file with a bad event, naming it, and record nothing of it', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        deployments: [
          { key: 'r6', deployedAt: '2026-03-05T10:00:00Z' },
          { key: 'r7', deployedAt: 'soon' },
        ],
      }),
    );
    const res = await headway('events', 'send', '-w', 'Pipeline Co', '--file', file);
    expect(res.code).toBe(EXIT_CODES.failed);
    expect(res.stderr).toContain('deployments.1.deployedAt');
  });

  it('should give the DORA measures under dora in headway metrics --json', async () => {
    const res = await headway(
      'metrics',
      '-w',
      'Pipeline Co',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-14',
      '--json',
    );
    expect(res.code).toBe(EXIT_CODES.ok);
    const dora = (JSON.parse(res.stdout) as { dora: DoraMeasuresView }).dora;
    // r1 and r3 succeeded (r6 was refused with its file); r2 failed and r1 caused i1.
    expect(dora.deploymentFrequency.deployments).toBe(2);
    expect(dora.changeFailure).toEqual({ deployments: 3, failed: 2, rate: 2 / 3 });
    // Lead hours 6 (r1), 2 and 24 (r3): median 6.
    expect(dora.leadTime.medianHours).toBe(6);
    expect(dora.timeToRestore).toMatchObject({ count: 1, medianHours: 3, open: 0 });
  });
});
