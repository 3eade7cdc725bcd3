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
import { type ApiToken, CreateTokenSchema, LIMITS } from '../../contract';
import { type DatabaseFlags, withDatabaseOptions } from '../config';
import { withTokenAccess } from '../token-access';

interface CreateFlags extends DatabaseFlags {
  email: string;
  name: string;
  expiresInDays?: string;
}

function parseCreate(flags: CreateFlags) {
  const days = flags.expiresInDays;
  if (days !== undefined && !/^\d+$/.test(days))
    throw new Error(`--expires-in-days must be a whole number of days, not "${days}"`);
  const parsed = CreateTokenSchema.safeParse({
    name: flags.name,
    ...(days === undefined ? {} : { expiresInDays: Number(days) }),
  });
  if (!parsed.success) {
    const flag = (key: unknown) => (key === 'expiresInDays' ? '--expires-in-days' : `--${String(key)}`);
    throw new Error(parsed.error.issues.map((i) => `${flag(i.path[0])}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

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
  ).action(async (flags: CreateFlags) => {
    const input = parseCreate(flags);
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
  ).action(async (flags: DatabaseFlags & { email: string; json?: boolean }) => {
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
  ).action(async (id: string | undefined, flags: DatabaseFlags & { email: string; name?: string }) => {
    if (!id === !flags.name) throw new Error('Say which token: give its id or --name, not both');
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
