/**
 * `headway token`: a person's API tokens for the CLI and integrations.
 *
 *   headway token create --email E [--name N] [--expires-in-days D]
 *   headway token list --email E [--json]
 *   headway token revoke ID|--name N --email E
 *
 * With the embedded database held by `headway serve`, each asks the running server instead
 * (with the person's password, from HEADWAY_PASSWORD or the terminal).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { type ApiToken, CreateTokenSchema, EmailSchema, exactlyOneOf, LIMITS, text } from '../../contract';
import { DATABASE_FLAGS, withDatabaseOptions } from '../config';
import { parseFlags, SwitchSchema, wholeNumberFlag } from '../flags';
import { withTokenAccess } from '../token-access';

/** Whose tokens: every `headway token` verb names the person by email. */
const PERSON_FLAGS = { ...DATABASE_FLAGS, email: EmailSchema };

/** The flags of `headway token create`: the API's new token (name, expiry) and whose it is. */
const CreateFlagsSchema = CreateTokenSchema.extend({
  ...PERSON_FLAGS,
  expiresInDays: wholeNumberFlag(CreateTokenSchema.shape.expiresInDays.unwrap()).optional(),
});

/** The flags of `headway token list`. */
const ListFlagsSchema = z.strictObject({ ...PERSON_FLAGS, json: SwitchSchema });

/** The flags and argument of `headway token revoke`: the token by id or by name. */
const RevokeFlagsSchema = z
  .strictObject({
    ...PERSON_FLAGS,
    id: text().trim().min(1).optional(),
    name: CreateTokenSchema.shape.name.optional(),
  })
  .check(exactlyOneOf({ id: '(see `headway token list`)', name: 'N' }));

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'never');
const minute = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

/** The tokens as a plain-text table: id, name, created, last used, expiry. */
export function renderTokenTable(tokens: ApiToken[]): string {
  if (tokens.length === 0) return 'No API tokens. Create one with `headway token create`.';
  const rows = tokens.map((t) => [
    t.id,
    t.name,
    day(t.createdAt),
    minute(t.lastUsedAt),
    t.expired ? `expired ${day(t.expiresAt)}` : day(t.expiresAt),
  ]);
  const header = ['id', 'name', 'created', 'last used', 'expires'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function register(program: Command): void {
  const token = program.command('token').description('create, list and revoke API tokens');
  withDatabaseOptions(
    token
      .command('create')
      .description('create an API token for a user; the token is printed on the last line')
      .requiredOption('--email <email>', 'the user the token acts as')
      .option('--name <name>', 'what the token is for', 'cli')
      .option(
        '--expires-in-days <days>',
        `days until it stops working, 1 to ${LIMITS.tokenMaxDays} (default ${LIMITS.tokenDefaultDays})`,
      ),
  ).action(async (raw: Record<string, unknown>) => {
    const { email, dataDir, databaseUrl, ...input } = parseFlags(CreateFlagsSchema, raw);
    const flags = { email, dataDir, databaseUrl };
    const created = await withTokenAccess(flags, (access) => access.create(input));
    process.stdout.write(
      `API token "${created.name}" created, valid until ${day(created.expiresAt)}. Send it as "Authorization: Bearer <token>"; it is shown only once:\n`,
    );
    process.stdout.write(`${created.token}\n`);
  });

  withDatabaseOptions(
    token
      .command('list')
      .description("a user's API tokens: name, created, last used, expiry (never the secret)")
      .requiredOption('--email <email>', 'whose tokens')
      .option('--json', 'print JSON'),
  ).action(async (raw: Record<string, unknown>) => {
    const flags = parseFlags(ListFlagsSchema, raw);
    const tokens = await withTokenAccess(flags, (access) => access.list());
    process.stdout.write(
      flags.json ? `${JSON.stringify({ data: tokens }, null, 2)}\n` : `${renderTokenTable(tokens)}\n`,
    );
  });

  withDatabaseOptions(
    token
      .command('revoke')
      .description('revoke an API token by id or by name; it stops working at once')
      .argument('[id]', 'the token id (see `headway token list`)')
      .option('--name <name>', 'the token name instead of its id')
      .requiredOption('--email <email>', 'whose token'),
  ).action(async (givenId: string | undefined, raw: Record<string, unknown>) => {
    const flags = parseFlags(
      RevokeFlagsSchema,
      { ...raw, id: givenId },
      { arguments: { id: 'the token id' } },
    );
    const { id } = flags;
    const revoked = await withTokenAccess(flags, async (access) => {
      const tokens = await access.list();
      const matches = id ? tokens.filter((t) => t.id === id) : tokens.filter((t) => t.name === flags.name);
      if (matches.length === 0) {
        throw new Error(
          `${flags.email} has no API token ${id ? `with id ${id}` : `named "${flags.name}"`}: see \`headway token list --email ${flags.email}\``,
        );
      }
      if (matches.length > 1) {
        throw new Error(
          `${matches.length} tokens are named "${flags.name}": revoke one by id (${matches.map((t) => t.id).join(', ')})`,
        );
      }
      const [match] = matches as [ApiToken];
      await access.revoke(match.id);
      return match;
    });
    process.stdout.write(`Revoked API token "${revoked.name}" (${revoked.id}); it no longer works.\n`);
  });
}
