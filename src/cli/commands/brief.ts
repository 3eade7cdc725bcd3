/**
 * `headway brief`: the weekly brief of one member, as Markdown, an HTML digest or JSON.
 *
 *   headway brief --workspace W [--since YYYY-MM-DD] [--as EMAIL] --format md|html|json
 *   headway brief --workspace W [--since YYYY-MM-DD] [--as EMAIL] --send
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { BRIEF_DEFAULTS, BriefQuerySchema, text, WorkspaceRefSchema } from '../../contract';
import { renderBriefMarkdown } from '../../domain/brief';
import { renderBriefHtml } from '../../render/brief-html';
import { getBrief } from '../../server/commands/brief';
import { MAIL_SETTINGS, readMailConfig, sendBriefDigest } from '../../server/mail/brief-digest';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { parseFlags } from '../flags';
import { findActingMember, resolveWorkspace } from '../workspace-ref';

export const BRIEF_FORMATS = ['md', 'html', 'json'] as const;

/** The flags of `headway brief`: the API's query (since), a workspace, whose brief and the format. */
export const BriefFlagsSchema = BriefQuerySchema.safeExtend({
  ...DATABASE_FLAGS,
  workspace: WorkspaceRefSchema,
  as: text().trim().min(3).max(320).optional(),
  format: z.enum(BRIEF_FORMATS, { error: `give one of ${BRIEF_FORMATS.join(', ')}` }).optional(),
  send: z.boolean().optional(),
})
  .strict()
  .refine((flags) => (flags.format === undefined) !== (flags.send === undefined), {
    message: 'give --format md|html|json to print the brief, or --send to e-mail it (not both)',
    path: ['format'],
  });

/** `headway brief`. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('brief')
      .description(
        'the weekly brief: decisions waiting on you, order and scope changes, forecast moves, slips, aging work, estimates far off, what is at risk',
      )
      .requiredOption('-w, --workspace <ref>', 'workspace id, slug or name')
      .option('--since <date>', `first day, YYYY-MM-DD (default ${BRIEF_DEFAULTS.days} days ago)`)
      .option('--as <email>', "whose brief (default the workspace's founder)")
      .option('--format <format>', 'md, html or json')
      .option('--send', `e-mail it to the member (needs ${MAIL_SETTINGS})`),
  ).action(async (raw: Record<string, unknown>) => {
    const { workspace, since, as, format, send, ...flags } = parseFlags(BriefFlagsSchema, raw);
    if (send) {
      // Checked before the database opens, so a missing setting costs nothing.
      const config = readMailConfig();
      const sent = await withDatabase(flags, async ({ db }) => {
        const { id } = await resolveWorkspace(db, workspace);
        return sendBriefDigest(db, { config, actor: await findActingMember(db, id, as), query: { since } });
      });
      process.stdout.write(`Sent "${sent.subject}" to ${sent.to}\n`);
      return;
    }
    const brief = await withDatabase(flags, async ({ db }) => {
      const { id } = await resolveWorkspace(db, workspace);
      return getBrief({ db, actor: await findActingMember(db, id, as) }, { since });
    });
    const origin = process.env.HEADWAY_PUBLIC_URL || null;
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(brief, null, 2)}\n`
        : format === 'html'
          ? `${renderBriefHtml(brief, { origin })}\n`
          : renderBriefMarkdown(brief, { origin }),
    );
  });
}
