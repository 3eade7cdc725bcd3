/**
 * The `headway` command line. Each verb lives in its own file under ./commands and exports
 * `register(program)`, so adding a verb never touches this file.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';

interface CommandModule {
  register: (program: Command) => void;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('headway')
    .description('Headway: the product function of a software company, as software.')
    .showHelpAfterError('(run `headway --help` for usage)')
    .exitOverride();

  const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  const files = readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(commandsDir, file)).href)) as Partial<CommandModule>;
    mod.register?.(program);
  }

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
