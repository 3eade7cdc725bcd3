import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  exactlyOneOf,
  INT4_MAX,
  type Roadmap,
  RoadmapQuerySchema,
  WorkspaceRefSchema,
  wholeNumberText,
} from '../../contract';
import { parsePsplib, type RcpspDefect } from '../../domain/scheduling/index';
import { getRoadmap } from '../../server/commands/roadmap';
import { solveRcpspExactly } from '../../server/solvers/highs-rcpsp';
import { solveRcpspInParallel } from '../../server/solvers/parallel-rcpsp';
import { DATABASE_FLAGS, type DatabaseFlags, withDatabase, withDatabaseOptions } from '../config';
import { FilePathSchema, parseFlags, SwitchSchema } from '../flags';
import { formatTable } from '../table';
import { resolveWorkspace } from '../workspace-ref';

/** Default schedule budget of the heuristic: the largest budget the RCPSP literature compares at. */
const DEFAULT_MAX_SCHEDULES = 50_000;
/** Default wall-clock cap of the heuristic, and default HiGHS time limit with --exact. */
const DEFAULT_TIME_LIMIT_MS = 10_000;
const MAX_THREADS = 64;

/**
 * The flags of `headway plan`: a workspace's roadmap (the API's roadmap start) or one PSPLIB
 * instance with the search's budget.
 */
const PlanFlagsSchema = z
  .strictObject({
    ...DATABASE_FLAGS,
    psplib: FilePathSchema.optional(),
    workspace: WorkspaceRefSchema.optional(),
    start: RoadmapQuerySchema.shape.start,
    exact: SwitchSchema,
    json: SwitchSchema,
    maxSchedules: wholeNumberText(0, INT4_MAX).default(DEFAULT_MAX_SCHEDULES),
    timeLimitMs: wholeNumberText(0, INT4_MAX).default(DEFAULT_TIME_LIMIT_MS),
    threads: wholeNumberText(1, MAX_THREADS).default(1),
    seed: wholeNumberText(0, INT4_MAX).default(1),
  })
  .check(exactlyOneOf({ workspace: 'W (a workspace roadmap)', psplib: 'FILE.sm (one PSPLIB instance)' }));
type PlanFlags = z.output<typeof PlanFlagsSchema>;

function fail(message: string): void {
  process.stderr.write(`headway plan: ${message}\n`);
  process.exitCode = 1;
}

/** What is wrong with an instance, in words; a new kind of defect does not compile until it is here. */
function describeDefect(d: RcpspDefect): string {
  switch (d.kind) {
    case 'cycle':
      return 'the precedence relations form a cycle';
    case 'demand-exceeds-capacity':
      return `job ${d.job + 1} needs more of resource R${d.resource + 1} than is available`;
    case 'bad-number':
      return `job ${d.job + 1} has a ${d.field} that is not a whole number ≥ 0`;
    case 'bad-successor':
      return `job ${d.job + 1} has an unknown successor ${d.successor + 1}`;
  }
}

function startsByJob(starts: readonly number[]): Record<string, number> {
  const start: Record<string, number> = {};
  starts.forEach((s, j) => {
    start[String(j + 1)] = s;
  });
  return start;
}

function renderJobs(starts: readonly number[], durations: readonly number[]): string {
  const rows = starts.map(
    (s, j) =>
      `${String(j + 1).padStart(5)}  ${String(s).padStart(6)}  ${String(s + durations[j]!).padStart(6)}`,
  );
  return `  job   start  finish\n${rows.join('\n')}\n`;
}

/**
 * Plans one PSPLIB single-mode instance and prints the makespan, what is proven about it and
 * every job's start (keyed by PSPLIB job number, dummies included), as JSON or as a table.
 */
