import type { Command } from 'commander';
import { createApiToken } from '../../server/commands/api-tokens';
import { findUserByEmail } from '../../server/commands/auth';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../config';

/** `headway token create`: an API token for the CLI or an integration, printed on the last line. */
export function register(program: Command): void {
  const token = program.command('token').description('manage API tokens');
  withDatabaseOptions(
    token
      .command('create')
      .description('create an API token for a user; the token is printed on the last line')
      .requiredOption('--email <email>', 'the user the token acts as')
      .option('--name <name>', 'what the token is for', 'cli'),
  ).action(async (flags: DatabaseFlags & { email: string; name: string }) => {
    const created = await withDatabase(flags, async ({ db }) => {
      const user = await findUserByEmail(db, flags.email);
      if (!user)
        throw new Error(`No user with email ${flags.email}: create one with \`headway user create\``);
      return createApiToken(db, user.id, { name: flags.name });
    });
    process.stdout.write(
      `API token "${created.name}" created. Send it as "Authorization: Bearer <token>"; it is shown only once:\n`,
    );
    process.stdout.write(`${created.token}\n`);
  });
}
