import type { Command } from 'commander';
import { SignUpSchema } from '../../contract';
import { createUser } from '../../server/commands/auth';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../config';

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
  ).action(async (flags: DatabaseFlags & { email: string; name: string; password?: string }) => {
    const parsed = SignUpSchema.safeParse({
      email: flags.email,
      name: flags.name,
      password: flags.password ?? '',
    });
    if (!parsed.success) {
      throw new Error(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
    }
    const created = await withDatabase(flags, ({ db }) =>
      createUser(db, parsed.data, { setPasswordOfImported: true }),
    );
    process.stdout.write(`Created ${created.name} <${created.email}> (${created.id})\n`);
  });
}
