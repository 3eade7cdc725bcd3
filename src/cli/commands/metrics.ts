/**
 * `headway metrics`: the flow metrics of a workspace over a period.
 *
 *   headway metrics --workspace W [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--person EMAIL] [--json]
 */
import type { Command } from 'commander';
import {
  CYCLE_TIME_DEFINITION,
  type FlowMetricsView,
  METRICS_DEFAULTS,
  MetricsQuerySchema,
  WorkspaceRefSchema,
} from '../../contract';
import { buildDoraMeasures } from '../../server/commands/dora-measures';
import { buildFlowMetrics } from '../../server/commands/flow-metrics';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { parseFlags, SwitchSchema } from '../flags';
import { formatTable } from '../table';
import { resolveWorkspace } from '../workspace-ref';

/** The flags of `headway metrics`: the API's query (from, to, person) and a workspace. */
export const MetricsFlagsSchema = MetricsQuerySchema.safeExtend({
  ...DATABASE_FLAGS,
  workspace: WorkspaceRefSchema,
  json: SwitchSchema,
}).strict();

const days = (value: number | null) => (value === null ? '-' : `${value.toFixed(1)} d`);

/**
 * Renders flow metrics as plain text: cycle-time percentiles, weekly throughput, WIP, the
 * oldest work in progress, blocked time and flow efficiency (or why the workflow cannot give them).
 * @param metrics the metrics
 * @param limit how many aging items to list
 * @returns the lines, ending with a newline
 */
export function renderMetrics(metrics: FlowMetricsView, limit = 10): string {
  const c = metrics.cycleTimeDays;
  const who = metrics.person ? ` for ${metrics.person.name}` : '';
  const weeks = formatTable(
    ['week of', 'days', 'finished'],
    metrics.throughput.weekly.map((w) => [w.weekStart, String(w.days), String(w.count)]),
    { alignRight: [1, 2] },
  );
  const aging = formatTable(
    ['item', 'state', 'age', 'older than', 'assignee'],
    metrics.aging
      .slice(0, limit)
      .map((a) => [
        `#${a.number}`,
        a.state,
        days(a.ageDays),
        a.olderThanPercent === null ? '-' : `${Math.round(a.olderThanPercent)}% of finished`,
        a.assignee?.name ?? '',
      ]),
    { alignRight: [2, 3] },
  );
  const { blockedTime: blocked, flowEfficiency: efficiency } = metrics;
  const percent = (value: number | null) => (value === null ? '-' : `${value.toFixed(1)}%`);
  const notWorked = [
    blocked.available
      ? `Blocked time: ${days(blocked.blockedDays)} over ${blocked.items} finished items (${percent(blocked.share === null ? null : blocked.share * 100)} of their cycle time)`
      : blocked.reason,
    efficiency.available
      ? `Flow efficiency: ${percent(efficiency.percent)} of cycle time worked (${days(efficiency.activeDays)} worked, ${days(efficiency.waitingDays)} waiting or blocked)`
      : efficiency.reason,
  ];
  return `${[
    `Flow metrics ${metrics.from} to ${metrics.to}${who}`,
    `(${metrics.definition})`,
    '',
    `Cycle time of ${c.count} finished items: P50 ${days(c['50'])}, P70 ${days(c['70'])}, P85 ${days(c['85'])}, P95 ${days(c['95'])}`,
    `Throughput: ${metrics.throughput.total} finished (${metrics.finishedWithoutStart} without a start, so without a cycle time)`,
    ...weeks,
    '',
    `Work in progress: ${metrics.wip.total} (${metrics.wip.byState.map((s) => `${s.state} ${s.count}`).join(', ')})`,
    ...(metrics.aging.length > 0 ? aging : []),
    ...(metrics.aging.length > limit ? [`… ${metrics.aging.length - limit} more`] : []),
    '',
    ...notWorked,
  ].join('\n')}\n`;
}

/** `headway metrics`. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('metrics')
      .description(
        'flow metrics: cycle-time percentiles, throughput per day and week, cumulative flow, aging work in progress, blocked time and flow efficiency (with --json, also the DORA measures under `dora`)',
      )
      .requiredOption('-w, --workspace <ref>', 'workspace id, slug or name')
      .option(
        '--from <date>',
        `first day of the period, YYYY-MM-DD (default ${METRICS_DEFAULTS.periodDays - 1} days before --to)`,
      )
      .option('--to <date>', 'last day of the period, included, YYYY-MM-DD (default today, UTC)')
      .option('--person <email>', 'only items assigned to this person')
      .option('--json', 'print the metrics as JSON')
      .addHelpText(
        'after',
        `\nDefinition — ${CYCLE_TIME_DEFINITION}.\nBlocked time is the time finished items spent in states marked blocked; flow efficiency is the share of their cycle time worked, time in states marked waiting or blocked counting as waiting, once a started state is marked waiting (mark states on the board's workflow).`,
      ),
  ).action(async (raw: Record<string, unknown>) => {
    const { workspace, from, to, person, ...flags } = parseFlags(MetricsFlagsSchema, raw);
    const { metrics, dora } = await withDatabase(flags, async ({ db }) => {
      const id = (await resolveWorkspace(db, workspace)).id;
      return {
        metrics: await buildFlowMetrics(db, id, { from, to, person }),
        // DORA measures the whole team's deployments, so they are the same for any --person.
        dora: await buildDoraMeasures(db, id, { from, to }),
      };
    });
    process.stdout.write(
      flags.json ? `${JSON.stringify({ ...metrics, dora }, null, 2)}\n` : renderMetrics(metrics),
    );
  });
}
