/**
 * `headway import FILE --from jira|linear|github|csv --dry-run -w WORKSPACE`: reads the file,
 * matches the people it names against the workspace's members, and reports what an import would
 * create and every problem. Writes nothing. With `-w WORKSPACE --as EMAIL` the file is imported
 * into that workspace (or compared with it, with --dry-run; see workspace-import.ts); without
 * -w, `--name N --as EMAIL` imports it as a new workspace through the Headway JSON import.
 * Headway JSON files keep their own path (transfer.ts).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import {
  EmailSchema,
  FOREIGN_IMPORT_MAX_BYTES,
  ForeignImportRequestSchema,
  HeadwayExportSchema,
  type ImportMappingEdits,
  ImportMappingEditsSchema,
  ImportSourceSchema,
  WorkspaceRefSchema,
} from '../contract';
import { type DryRunSummary, detectFormatFromText, type ImportFormat } from '../domain/import';
import { findUserByEmail } from '../server/commands/auth';
import { importForeignWorkspace } from '../server/commands/foreign-import';
import { AppError } from '../server/errors';
import { planImport } from '../server/imports/plan-import';
import { decodeImportBytes } from '../server/imports/read-csv';
import { findWorkspaceMembers } from '../server/imports/workspace-members';
import { DATABASE_FLAGS, withDatabase } from './config';
import { FilePathSchema, SwitchSchema } from './flags';
import { type FileSummary, renderDryRun } from './import-report';
import { runWorkspaceImport } from './workspace-import';
import { resolveWorkspace } from './workspace-ref';

/** The argument and flags of `headway import`. */
export const ImportFlagsSchema = z.strictObject({
  ...DATABASE_FLAGS,
  file: FilePathSchema,
  as: EmailSchema.optional(),
  from: z.preprocess(
    (value) => (typeof value === 'string' ? value.toLowerCase() : value),
    ImportSourceSchema.optional(),
  ),
  workspace: WorkspaceRefSchema.optional(),
  dryRun: SwitchSchema,
  mapping: FilePathSchema.optional(),
  mappingOut: FilePathSchema.optional(),
  dateFormat: ForeignImportRequestSchema.shape.dateFormat,
  name: ForeignImportRequestSchema.shape.name.optional(),
  json: SwitchSchema,
});
export type ImportFlags = z.output<typeof ImportFlagsSchema>;

