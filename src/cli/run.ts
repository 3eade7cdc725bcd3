/**
 * Runs one `headway` command line and says how it ended: every verb's flags are parsed by its
 * own schema (./flags), and every refusal of the command line, commander's or a schema's, ends
 * with EXIT_CODES.usage and a message, never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { HEADWAY_VERSION } from '../contract/version';
import { EXIT_CODES, UsageError } from './flags';
import { modulesFor } from './verbs';

const EXIT_CODES_HELP = `
Exit codes:
  ${EXIT_CODES.ok}  done
  ${EXIT_CODES.failed}  failed: a file, the database or a rule refused the work (the message says why)
  ${EXIT_CODES.usage}  usage: a flag or an argument is missing, unknown or has a bad value (the message names it)`;

/** The name of a command as typed, e.g. "token create". */
function pathOf(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * Runs `headway` on a command line.
 * @param argv the command line as process.argv gives it (node, script, then the arguments)
 * @returns the exit code: 0 done, 1 failed, 2 a wrong command line; a verb may also have set
 *   process.exitCode (an import dry run that found errors)
 */
export async function runHeadway(argv: readonly string[]): Promise<number> {
  const program = new Command('headway')
    .description('Headway: the product function of a software company, as software.')
    .version(HEADWAY_VERSION, '-V, --version', 'print the Headway version')
    .showHelpAfterError('(run `headway --help` for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  let running: Command = program;
  program.hook('preAction', (_program, action) => {
    running = action;
  });

  for (const load of modulesFor(argv.slice(2))) (await load()).register(program);

  try {
    await program.parseAsync([...argv]);
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message (or the help or version asked for).
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`headway: ${message}\n`);
    if (!(error instanceof UsageError)) return EXIT_CODES.failed;
    process.stderr.write(`(run \`headway ${pathOf(running)} --help\` for usage)\n`);
    return EXIT_CODES.usage;
  }
}
