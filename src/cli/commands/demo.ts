import type { Command } from 'commander';
import { z } from 'zod';
import { DEMO_PASSWORD } from '../../server/demo/demo-workspace';
import { loadDemo } from '../../server/demo/load-demo';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { parseFlags } from '../flags';

/** The flags of `headway demo`: where the database is. */
const DemoFlagsSchema = z.strictObject(DATABASE_FLAGS);

/** `headway demo`: adds the demo startup workspace to the database. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('demo')
      .description('add a demo workspace: an 8-person startup with ~150 items and six months of history'),
  ).action(async (raw: Record<string, unknown>) => {
    const flags = parseFlags(DemoFlagsSchema, raw);
    const ws = await withDatabase(flags, ({ db }) => loadDemo(db));
    process.stdout.write(
      `Loaded "${ws.name}" (${ws.slug}). Sign in as dana@demo.headway.dev (fractional CPO) or alex@demo.headway.dev (founder), password ${DEMO_PASSWORD}\n`,
    );
  });
}
