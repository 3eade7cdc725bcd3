import type { ImportMappingEdits, ItemState } from '../../../contract';
import { FOREIGN_IMPORT_MAX_BYTES } from '../../../contract/import-limits';

/** One problem of a dry run, as the API reports it. */
export interface ImportProblemView {
  row: number | null;
  column: string | null;
  message: string;
  why: string;
  severity: 'error' | 'warning';
  dateFormats?: string[];
}

/** What the user chose on the page, beyond the file: laid over the proposed mapping. */
export interface ImportChoices {
  /** Their status → the Headway state the user picked instead of the proposal. */
  states: Readonly<Record<string, ItemState>>;
  dateFormat: string | null;
}

/**
 * The mapping edits to send with a dry run or an import: the states the user picked and the date
 * format once chosen. Undefined when the user changed nothing, so the proposal applies as is.
 * (A dry run answers the mapping it applied, edits included: the choices are kept apart from it,
 * or a second run would lose them.)
 */
export function buildImportEdits(choices: ImportChoices): ImportMappingEdits | undefined {
  const states = { ...choices.states };
  const edits: ImportMappingEdits = {
    ...(Object.keys(states).length > 0 ? { states } : {}),
    ...(choices.dateFormat ? { dateFormat: choices.dateFormat } : {}),
  };
  return Object.keys(edits).length > 0 ? edits : undefined;
}

/** Errors before warnings; within each, the order of the file (problems of no row first). */
export function sortProblems<T extends ImportProblemView>(problems: readonly T[]): T[] {
  const rank = (p: T) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || (a.row ?? 0) - (b.row ?? 0));
}

/** The date formats a dry run asks the user to choose between (empty when the dates are clear). */
export function dateFormatChoices(problems: readonly ImportProblemView[]): string[] {
  return [...new Set(problems.flatMap((p) => p.dateFormats ?? []))];
}

/** A size as people read it: 812 B, 14.2 KB, 3.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a file cannot be sent at all, or null when it can: the API refuses larger ones. */
export function refuseFile(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `${file.name} is empty: export the issues again and pick the new file`;
  if (file.size > FOREIGN_IMPORT_MAX_BYTES) {
    return `${file.name} is ${formatBytes(file.size)}, more than the ${formatBytes(FOREIGN_IMPORT_MAX_BYTES)} an import takes: export fewer issues per file (for example by project or year)`;
  }
  return null;
}

/** Why the import button is disabled, or null when the import can run. */
export function importBlockedReason(summary: { errors: number; items: number }): string | null {
  if (summary.errors > 0) {
    return `Fix the ${summary.errors === 1 ? 'error' : `${summary.errors} errors`} listed under Problems first: an import with errors writes nothing.`;
  }
  if (summary.items === 0) return 'The file holds no item to import.';
  return null;
}
