import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalibrationReportView, Ranking } from '../../src/contract';
import { makeTempDir, runHeadway, runHeadwayHere } from '../support/cli';

let dataDir: string;
let workspace: string;

/**
 * Runs the CLI against the temporary data directory in this process; never throws, so failures
 * can be asserted. The demo and the first test run it in a process of its own, as a user does.
 */
const headway = (...args: string[]) => runHeadwayHere(dataDir, args);

beforeAll(async () => {
  dataDir = makeTempDir('rank');
  const demo = await runHeadway(dataDir, ['demo']);
  expect(demo.code, demo.stderr).toBe(0);
  // "Loaded "Acme Analytics (demo)" (acme-analytics-demo). Sign in as …"
  workspace = /\(([a-z0-9-]+)\)\. Sign in/.exec(demo.stdout)?.[1] ?? '';
  expect(workspace).not.toBe('');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('headway rank', () => {
  it('should print the top of the backlog by RICE as a table when asked for five rows', async () => {
    const args = ['rank', '--workspace', workspace, '--framework', 'rice', '--limit', '5'];
    const result = await runHeadway(dataDir, args);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('RICE: Reach × Impact × Confidence / Effort (Intercom)');
    expect(lines[2]).toMatch(/^rank\s+item\s+title\s+score\s+inputs\s+last set$/);
    const rows = lines.filter((line) => /^\s*\d+\s+#\d+/.test(line));
    expect(rows.map((row) => Number(row.trim().split(/\s+/)[0]))).toEqual([1, 2, 3, 4, 5]);
    // The demo's scores came with its file: imported, on the day it was loaded.
    expect(rows[0]).toMatch(
      /rice_reach=\d+ rice_impact=[\d.]+ rice_confidence=\d+ rice_effort=[\d.]+\s+imported \d{1,2} [A-Z][a-z]{2}$/,
    );
    expect(result.stdout).toMatch(/more ranked items/);
  });

  it('should print JSON whose scores follow the RICE formula from the stored inputs', async () => {
    const result = await headway('rank', '-w', workspace, '-f', 'rice', '--json', '--limit', '10');
    expect(result.code, result.stderr).toBe(0);
    const ranking = JSON.parse(result.stdout) as Ranking;
    expect(ranking.ranked).toHaveLength(10);
    for (const item of ranking.ranked) {
      const s = item.inputs as Record<string, number>;
      // Confidence is stored as a percentage in the demo: reach × impact × (confidence / 100) / effort.
      const expected =
        ((s.rice_reach ?? 0) * (s.rice_impact ?? 0) * ((s.rice_confidence ?? 0) / 100)) /
        (s.rice_effort ?? 1);
      expect(item.score).toBeCloseTo(expected, 9);
    }
    const scores = ranking.ranked.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('should refuse an unknown framework and list the known ones', async () => {
    const result = await headway('rank', '-w', workspace, '-f', 'rise');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--framework: use one of rice, ice');
  });
});

describe('headway calibration', () => {
  it('should report calibration per estimator as JSON on the demo history', async () => {
    const result = await headway('calibration', '-w', workspace, '--by', 'estimator', '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as CalibrationReportView;
    expect(report.by).toBe('estimator');
    expect(report.overall.ok).toBe(true);
    expect(report.groups.length).toBeGreaterThan(1);
    expect(report.groups.every((group) => group.group.kind === 'estimator')).toBe(true);
    const counted = report.groups.reduce((sum, group) => sum + group.count, 0);
    expect(counted).toBe(report.completedItems);
  });
});
