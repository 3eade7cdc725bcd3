/**
 * `headway portfolio --as EMAIL [--json]`: the brief's headlines of every workspace a person
 * belongs to, each with their role's rights there, the one that needs them most first.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { text } from '../../contract';
import { findUserByEmail } from '../../server/commands/auth';
import { getPortfolio } from '../../server/commands/portfolio';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { parseFlags } from '../flags';

/** The flags of `headway portfolio`. */
const PortfolioFlagsSchema = z.strictObject({
  ...DATABASE_FLAGS,
  as: text().trim().min(3, 'give the e-mail of the person whose portfolio it is').max(320),
  json: z.boolean().optional(),
});

export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('portfolio')
      .description(
        'what needs a person in each workspace they belong to: decisions waiting, milestone chances, health',
      )
      .requiredOption('--as <email>', 'whose portfolio')
      .option('--json', 'the API’s JSON'),
  ).action(async (raw: Record<string, unknown>) => {
    const { as, json, ...flags } = parseFlags(PortfolioFlagsSchema, raw);
    const portfolio = await withDatabase(flags, async ({ db }) => {
      const user = await findUserByEmail(db, as);
      if (!user) throw new Error(`Nobody has the e-mail ${as}: give --as with a member's e-mail`);
      return getPortfolio(db, user.id);
    });
    if (json) {
      process.stdout.write(`${JSON.stringify(portfolio, null, 2)}\n`);
      return;
    }
    const lines = portfolio.workspaces.map((w) => {
      if (w.failed) return `${w.name} (${w.role}): ${w.failed}`;
      const chances = w.milestones.flatMap((m) =>
        m.probabilityOnTime === null ? [] : [`${m.title} ${Math.round(m.probabilityOnTime * 100)}%`],
      );
      const oldest = w.waiting.oldestDays === null ? '' : `, oldest ${w.waiting.oldestDays} d`;
      return `${w.name} (${w.role}): ${w.waiting.count} waiting on you${oldest}${chances.length ? `; ${chances.join(', ')}` : ''}`;
    });
    process.stdout.write(`${[...lines, '', portfolio.order].join('\n')}\n`);
  });
}
