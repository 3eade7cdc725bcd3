/**
 * History imported from Jira feeds the engines: a Jira Server export of issues resolved over the
 * last four months, imported as a new workspace, gives a throughput forecast learned from those
 * completions, a calibration from their Original Estimate and Time Spent, and plan efforts drawn
 * from that record. The same file imported with the CLI answers `headway forecast` and
 * `headway calibration`. Dates are relative to today, so the file never goes stale.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJiraDate, JIRA_SERVER_HEADER } from '../../bench/lib/jira-export-generator';
import type {
  CalibrationReportView,
  ForeignImportResult,
  PlanForecastView,
  ThroughputForecastView,
} from '../../src/contract';
import { computeMedian, createSmallRandom, MS_PER_DAY } from '../../src/domain/shared';
import { createTestApp } from '../support/app';
import { makeTempDir, runHeadway, runHeadwayHere } from '../support/cli';
import { TestClient } from '../support/client';

const HOUR_SECONDS = 3600;
const WINDOW_DAYS = 90;
const TODAY = Math.floor(Date.now() / MS_PER_DAY);

/** A Jira Server export: 60 issues resolved over the last 120 days and 10 still open. */
function buildJiraExport(seed: number): string {
  const random = createSmallRandom(seed).nextFloat;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const rows: Record<string, string>[] = [];
  for (let n = 1; n <= 70; n++) {
    const done = n <= 60;
    const resolved =
      (TODAY - 1 - Math.floor(random() * 120)) * MS_PER_DAY + (9 + Math.floor(random() * 8)) * 3_600_000;
    const created = done ? resolved - (1 + Math.floor(random() * 10)) * MS_PER_DAY : (TODAY - 5) * MS_PER_DAY;
    // Jira Server writes estimates and time logged in seconds; people log whole hours.
    const estimateHours = random() < 0.85 || !done ? 1 + Math.floor(random() * 24) : 0;
    const spentHours =
      done && random() < 0.9 ? Math.max(1, Math.round((estimateHours || 8) * (0.5 + random() * 1.5))) : 0;
    rows.push({
      Summary: `${pick(['Fix', 'Add', 'Improve'])} ${pick(['checkout', 'search', 'export'])}, part ${n}`,
      'Issue key': `HW-${n}`,
      'Issue id': String(10_000 + n),
      'Issue Type': pick(['Story', 'Task', 'Bug']),
      Status: done ? 'Done' : pick(['To Do', 'In Progress']),
      'Project key': 'HW',
      'Project name': 'Headway Web',
      Priority: pick(['High', 'Medium', 'Low']),
      Resolution: done ? 'Done' : '',
      Assignee: pick(['Zoë Ångström', "Sam O'Brien", 'Ana Müller']),
      Reporter: 'Ana Müller',
      Creator: 'Ana Müller',
      Created: formatJiraDate(created),
      Updated: formatJiraDate(done ? resolved : created),
      Resolved: done ? formatJiraDate(resolved) : '',
      Description: `h3. Context\nPart ${n}, with a comma.`,
      'Original Estimate': estimateHours ? String(estimateHours * HOUR_SECONDS) : '',
      'Time Spent': spentHours ? String(spentHours * HOUR_SECONDS) : '',
    });
  }
  return Papa.unparse([
    JIRA_SERVER_HEADER,
    ...rows.map((row) =>
      JIRA_SERVER_HEADER.map((h, i) => (JIRA_SERVER_HEADER.indexOf(h) === i ? (row[h] ?? '') : '')),
    ),
  ]);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Reads `DD/MMM/YY h:mm A` (UTC) back, independently of the importer. */
function readJiraDate(text: string): number {
  const [, dd, mmm, yy, h, mm, ap] = /^(\d{2})\/(\w{3})\/(\d{2}) (\d{1,2}):(\d{2}) (AM|PM)$/.exec(text)!;
  const hour = (Number(h) % 12) + (ap === 'PM' ? 12 : 0);
  return Date.UTC(2000 + Number(yy), MONTHS.indexOf(mmm!), Number(dd), hour, Number(mm));
}

/** What the file says, recomputed from its text: the forecast's and the calibration's expected basis. */
function expectFromCsv(text: string) {
  const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const at = (row: string[], name: string) => row[header!.indexOf(name)] ?? '';
  const resolvedDays = rows
    .filter((r) => at(r, 'Resolved') !== '')
    .map((r) => Math.floor(readJiraDate(at(r, 'Resolved')) / MS_PER_DAY));
  const inWindow = resolvedDays.filter((day) => day >= TODAY - WINDOW_DAYS && day < TODAY);
  const ratios = rows
    .filter(
      (r) =>
        at(r, 'Resolved') !== '' && Number(at(r, 'Original Estimate')) > 0 && Number(at(r, 'Time Spent')) > 0,
    )
    .map((r) => Number(at(r, 'Time Spent')) / Number(at(r, 'Original Estimate')));
  return {
    completed: resolvedDays.length,
    window: {
      items: inWindow.length,
      activeDays: new Set(inWindow).size,
      sampleDays: Math.min(WINDOW_DAYS, TODAY - Math.min(...resolvedDays)),
    },
    pairs: ratios.length,
    medianRatio: computeMedian(ratios),
    openWithEstimate: rows.filter((r) => at(r, 'Resolved') === '' && Number(at(r, 'Original Estimate')) > 0)
      .length,
  };
}

const CSV = buildJiraExport(7);
const EXPECTED = expectFromCsv(CSV);

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let client: TestClient;
let workspaceId: string;
/** The API's throughput dates, which the CLI must give for the same file on the same day. */
let apiDates: Record<string, string | null> | undefined;

beforeAll(async () => {
  ctx = await createTestApp();
  client = new TestClient(ctx.app);
  await client.signUp('Lena');
  const res = await client.post<ForeignImportResult>('/api/workspaces/import/foreign', {
    format: 'jira',
    text: CSV,
    name: 'From Jira',
  });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
  workspaceId = res.body.workspace!.id;
});
afterAll(() => ctx.close());

describe('imported Jira history', () => {
  it('should be a realistic file: most issues done with both times, some open with estimates', () => {
    expect(EXPECTED.completed).toBe(60);
    expect(EXPECTED.pairs).toBeGreaterThanOrEqual(30);
    expect(EXPECTED.window.items).toBeGreaterThan(30);
    expect(EXPECTED.openWithEstimate).toBe(10);
  });

  it('should forecast throughput from the imported completions', async () => {
    const res = await client.get<ThroughputForecastView>(
      `/api/workspaces/${workspaceId}/forecasts/throughput?items=20`,
    );
    expect(res.status).toBe(200);
    if (res.body.status !== 'ok') throw new Error(`not ok: ${JSON.stringify(res.body)}`);
    expect(res.body.windowDays).toBe(WINDOW_DAYS);
    expect(res.body.basis.history).toMatchObject(EXPECTED.window);
    expect(res.body.basis.countedItems).toBe(EXPECTED.completed);
    expect(res.body.percentiles.every((p) => typeof p.date === 'string')).toBe(true);
    apiDates = res.body.dates;
  });

  it('should calibrate on the imported Original Estimate and Time Spent', async () => {
    const res = await client.get<CalibrationReportView>(
      `/api/workspaces/${workspaceId}/calibration?by=workspace`,
    );
    expect(res.status).toBe(200);
    expect(res.body.completedItems).toBe(EXPECTED.pairs);
    if (!res.body.overall.ok) throw new Error(`not ok: ${JSON.stringify(res.body.overall)}`);
    expect(res.body.overall.count).toBe(EXPECTED.pairs);
    expect(res.body.overall.median).toBeCloseTo(EXPECTED.medianRatio, 9);
  });

  it('should draw the efforts of open imported items from the imported record', async () => {
    const list = await client.get<{ data: { id: string; state: string; estimate: unknown }[] }>(
      `/api/workspaces/${workspaceId}/items?limit=100`,
    );
    const open = list.body.data.filter((i) => i.state !== 'done' && i.estimate !== null);
    expect(open).toHaveLength(EXPECTED.openWithEstimate);
    // The Jira people have no e-mail and are not members yet: the founder, who codes, takes the work.
    const founder = await client.patch(`/api/workspaces/${workspaceId}/members/${client.userId}`, {
      version: 1,
      skills: ['backend'],
    });
    expect(founder.status, JSON.stringify(founder.body)).toBe(200);
    const res = await client.get<PlanForecastView>(
      `/api/workspaces/${workspaceId}/forecasts/plan?items=${open.map((i) => i.id).join(',')}&trials=100`,
    );
    expect(res.status).toBe(200);
    if (res.body.status !== 'ok') throw new Error(`not ok: ${JSON.stringify(res.body)}`);
    expect(res.body.unplanned).toEqual([]);
    expect(res.body.record.effortsFromRecord).toBeGreaterThan(0);
    expect(res.body.record.effortsFromRecord + res.body.record.effortsFromEstimate).toBe(open.length);
  });
});

// In this process but the last command, which runs as a user runs it, in a Node process of its own.
describe('the same file imported with the CLI', { timeout: 240_000 }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = makeTempDir('import-history');
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should answer headway forecast and headway calibration from that history', async () => {
    const file = join(dataDir, 'jira.csv');
    writeFileSync(file, CSV);
    const user = await runHeadwayHere(
      dataDir,
      ['user', 'create', '--email', 'lena@example.com', '--name', 'Lena'],
      {
        HEADWAY_PASSWORD: 'correct horse battery',
      },
    );
    expect(user.code, user.stderr).toBe(0);
    const imported = await runHeadwayHere(dataDir, [
      'import',
      file,
      '--from',
      'jira',
      '--name',
      'From Jira',
      '--as',
      'lena@example.com',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const forecast = await runHeadwayHere(dataDir, [
      'forecast',
      '-w',
      'From Jira',
      '--items',
      '20',
      '--json',
    ]);
    expect(forecast.code, forecast.stderr).toBe(0);
    // Same history, start, seed and trials as the API's forecast: the same dates.
    const answer = JSON.parse(forecast.stdout) as { items: number; dates: Record<string, string> };
    expect(answer.items).toBe(20);
    expect(apiDates).toBeDefined();
    expect(answer.dates).toEqual(apiDates);
    const calibration = await runHeadway(dataDir, ['calibration', '-w', 'From Jira', '--json']);
    expect(calibration.code, calibration.stderr).toBe(0);
    const report = JSON.parse(calibration.stdout) as CalibrationReportView;
    expect(report.completedItems).toBe(EXPECTED.pairs);
    expect(report.overall.ok && report.overall.median).toBeCloseTo(EXPECTED.medianRatio, 9);
  });
});
