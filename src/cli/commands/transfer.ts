import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { HeadwayExportSchema, WorkspaceRefSchema } from '../../contract';
import { findUserByEmail } from '../../server/commands/auth';
import { exportWorkspace } from '../../server/commands/transfer';
import { importWorkspace } from '../../server/commands/transfer-import';
import { AppError } from '../../server/errors';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { FilePathSchema, parseFlags } from '../flags';
import { ImportFlagsSchema, runImportCommand } from '../foreign-import';
import { resolveWorkspace } from '../workspace-ref';

/** The flags of `headway export`. */
const ExportFlagsSchema = z.strictObject({
  ...DATABASE_FLAGS,
  workspace: WorkspaceRefSchema,
  out: FilePathSchema.optional(),
});

/** `headway export` and `headway import`: a workspace as Headway JSON (no secrets), all or nothing. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('export')
      .description('write a workspace as Headway JSON')
      .requiredOption('-w, --workspace <ref>', 'workspace id, slug or name')
      .option('-o, --out <file>', 'write to a file instead of stdout'),
  ).action(async (raw: Record<string, unknown>) => {
    const flags = parseFlags(ExportFlagsSchema, raw);
    const doc = await withDatabase(flags, async ({ db }) =>
      exportWorkspace(db, (await resolveWorkspace(db, flags.workspace)).id),
    );
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (flags.out) {
      writeFileSync(flags.out, text);
      process.stderr.write(`Exported ${doc.items.length} items to ${flags.out}\n`);
    } else process.stdout.write(text);
  });

  withDatabaseOptions(
    program
      .command('import')
      .description(
        'import Headway JSON, or a Jira, Linear, GitHub or CSV file, as a new workspace or (with -w) into one, again and again (all or nothing); check a file with --dry-run',
      )
      .argument('<file>', 'Headway JSON, a Jira or Linear CSV export, GitHub issues JSON, or any CSV')
      .option(
        '--as <email>',
        'who imports: founder of the new workspace (the other members get invitations), or a member of -w WORKSPACE',
      )
      .option(
        '--from <format>',
        'jira, linear, github, csv or headway (detected from the content when absent)',
      )
      .option(
        '-w, --workspace <ref>',
        'import into this workspace (id, slug or name) with --as; items are matched by key, so importing again updates them; its members are matched',
      )
      .option('--dry-run', 'report what would be created and every problem; write nothing (exit 1 if errors)')
      .option('--mapping <file>', 'a mapping file (JSON) laid over the proposed mapping')
      .option('--mapping-out <file>', 'write the whole proposed mapping to a file, to edit')
      .option('--date-format <format>', 'dates of the file, e.g. "DD/MMM/YY h:mm A" or "MM/DD/YYYY H:mm"')
      .option('--name <name>', 'name of the new workspace (imports from Jira, Linear, GitHub or CSV)')
      .option('--json', 'print the report as JSON'),
  ).action(async (givenFile: string, options: Record<string, unknown>) => {
    const flags = parseFlags(
      ImportFlagsSchema,
      { ...options, file: givenFile },
      { arguments: { file: 'FILE' } },
    );
    if (await runImportCommand(flags)) return;
    const { file } = flags;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file} is not readable JSON: ${(error as Error).message}`);
    }
    const parsed = HeadwayExportSchema.safeParse(raw);
    if (!parsed.success) {
      const lines = parsed.error.issues
        .slice(0, 20)
        .map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
      throw new Error(`${file} is not valid Headway JSON; nothing was imported:\n${lines.join('\n')}`);
    }
    const ws = await withDatabase(flags, async ({ db }) => {
      const importer = flags.as ? await findUserByEmail(db, flags.as) : null;
      if (flags.as && !importer) throw new Error(`No user with email ${flags.as}`);
      try {
        return await importWorkspace(db, importer?.id ?? null, parsed.data);
      } catch (error) {
        if (error instanceof AppError) {
          const problems = (error.details as { problems?: string[] } | undefined)?.problems;
          throw new Error(problems ? `nothing was imported:\n  ${problems.join('\n  ')}` : error.message);
        }
        throw error;
      }
    });
    process.stdout.write(`Imported "${ws.name}" as workspace ${ws.slug} (${ws.id})\n`);
    if (ws.invitations.length > 0) {
      // Nobody joins through a file: each member it lists gets a link to accept (shown only now).
      process.stdout.write(
        'Invitation links for the members the file lists (only that e-mail can accept):\n',
      );
      for (const inv of ws.invitations) process.stdout.write(`  ${inv.email} (${inv.role}): ${inv.path}\n`);
    }
    for (const warning of ws.warnings) process.stdout.write(`Warning: ${warning}\n`);
  });
}
