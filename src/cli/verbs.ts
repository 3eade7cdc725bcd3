import type { Command } from 'commander';

/** What every file under ./commands exports. */
export interface CommandModule {
  register: (program: Command) => void;
}

/**
 * The verbs of `headway` and the module that registers each. Modules are loaded lazily, and only
 * the one the command line names: `headway forecast …` never loads the server or the scheduler,
 * and `headway --version` loads none. A test checks this list against the files in ./commands.
 */
export const VERBS: ReadonlyArray<{ names: readonly string[]; load: () => Promise<CommandModule> }> = [
  { names: ['assess'], load: () => import('./commands/assess') },
  { names: ['backup', 'restore', 'migrate-to-postgres'], load: () => import('./commands/backup') },
  { names: ['brief'], load: () => import('./commands/brief') },
  { names: ['backtest'], load: () => import('./commands/backtest') },
  { names: ['calibration'], load: () => import('./commands/calibration') },
  { names: ['demo'], load: () => import('./commands/demo') },
  { names: ['evidence', 'ideas'], load: () => import('./commands/discovery') },
  { names: ['events'], load: () => import('./commands/events') },
  { names: ['forecast'], load: () => import('./commands/forecast') },
  { names: ['mcp'], load: () => import('./commands/mcp') },
  { names: ['metrics'], load: () => import('./commands/metrics') },
  { names: ['plan'], load: () => import('./commands/plan') },
  { names: ['portfolio'], load: () => import('./commands/portfolio') },
  { names: ['rank'], load: () => import('./commands/rank') },
  { names: ['serve'], load: () => import('./commands/serve') },
  { names: ['token'], load: () => import('./commands/token') },
  { names: ['export', 'import'], load: () => import('./commands/transfer') },
  { names: ['user'], load: () => import('./commands/user') },
  { names: ['version'], load: () => import('./commands/version') },
];

/**
 * The modules to load for a command line: the named verb's alone, or every verb's when the line
 * names none or an unknown one (so help lists them all and a typo gets a suggestion).
 * `--version` needs none.
 */
export function modulesFor(args: readonly string[]): Array<() => Promise<CommandModule>> {
  const first = args[0];
  if (first === '--version' || first === '-V') return [];
  const verb = args.find((a) => !a.startsWith('-'));
  const named = VERBS.find((v) => verb !== undefined && v.names.includes(verb));
  return named ? [named.load] : VERBS.map((v) => v.load);
}
