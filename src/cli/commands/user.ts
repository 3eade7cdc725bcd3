import type { Command } from 'commander';
import { SignUpSchema } from '../../contract';
import { createUser } from '../../server/commands/auth';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { parseFlags } from '../flags';

/** The flags of `headway user create`: the API's sign-up, with its password rule. */
const CreateUserFlagsSchema = SignUpSchema.extend(DATABASE_FLAGS);

/** `headway user create`: an account that can sign in (for servers without open sign-up flows). */
export function register(program: Command): void {
  const user = program.command('user').description('manage user accounts');
  withDatabaseOptions(
    user
      .command('create')
      .description('create a user who can sign in, or set the password of someone an import added')
      .requiredOption('--email <email>', 'email address')
      .requiredOption('--name <name>', 'display name')
      .option(
        '--password <password>',
        'password, at least 10 characters (env HEADWAY_PASSWORD)',
        process.env.HEADWAY_PASSWORD,
      ),
  ).action(async (raw: Record<string, unknown>) => {
    const { email, name, password, ...flags } = parseFlags(
      CreateUserFlagsSchema,
      { ...raw, password: raw.password ?? '' },
      { secret: ['password'] },
    );
    const created = await withDatabase(flags, ({ db }) =>
      createUser(db, { email, name, password }, { setPasswordOfImported: true }),
    );
    process.stdout.write(`Created ${created.name} <${created.email}> (${created.id})\n`);
  });
}