async function planPsplib(file: string, flags: PlanFlags): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const parsed = parsePsplib(text);
  if (!parsed.ok) {
    fail(`${file} is not a PSPLIB single-mode (.sm) file:\n  ${parsed.errors.join('\n  ')}`);
    return;
  }
  const instance = parsed.value.instance;
  const { timeLimitMs, maxSchedules } = flags;
  if (flags.exact) {
    const exact = await solveRcpspExactly(instance, {
      seed: flags.seed,
      maxSchedules,
      timeLimitSeconds: Math.max(0.001, timeLimitMs / 1000),
    });
    if (exact.status === 'too-large') {
      fail(
        `exact mode proves optimality for instances of at most ${exact.maxJobs} jobs (dummies included); ${file} has ${exact.jobCount}: drop --exact for the heuristic.`,
      );
      return;
    }
    if (exact.status === 'infeasible') {
      fail(`${file} cannot be scheduled:\n  ${exact.defects.map(describeDefect).join('\n  ')}`);
      return;
    }
    if (exact.heuristic.wallClockCapHit) {
      process.stderr.write(
        'headway plan: the heuristic’s wall-clock cap ended it before its schedule budget: its first schedule may differ on a faster or less busy machine.\n',
      );
    }
    if (flags.json) {
      const out = {
        makespan: exact.makespan,
        start: startsByJob(exact.starts),
        optimal: exact.status === 'optimal',
        status: exact.status,
        lowerBound: exact.lowerBound,
        gap: exact.gap,
        foundBy: exact.foundBy,
        milpSeconds: exact.milpSeconds,
        timeLimitReached: exact.timeLimitReached,
        heuristic: exact.heuristic,
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
      return;
    }
    const proof =
      exact.status === 'optimal'
        ? 'proven optimal'
        : exact.status === 'feasible'
          ? `not proven: HiGHS stopped at its ${timeLimitMs / 1000} s limit; proven lower bound ${exact.lowerBound}, gap ${(100 * exact.gap).toFixed(1)} %`
          : `not proven: HiGHS added nothing within ${timeLimitMs / 1000} s; heuristic schedule, lower bound ${exact.lowerBound} (critical path, resource energy), gap ${(100 * exact.gap).toFixed(1)} %`;
    process.stdout.write(
      `makespan ${exact.makespan} (${proof}; found by the ${exact.foundBy === 'milp' ? 'MILP' : 'heuristic'})\n${renderJobs(exact.starts, instance.durations)}`,
    );
    return;
  }
  const heuristic = await solveRcpspInParallel(
    instance,
    { seed: flags.seed, maxSchedules, timeLimitMs },
    flags.threads,
  );
  if (heuristic.status === 'infeasible') {
    fail(`${file} cannot be scheduled:\n  ${heuristic.defects.map(describeDefect).join('\n  ')}`);
    return;
  }
  const capHit = heuristic.islands.some((island) => island.stoppedBy === 'time');
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({
        makespan: heuristic.makespan,
        start: startsByJob(heuristic.starts),
        lowerBound: heuristic.lowerBound,
        optimal: heuristic.provenOptimal,
        schedules: heuristic.schedulesGenerated,
        stoppedBy: heuristic.stoppedBy,
        ...(heuristic.islands.length > 1 ? { islands: heuristic.islands } : {}),
      })}\n`,
    );
  } else {
    process.stdout.write(
      `makespan ${heuristic.makespan} (lower bound ${heuristic.lowerBound}${heuristic.provenOptimal ? ', optimal' : ''}; ${heuristic.schedulesGenerated} schedules)\n${renderJobs(heuristic.starts, instance.durations)}`,
    );
  }
  if (capHit) {
    process.stderr.write(
      `headway plan: the wall-clock cap of ${timeLimitMs} ms ended the search before its budget of ${maxSchedules} schedules: the same seed may give another plan on a faster or less busy machine.\n`,
    );
  }
}

const truncate = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text;

/**
 * Renders a roadmap as a plain-text table: items in product order with who, when and why, then
 * milestones, load and what could not be planned. Columns are as wide as their widest cell.
 * People are the members the roadmap plans on (the planning rules' isPlannedMember), as on the
 * web's roadmap.
 * @param roadmap the roadmap from the server's roadmap command
 * @param name the workspace name
 * @returns the text to print
 */
export function renderRoadmapTable(roadmap: Roadmap, name: string): string {
  const out: string[] = [];
  if (roadmap.status === 'empty') out.push(`Nothing to plan in "${name}" from ${roadmap.startDate}.`);
  else {
    out.push(
      `Roadmap of "${name}": ${roadmap.items.length} items on ${roadmap.people.length} people, ${roadmap.startDate} → ${roadmap.endDate}`,
      '',
      ...formatTable(
        ['#', 'item', 'who', 'start', 'finish', 'when', 'why'],
        roadmap.items.map((it) => [
          String(it.number),
          truncate(it.title, 40),
          it.personName ?? '-',
          it.start,
          it.finish,
          it.bucket,
          `${it.critical ? '* ' : ''}${it.reason.text}`,
        ]),
        { alignRight: [0], indent: '  ' },
      ),
      '  (* on the critical chain)',
    );
  }
  if (roadmap.milestones.length > 0) {
    out.push(
      '',
      'Milestones',
      ...formatTable(
        ['milestone', 'target', 'planned', 'slip'],
        roadmap.milestones.map((m) => [
          truncate(m.title, 40),
          m.targetDate ?? '-',
          m.date ?? '-',
          m.slipDays === null
            ? ''
            : m.slipDays > 0
              ? `${m.slipDays} days late`
              : `${-m.slipDays} days to spare`,
        ]),
        { indent: '  ' },
      ),
    );
  }
  if (roadmap.load.length > 0) {
    out.push(
      '',
      'Load',
      ...formatTable(
        ['person', 'load', 'items'],
        roadmap.load.map((l) => [l.name, `${Math.round(l.utilisation * 100)}%`, String(l.itemIds.length)]),
        { alignRight: [1, 2], indent: '  ' },
      ),
    );
  }
  if (roadmap.problems.length > 0) {
    out.push('', 'Not planned or assumed');
    for (const p of roadmap.problems) out.push(`  - ${p.message}`);
  }
  return `${out.join('\n')}\n`;
}

async function planWorkspace(workspace: string, flags: PlanFlags & DatabaseFlags): Promise<void> {
  const { roadmap, name } = await withDatabase(flags, async ({ db }) => {
    const ws = await resolveWorkspace(db, workspace);
    return { roadmap: await getRoadmap(db, ws.id, { start: flags.start }), name: ws.name };
  });
  process.stdout.write(flags.json ? `${JSON.stringify(roadmap)}\n` : renderRoadmapTable(roadmap, name));
}

/** `headway plan`: schedules a workspace's roadmap, or one PSPLIB instance (`--psplib FILE.sm`). */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('plan')
      .description(
        'plan a workspace’s open work on its team (--workspace W), or schedule one PSPLIB single-mode instance (--psplib FILE.sm)',
      )
      .option('--psplib <file>', 'a PSPLIB single-mode instance (.sm) to schedule')
      .option(
        '--exact',
        'with --psplib: prove what it can with the HiGHS MILP solver (at most 32 jobs): status optimal, feasible (with proven lower bound and gap) or heuristic',
      )
      .option('-w, --workspace <ref>', 'workspace id, slug or name: print its roadmap')
      .option('--start <YYYY-MM-DD>', 'first plan day for --workspace (default: today, UTC)')
      .option(
        '--json',
        'print one JSON object (PSPLIB: {"makespan": n, "start": {"<job>": period, ...}, "lowerBound": n, "optimal": bool, ...}; workspace: the roadmap as the API gives it)',
      )
      .option(
        '--max-schedules <n>',
        `with --psplib: schedules the heuristic may generate (default ${DEFAULT_MAX_SCHEDULES}); the same seed and budget give the same plan on any machine`,
      )
      .option(
        '--time-limit-ms <ms>',
        `with --psplib: wall-clock cap of the heuristic, reported when it ends the search; with --exact: HiGHS's time limit (default ${DEFAULT_TIME_LIMIT_MS})`,
      )
      .option(
        '--threads <n>',
        `with --psplib: independent search islands on this many worker threads, 1 to ${MAX_THREADS} (seeds seed, seed + 1, …), the best wins`,
      )
      .option('--seed <n>', 'random seed (same seed and budget, same plan)'),
  ).action(async (raw: Record<string, unknown>) => {
    const flags = parseFlags(PlanFlagsSchema, raw);
    if (flags.psplib !== undefined) await planPsplib(flags.psplib, flags);
    else await planWorkspace(flags.workspace!, flags);
  });
}
