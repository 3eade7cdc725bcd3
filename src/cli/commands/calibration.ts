/**
 * `headway calibration`: how a workspace's estimates compare with the actual effort.
 *
 *   headway calibration --workspace W [--by workspace|estimator|type] [--reference likely|pert-mean] [--json]
 */
import type { Command } from 'commander';
import {
  type CalibrationProfileView,
  CalibrationQuerySchema,
  type CalibrationReportView,
  WorkspaceRefSchema,
} from '../../contract';
import { buildCalibration } from '../../server/commands/calibration';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { parseFlags, SwitchSchema } from '../flags';
import { resolveWorkspace } from '../workspace-ref';

/** The flags of `headway calibration`: the API's query (by, reference) and a workspace. */
const CalibrationFlagsSchema = CalibrationQuerySchema.extend({
  ...DATABASE_FLAGS,
  workspace: WorkspaceRefSchema,
  json: SwitchSchema,
}).strict();

const ratio = (value: number): string => `×${value.toFixed(2)}`;

/** The goodness-of-fit verdict of a profile's log-normal fit, in a few words. */
export function describeFit(profile: Extract<CalibrationProfileView, { ok: true }>): string {
  const test = profile.fit.test;
  if (!test.tested) return 'not tested';
  const d = `D ${test.statistic.toFixed(3)} ${test.passes ? '≤' : '>'} ${test.critical.toFixed(3)}`;
  return `${test.passes ? 'passes' : 'rejected'} (${d})`;
}

function describeHits(profile: Extract<CalibrationProfileView, { ok: true }>): string {
  const parts: string[] = [];
  for (const hit of profile.hitRates) {
    const what = hit.confidenceStated
      ? `${Math.round(hit.statedConfidence * 100)}% ranges`
      : 'ranges (no % stated)';
    parts.push(
      hit.rate.ok ? `${Math.round(hit.rate.value * 100)}% of ${what}` : `${what}: needs ${hit.rate.needed}`,
    );
  }
  const single = profile.singleValues;
  if (single) {
    parts.push(
      single.rate.ok
        ? `single values met ${Math.round(single.rate.value * 100)}%`
        : `single values: needs ${single.rate.needed}`,
    );
  }
  return parts.length === 0 ? '-' : parts.join('; ');
}

function profileCells(profile: CalibrationProfileView): string[] {
  if (!profile.ok)
    return [
      profile.group.name,
      String(profile.count),
      `needs ${profile.needed} completed items`,
      '',
      '',
      '',
      '',
    ];
  const tail = (stat: typeof profile.p80) => (stat.ok ? ratio(stat.value) : `needs ${stat.needed}`);
  return [
    profile.group.name,
    String(profile.count),
    ratio(profile.median),
    tail(profile.p80),
    tail(profile.p90),
    `${describeFit(profile)}; fitted median ${ratio(profile.fit.median)}`,
    describeHits(profile),
  ];
}

/**
 * Renders a calibration report as a plain-text table of actual/estimate ratios.
 * @param report the report
 * @returns one row per group (refusals say how many items they need) and the drift trend
 */
export function renderCalibrationTable(report: CalibrationReportView): string {
  const header = ['group', 'items', 'median', 'P80', 'P90', 'log-normal fit (KS, 5%)', 'estimates met'];
  const rows = [report.overall, ...report.groups].map(profileCells);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const overall = report.overall;
  const meanNote = overall.ok
    ? `The mean ratio ${ratio(overall.mean)} is ${overall.shown.mean === 'log-normal' ? 'the fit’s (it passes)' : 'observed (the fit is not used)'}.`
    : '';
  return `${[
    `Actual effort ÷ estimate (${report.reference}), from ${report.completedItems} completed items; ×1.30 means 30% over`,
    'median, P80 and P90 are observed; the log-normal fit is shown beside them and used only where its',
    'Kolmogorov–Smirnov test (Lilliefors, 5%) passes. Ranges are three-point estimates; single values state no range.',
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    meanNote,
    `Drift: ${report.drift.trend.ok ? report.drift.trend.message : report.drift.trend.reason}`,
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n')}\n`;
}

/** `headway calibration`. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('calibration')
      .description(
        'compare estimates with actual effort: observed median, P80/P90 of actual/estimate, the log-normal fit and its test, hit rates, drift',
      )
      .requiredOption('-w, --workspace <ref>', 'workspace id, slug or name')
      .option('--by <group>', 'workspace, estimator or type', 'workspace')
      .option(
        '--reference <value>',
        'compare with the likely value or the PERT mean (likely, pert-mean)',
        'likely',
      )
      .option('--json', 'print the report as JSON'),
  ).action(async (raw: Record<string, unknown>) => {
    const { workspace, by, reference, ...flags } = parseFlags(CalibrationFlagsSchema, raw);
    const report = await withDatabase(flags, async ({ db }) =>
      buildCalibration(db, (await resolveWorkspace(db, workspace)).id, { by, reference }),
    );
    process.stdout.write(
      flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderCalibrationTable(report),
    );
  });
}
