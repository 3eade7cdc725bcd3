import type { Command } from 'commander';
import { HEADWAY_VERSION } from '../../contract/version';

/** `headway version`: prints the version of this checkout (as `headway --version` does). */
export function register(program: Command): void {
  program
    .command('version')
    .description('print the Headway version')
    .action(() => {
      process.stdout.write(`headway ${HEADWAY_VERSION}\n`);
    });
}
