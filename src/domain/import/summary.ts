/** The dry-run report of an import plan: counts, skipped rows by reason, and every problem. */
import type { ImportPlan } from './plan-types';
import type { ImportFormat, ImportItemState } from './types';

/** One problem as the dry run reports it. */
export interface DryRunProblem {
  file?: string;
  row: number | null;
  column: string | null;
  message: string;
  why: string;
  severity: 'error' | 'warning';
  /** Dates that read several ways: the formats that fit, one of which the user picks. */
  dateFormats?: string[];
}

/** What `headway import --dry-run --json` prints. */
export interface DryRunSummary {
  format: ImportFormat;
  items: number;
  done: number;
  cancelled: number;
  dependencies: number;
  people: number;
  historyEntries: number;
  skipped: Record<string, number>;
  problems: DryRunProblem[];
  /** People by what they become. */
  peopleByMatch: { members: number; invitations: number; unmatched: number };
  /** Errors must be fixed (a setting, the mapping or the file) before the import can run. */
  errors: number;
  assumptions: string[];
  /** The mapping applied: their status → our state, and the date format (null: detected). */
  mapping: { states: Record<string, ImportItemState>; dateFormat: string | null };
}

/**
 * Summarises a plan for the dry run.
 * @param plan the import plan
 * @param file the file name to put on each problem, if any
 */
export function summarizeImportPlan(plan: ImportPlan, file?: string): DryRunSummary {
  let done = 0;
  let cancelled = 0;
  for (const item of plan.items) {
    if (item.category === 'done') done += 1;
    else if (item.category === 'cancelled') cancelled += 1;
  }
  const peopleByMatch = { members: 0, invitations: 0, unmatched: 0 };
  for (const person of plan.people) {
    if (person.match.kind === 'member') peopleByMatch.members += 1;
    else if (person.match.kind === 'invite') peopleByMatch.invitations += 1;
    else peopleByMatch.unmatched += 1;
  }
  return {
    format: plan.format,
    items: plan.items.length,
    done,
    cancelled,
    dependencies: plan.dependencies.length,
    people: plan.people.length,
    historyEntries: plan.history.length,
    skipped: { ...plan.skipped },
    problems: plan.problems.map((p) => ({
      ...(file === undefined ? {} : { file }),
      row: p.row,
      column: p.column,
      message: p.message,
      why: p.why,
      severity: p.severity,
      ...(p.dateFormats ? { dateFormats: [...p.dateFormats] } : {}),
    })),
    peopleByMatch,
    errors: plan.problems.filter((p) => p.severity === 'error').length,
    assumptions: [...plan.assumptions],
    mapping: { states: { ...plan.mapping.states }, dateFormat: plan.mapping.dateFormat },
  };
}
