/**
 * `headway import FILE -w WORKSPACE --as EMAIL [--dry-run] [--json]`: imports a Jira, Linear,
 * GitHub or CSV file into an existing workspace, or again: items are matched by their key, so the
 * report says what was created, updated (which fields) and left unchanged.
 */
import type { ImportMappingEdits, WorkspaceImportResult } from '../contract';
import type { ImportFormat } from '../domain/import';
import { findUserByEmail } from '../server/commands/auth';
import { mergeForeignImport } from '../server/commands/merge-import';
import { AppError } from '../server/errors';
import { findActor } from '../server/policies/access';
import { type DatabaseFlags, withDatabase } from './config';
import { renderDryRun } from './import-report';
import { resolveWorkspace } from './workspace-ref';

export interface WorkspaceImportRequest {
  file: string;
  fileName: string;
  text: string;
  workspace: string;
  as: string;
  dryRun: boolean;
  json: boolean;
  format?: ImportFormat;
  edits?: ImportMappingEdits;
  dateFormat?: string;
}

/** Items listed by name in the terminal report; --json lists them all. */
const LISTED = 20;

function shown(names: readonly string[]): string {
  const more = names.length - LISTED;
  return `${names.slice(0, LISTED).join(', ')}${more > 0 ? `, … and ${more} more` : ''}`;
}

/** The report for a terminal: the summary, then what changed. */
export function renderWorkspaceImport(
  result: WorkspaceImportResult,
  file: string,
  workspace: string,
): string {
  const heading = result.dryRun
    ? `Dry run of ${file} (${result.summary.format}) into ${workspace}: nothing was written.`
    : `Imported ${file} (${result.summary.format}) into ${workspace}.`;
  const lines = [
    renderDryRun(result.summary, file, heading).trimEnd(),
    '',
    `  created          ${result.created.length}${result.created.length > 0 ? ` (${shown(result.created.map((c) => `${c.key} #${c.number}`))})` : ''}`,
    `  updated          ${result.updated.length}`,
    ...result.updated
      .slice(0, LISTED)
      .map(
        (u) =>
          `    ${u.key} #${u.number}: ${u.fields.join(', ')}${u.changedHere ? ' (changed in Headway since the last import: the file wins)' : ''}`,
      ),
    ...(result.updated.length > LISTED
      ? [`    … and ${result.updated.length - LISTED} more (--json lists them all)`]
      : []),
    `  unchanged        ${result.unchanged}`,
    ...result.withheld
      .slice(0, LISTED)
      .map((w) => `  not applied      ${w.key} #${w.number}: ${w.fields.join(', ')} — ${w.reason}`),
    ...(result.withheld.length > LISTED
      ? [`  not applied      … and ${result.withheld.length - LISTED} more (--json lists them all)`]
      : []),
    `  dependencies     ${result.dependencies.added} added, ${result.dependencies.existing} already there, ${result.dependencies.refused.length} not imported`,
    ...result.dependencies.refused
      .slice(0, LISTED)
      .map((d) => `    ${d.item} waits on ${d.dependsOn}: ${d.reason}`),
    ...(result.dependencies.refused.length > LISTED
      ? [`    … and ${result.dependencies.refused.length - LISTED} more (--json lists them all)`]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the import (or its dry run) as the member `as`, with the same rights as over the API.
 * @throws Error with the file's problems or the refusal when nothing was imported
 */
export async function runWorkspaceImport(
  request: WorkspaceImportRequest,
  flags: DatabaseFlags,
): Promise<void> {
  const outcome = await withDatabase(flags, async ({ db }) => {
    const workspace = await resolveWorkspace(db, request.workspace);
    const user = await findUserByEmail(db, request.as);
    if (!user) throw new Error(`No user with email ${request.as}`);
    const actor = await findActor(db, user.id, workspace.id);
    if (!actor) throw new Error(`${request.as} is not a member of ${workspace.name}`);
    try {
      const result = await mergeForeignImport(
        { db, actor },
        {
          text: request.text,
          fileName: request.fileName,
          dryRun: request.dryRun,
          ...(request.format ? { format: request.format } : {}),
          ...(request.edits ? { edits: request.edits } : {}),
          ...(request.dateFormat ? { dateFormat: request.dateFormat } : {}),
        },
      );
      return { result, workspace: workspace.name };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const problems = (error.details as { problems?: string[] } | undefined)?.problems;
      throw new Error(
        problems && error.code === 'validation_failed'
          ? `nothing was imported:\n  ${problems.join('\n  ')}`
          : error.message,
      );
    }
  });
  const { result, workspace } = outcome;
  process.stdout.write(
    request.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : renderWorkspaceImport(result, request.file, workspace),
  );
  if (result.summary.errors > 0) process.exitCode = 1;
}
