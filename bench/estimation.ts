/**
 * Estimation statistics on real estimate/actual pairs: what the calibration headline says, and
 * whether the log-normal fit describes the data (its Kolmogorov–Smirnov D against the 5%
 * critical value).
 *
 *   npm run bench:estimation -- --data DIR
 *
 * DIR holds `jira-estimates.csv` (columns estimate_hours and timespent_hours, one row per issue).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { buildCalibrationProfile, type CompletedEstimate } from '../src/domain/estimation/index';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const file = values.data === undefined ? undefined : join(values.data, 'jira-estimates.csv');
if (file === undefined || !existsSync(file)) {
  process.stderr.write(
    `${file === undefined ? 'No --data DIR given' : `${file} not found`}.\n` +
      'The benchmark needs jira-estimates.csv: real Jira issues with an estimate and the logged time (columns\n' +
      'estimate_hours and timespent_hours), e.g. an extract of the Public Jira Dataset (Montgomery, Lüders & Maalej,\n' +
      'MSR 2022). Headway’s shared data folder has one (shared/data/histories, see its README.md);\n' +
      'pass the folder with: npm run bench:estimation -- --data DIR\n',
  );
  process.exit(2);
}

const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
  header: true,
  skipEmptyLines: 'greedy',
});
const records: CompletedEstimate[] = parsed.data.map((row, index) => ({
  itemId: `${row.jira_host}-${row.issue_id ?? index}`,
  // Jira's estimate is one number: a single value, not a range.
  estimate: { kind: 'point', value: Number(row.estimate_hours) },
  actual: Number(row.timespent_hours),
  estimator: row.jira_host ?? 'unknown',
  itemType: row.issue_type ?? 'unknown',
  completedOn: (row.resolved || row.created || '').slice(0, 10),
}));

const profile = buildCalibrationProfile({ records });
if (!profile.ok) throw new Error(profile.reason);
const x = (v: number) => `×${v.toFixed(2)}`;
const stat = (s: typeof profile.p90) => (s.ok ? x(s.value) : s.reason);
const test = profile.fit.test;
process.stdout.write(
  `${file}: ${records.length} rows, ${profile.count} with a positive estimate and logged time (${profile.skipped.length} left out)\n\n` +
    'Headline (observed quantiles of logged ÷ estimated):\n' +
    `  median ${x(profile.median)}   P10 ${stat(profile.p10)}   P80 ${stat(profile.p80)}   P90 ${stat(profile.p90)}\n` +
    `  mean ${x(profile.mean)} (${profile.shown.mean === 'log-normal' ? 'from the fit, which passes' : 'observed; the fit is not used'})\n\n` +
    'Log-normal fit (maximum likelihood on the logs), shown beside it:\n' +
    `  median ${x(profile.fit.median)}   P10 ${x(profile.fit.p10)}   P90 ${x(profile.fit.p90)}   mean ${x(profile.fit.mean)}\n` +
    (test.tested
      ? `  Kolmogorov–Smirnov (Lilliefors) D = ${test.statistic.toFixed(3)}, 5% critical value ${test.critical.toFixed(4)} (n = ${test.count}): ` +
        `${test.passes ? 'passes' : 'REJECTED'}\n`
      : `  not tested: ${test.reason}\n`) +
    (profile.p90.ok
      ? `  fitted P90 ÷ observed P90 = ${(profile.fit.p90 / profile.p90.value).toFixed(2)}; fitted median ÷ observed = ${(profile.fit.median / profile.median).toFixed(2)}\n`
      : '') +
    '\nHit rates, labelled by what was stated:\n' +
    `  three-point ranges: ${profile.hitRates.length === 0 ? 'none (Jira estimates are single values)' : profile.hitRates.map((h) => h.message).join('; ')}\n` +
    `  single values: ${profile.singleValues?.message ?? 'none'}\n`,
);
