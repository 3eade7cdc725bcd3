import type { ImportMappingEdits, ItemState, ItemType } from '../../../contract';
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
  /** Their type → the Headway type the user picked. */
  types?: Readonly<Record<string, ItemType>>;
  /** Person key → who the user picked them to become. */
  people?: Readonly<Record<string, PersonChoice>>;
  dateFormat: string | null;
}

/**
 * The mapping edits to send with a dry run or an import: the states, types and people the user
 * picked and the date format once chosen. Undefined when the user changed nothing, so the proposal applies as is.
 * (A dry run answers the mapping it applied, edits included: the choices are kept apart from it,
 * or a second run would lose them.)
 */
export function buildImportEdits(choices: ImportChoices): ImportMappingEdits | undefined {
  const states = { ...choices.states };
  const types = { ...choices.types };
  const people = { ...choices.people };
  const edits: ImportMappingEdits = {
    ...(Object.keys(states).length > 0 ? { states } : {}),
    ...(Object.keys(types).length > 0 ? { types } : {}),
    ...(Object.keys(people).length > 0 ? { people } : {}),
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

/**
 * The records of a CSV file: its line breaks outside quotes, less the header (a quoted
 * description may hold line breaks of its own). Null for JSON, which has no rows to count.
 */
export function countCsvRows(text: string): number | null {
  if (/^\s*[[{]/.test(text.slice(0, 64))) return null;
  let breaks = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 34) quoted = !quoted;
    else if (code === 10 && !quoted) breaks += 1;
  }
  // A last record without a line break after it still counts.
  const trailing = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
  return Math.max(0, breaks + trailing - 1);
}

/** Who a person of the file becomes, as the mapping says it. */
export type PersonChoice =
  | { kind: 'member'; email: string }
  | { kind: 'invite'; email: string }
  | { kind: 'unmatched' };

/** A person choice as one select value: "member:ann@example.com", "invite:…", "unmatched". */
export function personChoiceValue(choice: PersonChoice): string {
  return choice.kind === 'unmatched' ? 'unmatched' : `${choice.kind}:${choice.email}`;
}

/** The person choice a select value names (see personChoiceValue). */
export function personChoiceOf(value: string): PersonChoice {
  const at = value.indexOf(':');
  const kind = value.slice(0, at);
  const email = value.slice(at + 1);
  if (at > 0 && (kind === 'member' || kind === 'invite')) return { kind, email };
  return { kind: 'unmatched' };
}