function readMappingFile(path: string): ImportMappingEdits {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`--mapping ${path} is not readable JSON: ${(error as Error).message}`);
  }
  const parsed = ImportMappingEditsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 20)
      .map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`--mapping ${path} is not a valid mapping; nothing was read:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Counts what a Headway JSON file holds, in the dry-run shape, without writing it. */
function summarizeHeadwayFile(text: string, file: string): FileSummary | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return `${file} is not readable JSON: ${(error as Error).message}`;
  }
  const parsed = HeadwayExportSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 20)
      .map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    return `${file} is not valid Headway JSON:\n${lines.join('\n')}`;
  }
  const doc = parsed.data;
  return {
    format: 'headway',
    items: doc.items.length,
    done: doc.items.filter((i) => i.state === 'done').length,
    cancelled: doc.items.filter((i) => i.state === 'cancelled').length,
    dependencies: doc.dependencies.length,
    people: doc.members.length,
    historyEntries: doc.stateHistory.length,
    skipped: {},
    problems: [],
    peopleByMatch: { members: doc.members.length, invitations: 0, unmatched: 0 },
    errors: 0,
    assumptions: ['Headway JSON imports as a new workspace (without --dry-run).'],
    // Headway JSON needs no mapping: its states are Headway's.
    mapping: {
      states: {},
      dateFormat: null,
      types: {},
      priorities: {},
      people: {},
      points: 'story-points',
      timeEstimates: { mode: 'likely-only', basis: 'Headway JSON keeps its own three-point estimates' },
    },
  };
}

/**
 * Handles `headway import` for every file except a Headway JSON import that writes (which keeps
 * its existing path).
 * @returns true when handled here; false when the caller should import Headway JSON as before
 */
export async function runImportCommand(flags: ImportFlags): Promise<boolean> {
  const { file, from } = flags;
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (size > FOREIGN_IMPORT_MAX_BYTES) {
    throw new Error(
      `${file} is ${Math.round(size / 1024 / 1024)} MiB; imports read at most ${FOREIGN_IMPORT_MAX_BYTES / 1024 / 1024} MiB: export fewer issues per file (for example by project or year)`,
    );
  }
  const { text, note } = decodeImportBytes(readFileSync(file));
  const edits = flags.mapping ? readMappingFile(flags.mapping) : undefined;
  const fileName = basename(file);
  const planFor = (members: Parameters<typeof planImport>[0]['members']) =>
    planImport({
      text,
      fileName,
      ...(from ? { from } : {}),
      ...(edits ? { edits } : {}),
      ...(flags.dateFormat ? { dateFormat: flags.dateFormat } : {}),
      members,
      notes: note ? [note] : [],
    });
  const format = from ?? detectFormatFromText(text.slice(0, 4096));
  if (format === 'headway') {
    if (!flags.dryRun) return false;
    const summary = summarizeHeadwayFile(text, file);
    if (typeof summary === 'string') throw new Error(summary);
    process.stdout.write(flags.json ? `${JSON.stringify(summary, null, 2)}\n` : renderDryRun(summary, file));
    return true;
  }
  if (flags.workspace && (flags.as || !flags.dryRun)) {
    if (!flags.as) {
      throw new Error(
        '--as EMAIL is needed to import into a workspace: the member who imports (it needs the scope and backlog-order decisions)',
      );
    }
    if (flags.name) throw new Error('--name names a new workspace: leave it out with -w, or leave -w out');
    await runWorkspaceImport(
      {
        file,
        fileName,
        text,
        workspace: flags.workspace,
        as: flags.as,
        dryRun: flags.dryRun === true,
        json: flags.json === true,
        ...(from && from !== 'headway' ? { format: from } : {}),
        ...(edits ? { edits } : {}),
        ...(flags.dateFormat ? { dateFormat: flags.dateFormat } : {}),
      },
      flags,
    );
    return true;
  }
  if (!flags.dryRun) {
    await writeForeignImport(text, fileName, file, flags, from, edits);
    return true;
  }
  if (!flags.workspace) {
    throw new Error(
      '-w/--workspace is needed: an import from another tool goes into an existing workspace, whose members are matched by email or name',
    );
  }
  const workspaceRef = flags.workspace;
  const result = await withDatabase(flags, async ({ db }) => {
    const workspace = await resolveWorkspace(db, workspaceRef);
    return planFor(await findWorkspaceMembers(db, workspace.id));
  });
  if (result.kind !== 'plan') return false;
  if (flags.mappingOut) {
    writeFileSync(flags.mappingOut, `${JSON.stringify(result.mapping, null, 2)}\n`);
    process.stderr.write(
      `Wrote the mapping to ${flags.mappingOut}: edit it and pass it back with --mapping\n`,
    );
  }
  process.stdout.write(
    flags.json ? `${JSON.stringify(result.summary, null, 2)}\n` : renderDryRun(result.summary, file),
  );
  if (result.summary.errors > 0) process.exitCode = 1;
  return true;
}

/** Imports a foreign file as a new workspace; on errors prints them and writes nothing. */
async function writeForeignImport(
  text: string,
  fileName: string,
  file: string,
  flags: ImportFlags,
  from: ImportFormat | 'headway' | undefined,
  edits: ImportMappingEdits | undefined,
): Promise<void> {
  if (!flags.name || !flags.as) {
    throw new Error(
      'importing from another tool creates a new workspace: give it --name "Workspace name" and --as EMAIL (its founder); or import into a workspace with -w WORKSPACE --as EMAIL; or check the file with --dry-run -w WORKSPACE',
    );
  }
  const name = flags.name;
  const email = flags.as;
  const outcome = await withDatabase(flags, async ({ db }) => {
    const importer = await findUserByEmail(db, email);
    if (!importer) throw new Error(`No user with email ${email}`);
    try {
      return await importForeignWorkspace(db, importer.id, {
        text,
        fileName,
        name,
        ...(from && from !== 'headway' ? { format: from } : {}),
        ...(edits ? { edits } : {}),
        ...(flags.dateFormat ? { dateFormat: flags.dateFormat } : {}),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const details = error.details as { summary?: DryRunSummary; problems?: string[] } | undefined;
      return { kind: 'refused' as const, message: error.message, ...details };
    }
  });
  if (outcome.kind === 'refused') {
    if (outcome.summary) {
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(outcome.summary, null, 2)}\n`
          : renderDryRun(
              outcome.summary,
              file,
              `${file} (${outcome.summary.format}) was not imported: nothing was written.`,
            ),
      );
      throw new Error(`nothing was imported: fix the ${outcome.summary.errors} error(s) above and run again`);
    }
    throw new Error(
      outcome.problems ? `nothing was imported:\n  ${outcome.problems.join('\n  ')}` : outcome.message,
    );
  }
  if (outcome.kind !== 'imported') return;
  const { workspace, summary } = outcome;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ workspace, summary }, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    [
      `Imported ${file} (${summary.format}) as "${workspace.name}": workspace ${workspace.slug} (${workspace.id})`,
      `  items            ${summary.items} (${summary.done} done, ${summary.cancelled} cancelled)`,
      `  dependencies     ${summary.dependencies}`,
      `  history entries  ${summary.historyEntries}`,
      `  invitations      ${workspace.invitations.length}`,
      '',
    ].join('\n'),
  );
  if (workspace.invitations.length > 0) {
    process.stdout.write('Invitation links for the people the file names (only that e-mail can accept):\n');
    for (const inv of workspace.invitations)
      process.stdout.write(`  ${inv.email} (${inv.role}): ${inv.path}\n`);
  }
}
