/**
 * The `headway` command line. Each verb lives in its own file under ./commands and exports
 * `register(program)`; ./verbs lists them so only the verb being run is loaded.
 */
import { Command, CommanderError } from 'commander';
import { HEADWAY_VERSION } from '../contract/version';
import { modulesFor } from './verbs';

async function main(argv: string[]): Promise<void> {
  const program = new Command('headway')
    .description('Headway: the product function of a software company, as software.')
    .version(HEADWAY_VERSION, '-V, --version', 'print the Headway version')
    .showHelpAfterError('(run `headway --help` for usage)')
    .exitOverride();

  for (const load of modulesFor(argv.slice(2))) (await load()).register(program);

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`headway: ${message}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv);
