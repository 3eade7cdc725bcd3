/**
 * From a file's text to an import plan and its dry-run summary: detect the format (unless given),
 * split CSV with papaparse, parse, propose a mapping (people matched against the workspace's
 * members), lay the user's mapping edits over it, and apply it. Writes nothing.
 */
import type { ImportMappingEdits } from '../../contract/imports';
import {
  applyImportMapping,
  type DryRunSummary,
  deriveDefaultMapping,
  detectCsvFormat,
  detectFormatFromText,
  type GenericColumns,
  guessGenericColumns,
  type ImportFormat,
  type ImportMapping,
  type ImportPlan,
  type ImportProblem,
  mergeMapping,
  type ParseOptions,
  parseGenericCsv,
  parseGithubIssues,
  parseJiraCsv,
  parseLinearCsv,
  parseUtcOffset,
  type SourceParse,
  summarizeImportPlan,
  type WorkspaceMember,
} from '../../domain/import';
import { readCsvTable } from './read-csv';

/** What the caller knows about the file and the user's choices. */
export interface PlanImportInput {
  text: string;
  fileName?: string;
  /** The format the user named; detected from the content when absent. */
  from?: ImportFormat | 'headway';
  /** The user's mapping file, already validated. */
  edits?: ImportMappingEdits;
  /** `--date-format`, which wins over the mapping file's dateFormat. */
  dateFormat?: string;
  members: readonly WorkspaceMember[];
  /** Notes from reading the bytes (encoding). */
  notes?: string[];
}

/** Headway JSON goes through the existing import; every other format gets a plan. */
export type PlanImportResult =
  | { kind: 'headway' }
  | { kind: 'plan'; plan: ImportPlan; summary: DryRunSummary; mapping: ImportMapping; notes: string[] };

function parseFile(
  format: ImportFormat,
  text: string,
  options: ParseOptions,
  edits: ImportMappingEdits | undefined,
): { parse: SourceParse; columns: GenericColumns | null } {
  if (format === 'github') return { parse: parseGithubIssues(text), columns: null };
  const csv = readCsvTable(text);
  let parse: SourceParse;
  let columns: GenericColumns | null = null;
  if (csv.table.headers.length === 0) {
    parse = { format, items: [], milestones: [], skipped: {}, problems: [], assumptions: [] };
  } else if (format === 'jira') parse = parseJiraCsv(csv.table, options);
  else if (format === 'linear') parse = parseLinearCsv(csv.table, options);
  else {
    columns = edits?.columns ? edits.columns : guessGenericColumns(csv.table.headers);
    parse = parseGenericCsv(csv.table, columns, options);
  }
  // A broken quote swallows the rest of the file: whatever the parser made of it is not trusted.
  return { parse: { ...parse, problems: [...csv.problems, ...parse.problems] }, columns };
}

/**
 * Builds the import plan of a file and its dry-run summary.
 * @param input the text, the user's choices and the workspace's members
 * @returns `headway` when the file is Headway JSON (the caller imports it as before), else the plan
 */
export function planImport(input: PlanImportInput): PlanImportResult {
  const detected = detectFormatFromText(input.text.slice(0, 4096));
  const from = input.from ?? (detected === 'csv-like' ? undefined : detected);
  if (from === 'headway') return { kind: 'headway' };
  const format: ImportFormat =
    from ?? detectCsvFormat(readCsvTable(input.text.slice(0, 65_536)).table.headers);
  const edits = input.edits;
  const extra: ImportProblem[] = [];
  if (edits?.format && edits.format !== format) {
    extra.push({
      row: null,
      column: null,
      message: `the mapping file is for ${edits.format}, but this file is read as ${format}`,
      why: 'a mapping names the statuses and columns of one format: pass --from to choose, or use a mapping made for this file',
      severity: 'error',
    });
  }
  let offset: number | null = 0;
  if (edits?.timeZone) {
    offset = parseUtcOffset(edits.timeZone);
    if (offset === null) {
      extra.push({
        row: null,
        column: null,
        message: `timeZone "${edits.timeZone}" is not an offset`,
        why: 'write it as +02:00, -05:30 or UTC',
        severity: 'error',
      });
    }
  }
  const options: ParseOptions = {
    dateFormat: input.dateFormat ?? edits?.dateFormat ?? null,
    timeZoneOffsetMinutes: offset ?? 0,
    hoursPerDay: edits?.hoursPerDay ?? 8,
  };
  const { parse, columns } = parseFile(format, input.text, options, edits);
  parse.problems.unshift(...extra);
  parse.assumptions.unshift(...(input.notes ?? []));
  const proposal = deriveDefaultMapping(parse, {
    members: input.members,
    columns,
    hoursPerDay: options.hoursPerDay ?? 8,
  });
  const mapping = mergeMapping(proposal.mapping, {
    ...edits,
    dateFormat: options.dateFormat ?? null,
    timeZone: edits?.timeZone ?? null,
    columns,
  });
  const plan = applyImportMapping(parse, mapping);
  plan.assumptions.push(...proposal.notes);
  return {
    kind: 'plan',
    plan,
    summary: summarizeImportPlan(plan, input.fileName),
    mapping,
    notes: proposal.notes,
  };
}
