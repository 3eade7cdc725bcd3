import type { Command } from 'commander';
import { z } from 'zod';
import { HEADWAY_VERSION } from '../../contract/version';
import { parseFlags } from '../flags';

/** `headway version` takes no flags. */
const VersionFlagsSchema = z.strictObject({});

/** `headway version`: prints the version of this checkout (as `headway --version` does). */
export function register(program: Command): void {
  program
    .command('version')
    .description('print the Headway version')
    .action((raw: Record<string, unknown>) => {
      parseFlags(VersionFlagsSchema, raw);
      process.stdout.write(`headway ${HEADWAY_VERSION}\n`);
    });
}
