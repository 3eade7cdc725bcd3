import type { Command } from 'commander';
import { DEMO_PASSWORD } from '../../server/demo/demo-workspace';
import { loadDemo } from '../../server/demo/load-demo';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../config';

/** `headway demo`: adds the demo startup workspace to the database. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('demo')
      .description('add a demo workspace: an 8-person startup with ~150 items and six months of history'),
  ).action(async (flags: DatabaseFlags) => {
    const ws = await withDatabase(flags, ({ db }) => loadDemo(db));
    process.stdout.write(
      `Loaded "${ws.name}" (${ws.slug}). Sign in as dana@demo.headway.dev (fractional CPO) or alex@demo.headway.dev (founder), password ${DEMO_PASSWORD}\n`,
    );
  });
}
