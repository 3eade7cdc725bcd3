import type { Command } from 'commander';

/** `headway version`: prints the version of this checkout. */
export function register(program: Command): void {
  program
    .command('version')
    .description('print the Headway version')
    .action(() => {
      process.stdout.write('headway 0.1.0\n');
    });
}
