import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { parsePsplib, solveRcpsp } from '../../domain/scheduling/index';

interface PlanFlags {
  psplib?: string;
  json?: boolean;
  timeLimitMs: number;
  seed: number;
}

function parseNonNegativeInteger(name: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) {
      throw new InvalidArgumentError(`${name} must be a whole number ≥ 0, got "${raw}".`);
    }
    return value;
  };
}

function fail(message: string): void {
  process.stderr.write(`headway plan: ${message}\n`);
  process.exitCode = 1;
}

/**
 * Plans one PSPLIB single-mode instance and prints the makespan and every job's start
 * (keyed by PSPLIB job number, dummies included), as JSON or as a table.
 */
function planPsplib(file: string, flags: PlanFlags): void {
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
  const result = solveRcpsp(parsed.value.instance, { seed: flags.seed, timeLimitMs: flags.timeLimitMs });
  if (result.status === 'infeasible') {
    const reasons = result.defects.map((d) => {
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
      return 'unknown defect';
    });
    fail(`${file} cannot be scheduled:\n  ${reasons.join('\n  ')}`);
    return;
  }
  const start: Record<string, number> = {};
  result.starts.forEach((s, j) => {
    start[String(j + 1)] = s;
  });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ makespan: result.makespan, start })}\n`);
    return;
  }
  const durations = parsed.value.instance.durations;
  const rows = result.starts.map(
    (s, j) =>
      `${String(j + 1).padStart(5)}  ${String(s).padStart(6)}  ${String(s + durations[j]!).padStart(6)}`,
  );
  process.stdout.write(
    `makespan ${result.makespan} (lower bound ${result.lowerBound}${result.provenOptimal ? ', optimal' : ''})\n` +
      `  job   start  finish\n${rows.join('\n')}\n`,
  );
}

/** `headway plan`: schedules work. Today: `--psplib FILE.sm` (benchmark instances). */
export function register(program: Command): void {
  program
    .command('plan')
    .description('plan work onto resources; --psplib FILE.sm schedules one PSPLIB single-mode instance')
    .option('--psplib <file>', 'a PSPLIB single-mode instance (.sm) to schedule')
    .option('--json', 'print one JSON object {"makespan": n, "start": {"<job>": period, ...}}')
    .option(
      '--time-limit-ms <ms>',
      'search budget in milliseconds',
      parseNonNegativeInteger('--time-limit-ms'),
      1000,
    )
    .option(
      '--seed <n>',
      'random seed (same seed and budget, same plan)',
      parseNonNegativeInteger('--seed'),
      1,
    )
    .action((flags: PlanFlags) => {
      if (flags.psplib !== undefined) {
        planPsplib(flags.psplib, flags);
        return;
      }
      // Workspace plans (`headway plan --workspace …`) plug in here once the workspace store exists.
      fail('nothing to plan: pass --psplib FILE.sm (workspace plans are not available yet).');
    });
}
