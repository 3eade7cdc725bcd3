/**
 * Importing customer evidence and companies from CSV: every row checked against the contract's
 * row schemas first, then — only when no row has an error — written in one transaction. A dry
 * run does the whole import in a transaction and rolls it back, so its counts are exactly what
 * the import would do. Re-importing the same files changes nothing (rows match on external id).
 */
import type { z } from 'zod';
import {
  COMPANY_COLUMNS,
  type CompanyCsvRow,
  CompanyCsvRowSchema,
  EVIDENCE_COLUMNS,
  type EvidenceCsvRow,
  EvidenceCsvRowSchema,
  type EvidenceImportReport,
  type EvidenceProblem,
  type ImportEvidence,
} from '../../contract';
import { readCsvTable } from '../imports/read-csv';
import { requireContributor } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { writeEvidence } from './evidence-write';

type FileName = EvidenceProblem['file'];

/** Rows of one file that passed their schema, with the spreadsheet row each came from. */
export interface CheckedRows<T> {
  rows: { row: number; value: T }[];
  /** Every row's external id as written, whether or not the row passed. */
  ids: { row: number; id: string }[];
  problems: EvidenceProblem[];
}

/** Reads one CSV file and checks each row against its schema. */
function checkFile<S extends z.ZodType>(
  file: FileName,
  csv: string,
  schema: S,
  columns: readonly string[],
  required: readonly string[],
): CheckedRows<z.output<S>> {
  const { table, problems: csvProblems } = readCsvTable(csv);
  const problems: EvidenceProblem[] = csvProblems.map((p) => ({
    file,
    row: p.row,
    column: p.column,
    message: p.why ? `${p.message}: ${p.why}` : p.message,
    severity: p.severity,
  }));
  const headers = table.headers.map((header) => header.trim().toLowerCase());
  if (table.headers.length === 0) return { rows: [], ids: [], problems };
  for (const column of required) {
    if (!headers.includes(column)) {
      problems.push({
        file,
        row: 1,
        column,
        message: `the ${file} file has no "${column}" column: its header must name ${columns.join(', ')}`,
        severity: 'error',
      });
    }
  }
  const unknown = headers.filter((header) => !columns.includes(header));
  if (unknown.length > 0) {
    problems.push({
      file,
      row: 1,
      column: null,
      message: `columns ${unknown.map((h) => `"${h}"`).join(', ')} are not read (known: ${columns.join(', ')})`,
      severity: 'warning',
    });
  }
  if (problems.some((p) => p.severity === 'error')) return { rows: [], ids: [], problems };
  const records = table.rows.map((cells, index) => {
    const record: Record<string, string> = Object.fromEntries(columns.map((column) => [column, '']));
    headers.forEach((header, column) => {
      if (columns.includes(header)) record[header] = cells[column] ?? '';
    });
    return { row: index + 2, record };
  });
  const checked = checkRecords(file, records, schema);
  return { ...checked, problems: [...problems, ...checked.problems] };
}

/**
 * Checks records of cells (a CSV's rows, or notes sent as JSON) against a row schema.
 * @param file which file the problems belong to
 * @param records each record's cells by column, with the row (or position) it is named by
 * @param schema the row schema
 * @returns the rows that passed, every row's external id, and a problem per failed check
 */
export function checkRecords<S extends z.ZodType>(
  file: FileName,
  records: readonly { row: number; record: Record<string, string> }[],
  schema: S,
): CheckedRows<z.output<S>> {
  const rows: { row: number; value: z.output<S> }[] = [];
  const ids: { row: number; id: string }[] = [];
  const problems: EvidenceProblem[] = [];
  for (const { row, record } of records) {
    const id = record.external_id?.trim();
    if (id) ids.push({ row, id });
    const parsed = schema.safeParse(record);
    if (parsed.success) rows.push({ row, value: parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        problems.push({
          file,
          row,
          column: typeof issue.path[0] === 'string' ? issue.path[0] : null,
          message: issue.message,
          severity: 'error',
        });
      }
    }
  }
  return { rows, ids, problems };
}

