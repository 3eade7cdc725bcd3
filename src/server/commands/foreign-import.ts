/**
 * Importing a Jira, Linear, GitHub or CSV file as a new workspace: the file becomes an import
 * plan, the plan a Headway JSON document, and the document goes through the Headway JSON import
 * (checked again, one transaction, invitations instead of accounts). All or nothing: a plan with
 * errors, or a document the import refuses, writes nothing.
 */
import { eq } from 'drizzle-orm';
import { type HeadwayExport, HeadwayExportSchema, type ImportMappingEdits } from '../../contract';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import {
  type DryRunSummary,
  detectFormatFromText,
  type HeadwayDocument,
  type ImportFormat,
  type ImportProblem,
  planToHeadway,
} from '../../domain/import';
import { AppError } from '../errors';
import { planImport } from '../imports/plan-import';
import { type ImportResult, importWorkspace } from './transfer-import';

/** The file and the user's choices. */
export interface ForeignImportInput {
  text: string;
  fileName?: string;
  /** The format named by the user; detected from the content when absent. */
  format?: ImportFormat;
  /** The new workspace's name. */
  name: string;
  edits?: ImportMappingEdits;
  dateFormat?: string;
  /** Check and summarise only. */
  dryRun?: boolean;
  /** Notes from reading the file's bytes (an encoding other than UTF-8), shown as assumptions. */
  notes?: string[];
}

export type ForeignImportOutcome =
  | { kind: 'dry-run'; summary: DryRunSummary }
  | { kind: 'imported'; summary: DryRunSummary; workspace: ImportResult };

/**
 * Plans a Jira, Linear, GitHub or CSV file from the user's choices, matching people against
 * `members`. Both import paths (a new workspace, an existing one) read a file this way.
 * @throws AppError validation_failed when the file is Headway JSON, which has its own import
 */
export function planForeignFile(
  input: Pick<ForeignImportInput, 'text' | 'fileName' | 'format' | 'edits' | 'dateFormat' | 'notes'>,
  members: { email: string; name: string }[],
) {
  const planned = planImport({
    text: input.text,
    ...(input.fileName ? { fileName: input.fileName } : {}),
    ...(input.format ? { from: input.format } : {}),
    ...(input.edits ? { edits: input.edits } : {}),
    ...(input.dateFormat ? { dateFormat: input.dateFormat } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    members,
  });
  if (planned.kind === 'headway') throw headwayJsonRefused();
  return planned;
}

function headwayJsonRefused(): AppError {
  return new AppError(
    'validation_failed',
    'This is Headway JSON: import it as a new workspace with POST /api/workspaces/import (or `headway import FILE`), not as a foreign file',
  );
}

/**
 * The checks that cost nothing, made before a large file goes to a background job, so a file
 * that is plainly not a foreign export is still a 400 at once: Headway JSON (an empty file or an
 * unknown format never gets past the request's schema).
 * @throws AppError validation_failed (400) naming what to send instead
 */
export function checkForeignFileCheaply(input: Pick<ForeignImportInput, 'text' | 'format'>): void {
  if (!input.format && detectFormatFromText(input.text.slice(0, 4096)) === 'headway') {
    throw headwayJsonRefused();
  }
}

/** One line per problem, as the dry run prints them. */
export function describeProblem(p: ImportProblem): string {
  const where = [p.row === null ? null : `row ${p.row}`, p.column].filter((x) => x !== null).join(', ');
  return `${where ? `${where}: ` : ''}${p.message} — ${p.why}`;
}

/** A 400 listing the file's problems (and the dry-run summary in its details); nothing is written. */
export function refuse(problems: readonly ImportProblem[], summary: DryRunSummary): never {
  const lines = problems.map(describeProblem);
  throw new AppError(
    'validation_failed',
    `The file has ${lines.length} error${lines.length === 1 ? '' : 's'}; nothing was imported. ${lines.slice(0, 10).join('; ')}`,
    { details: { problems: lines, summary } },
  );
}

/**
 * Plans a foreign file for a new workspace and, unless a dry run, builds its Headway JSON.
 * @returns the dry-run summary, and the document to import unless a dry run
 * @throws AppError validation_failed (400) when the file has errors or is Headway JSON
 */
export async function buildForeignWorkspace(
  db: Database,
  importerId: string,
  input: ForeignImportInput,
): Promise<{ summary: DryRunSummary; document: HeadwayExport | null }> {
  const [importer] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, importerId));
  if (!importer) throw new AppError('not_found', 'The importing account no longer exists');
  // A new workspace: the importer is its only member so far.
  const { plan, summary } = planForeignFile(input, [importer]);
  if (input.dryRun) return { summary, document: null };
  const built = planToHeadway(plan, {
    workspaceName: input.name,
    importer,
    now: new Date().toISOString(),
  });
  if (!built.ok) refuse(built.problems, summary);
  return { summary, document: checkBuiltDocument(built.document) };
}

/**
 * Plans a foreign file for a new workspace and, unless a dry run, imports it.
 * @param db the database
 * @param importerId the account importing: founder of the new workspace, matched as a member
 * @param input the file's text, its format, the workspace's name and the mapping edits
 * @returns the dry-run summary, and the new workspace with its invitation links when written
 * @throws AppError validation_failed (400, nothing written) when the file has errors or is Headway JSON
 */
export async function importForeignWorkspace(
  db: Database,
  importerId: string,
  input: ForeignImportInput,
): Promise<ForeignImportOutcome> {
  const { summary, document } = await buildForeignWorkspace(db, importerId, input);
  if (!document) return { kind: 'dry-run', summary };
  return { kind: 'imported', summary, workspace: await importWorkspace(db, importerId, document) };
}

/**
 * Checks a document built from an import plan against Headway JSON's schema.
 * @throws AppError validation_failed naming the paths that do not fit
 */
export function checkBuiltDocument(document: HeadwayDocument): HeadwayExport {
  const parsed = HeadwayExportSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  // The plan keeps Headway's limits, so this is a gap between plan and format: say where.
  const problems = parsed.error.issues
    .slice(0, 20)
    .map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
  throw new AppError(
    'validation_failed',
    `The file could not be turned into items; nothing was imported. ${problems.join('; ')}`,
    { details: { problems } },
  );
}
