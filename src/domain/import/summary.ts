/** The dry-run report of an import plan: counts, skipped rows by reason, and every problem. */
import type { PersonMatch, TimeEstimateRule } from './mapping';
import type { ImportPlan } from './plan-types';
import type { ImportFormat, ImportItemState, ImportItemType } from './types';

/**
 * The mapping a dry run applied, in the tables a user can edit (each key is the file's own
 * value, so an edit is the same object with one entry changed).
 */
export interface DryRunMapping {
  /** Their status → our state. */
  states: Record<string, ImportItemState>;
  /** The date format (null: detected). */
  dateFormat: string | null;
  /** Their type → our type ("" for rows without one). */
  types: Record<string, ImportItemType>;
  /** Their priority → the label it becomes, or null when dropped. */
  priorities: Record<string, string | null>;
  /** Person key (email, or the name as found) → member, invitation or unmatched. */
  people: Record<string, PersonMatch>;
  /** Story points stay points, or are ignored. */
  points: 'story-points' | 'ignore';
  /** How time estimates become three-point estimates: a spread (and its basis) or likely only. */
  timeEstimates: TimeEstimateRule;
}

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
  /** The mapping applied, in the tables the user can edit. */
  mapping: DryRunMapping;
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
    mapping: summarizeMapping(plan.mapping),
  };
}

/** The editable tables of a mapping, copied so the summary never aliases the plan. */
function summarizeMapping(mapping: ImportPlan['mapping']): DryRunMapping {
  return {
    states: { ...mapping.states },
    dateFormat: mapping.dateFormat,
    types: { ...mapping.types },
    priorities: { ...mapping.priorities },
    people: { ...mapping.people },
    points: mapping.points,
    timeEstimates: { ...mapping.timeEstimates },
  };
}