/** An external id given to two rows of one file: the later row is refused. */
export function findRepeatedIds(file: FileName, ids: CheckedRows<unknown>['ids']): EvidenceProblem[] {
  const first = new Map<string, number>();
  const problems: EvidenceProblem[] = [];
  for (const { row, id } of ids) {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, row);
    else {
      problems.push({
        file,
        row,
        column: 'external_id',
        message: `external id "${id}" is already used on row ${seen}: give each row its own id`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/** Thrown inside a dry run's transaction to roll it back with the report it computed. */
class DryRun extends Error {
  constructor(readonly report: EvidenceImportReport) {
    super('dry run');
  }
}

/**
 * Checks the files of an evidence import without touching the database: every row against its
 * schema, and external ids given twice.
 * @returns the rows that passed and every problem found
 */
export function checkEvidenceImport(input: ImportEvidence): {
  evidence: CheckedRows<EvidenceCsvRow>;
  companies: CheckedRows<CompanyCsvRow>;
  problems: EvidenceProblem[];
} {
  const evidence = checkFile('evidence', input.evidenceCsv, EvidenceCsvRowSchema, EVIDENCE_COLUMNS, ['text']);
  const companies: CheckedRows<CompanyCsvRow> =
    input.companiesCsv === undefined
      ? { rows: [], ids: [], problems: [] }
      : checkFile('companies', input.companiesCsv, CompanyCsvRowSchema, COMPANY_COLUMNS, ['name']);
  const problems = [
    ...companies.problems,
    ...findRepeatedIds('companies', companies.ids),
    ...evidence.problems,
    ...findRepeatedIds('evidence', evidence.ids),
  ];
  return { evidence, companies, problems };
}

/**
 * Imports an evidence CSV (and optionally a company CSV) into the caller's workspace.
 * @returns what was (or on a dry run, would be) written, and every problem with its row and column
 */
export async function importEvidence(
  ctx: CommandContext,
  input: ImportEvidence,
): Promise<EvidenceImportReport> {
  requireContributor(ctx.actor);
  return writeCheckedEvidence(ctx, checkEvidenceImport(input), input.dryRun ?? false);
}

/**
 * Writes checked evidence and companies in one transaction when no problem is an error; a dry
 * run (or a problem found while writing) rolls the whole write back and reports what it found.
 * @param ctx the database and the member importing (a contributor: the caller checks)
 * @param checked the rows that passed and every problem found so far
 * @param dryRun count without writing
 * @returns what was (or would be) written, and every problem
 */
export async function writeCheckedEvidence(
  ctx: CommandContext,
  checked: {
    evidence: CheckedRows<EvidenceCsvRow>;
    companies: CheckedRows<CompanyCsvRow>;
    problems: EvidenceProblem[];
  },
  dryRun: boolean,
): Promise<EvidenceImportReport> {
  const { evidence, companies, problems } = checked;
  const empty: EvidenceImportReport = {
    dryRun,
    written: false,
    evidence: evidence.rows.length,
    evidenceCreated: 0,
    evidenceUpdated: 0,
    companies: companies.rows.length,
    companiesCreated: 0,
    ideas: 0,
    ideasCreated: 0,
    problems,
  };
  if (problems.some((p) => p.severity === 'error')) return empty;
  try {
    return await inTransaction(
      ctx,
      async (tx) => {
        const counts = await writeEvidence(tx, {
          evidence: evidence.rows,
          companies: companies.rows,
        });
        const report: EvidenceImportReport = {
          ...empty,
          ...counts.totals,
          written: !dryRun && counts.problems.every((p) => p.severity !== 'error'),
          problems: [...problems, ...counts.problems],
        };
        if (dryRun || !report.written) throw new DryRun(report);
        return report;
      },
      () => ({ kind: 'workspaceImported', itemIds: [] }),
    );
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}
