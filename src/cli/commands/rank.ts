/**
 * `headway rank`: the open backlog of a workspace ranked by a prioritization framework.
 *
 *   headway rank --workspace W --framework rice|ice|wsjf|…|formula:<id> [--limit N] [--json]
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { FrameworkRefSchema, type Ranking, WorkspaceRefSchema, wholeNumberText } from '../../contract';
import { computeRanking } from '../../server/commands/prioritization';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { parseFlags, SwitchSchema } from '../flags';
import { formatTable } from '../table';
import { resolveWorkspace } from '../workspace-ref';

/** The flags of `headway rank`. */
const RankFlagsSchema = z.strictObject({
  ...DATABASE_FLAGS,
  workspace: WorkspaceRefSchema,
  // `value-effort` is accepted for `value_effort`; formula ids keep their hyphens.
  framework: z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const lower = value.trim().toLowerCase();
    return lower.startsWith('formula:') ? lower : lower.replace(/-/g, '_');
  }, FrameworkRefSchema),
  limit: wholeNumberText(1, 1_000_000).optional(),
  json: SwitchSchema,
});

const formatNumber = (value: number): string =>
  Number.isInteger(value) ? String(value) : String(Number(value.toFixed(Math.abs(value) < 10 ? 2 : 1)));

const truncate = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, width - 1)}…`;

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/**
 * Who last set any of a row's inputs, and on what day: "Dana 3 Dec", "imported 3 Dec", or "—"
 * when none was recorded.
 * @param provenance the row's provenance by score key
 */
export function describeLastSetting(provenance: Ranking['ranked'][number]['provenance']): string {
  let last: NonNullable<(typeof provenance)[string]> | null = null;
  for (const setting of Object.values(provenance)) {
    if (setting && (last === null || setting.setAt > last.setAt)) last = setting;
  }
  if (!last) return '—';
  const who =
    last.source === 'typed'
      ? (last.setBy?.name ?? last.namedAs ?? 'set')
      : last.source === 'imported'
        ? 'imported'
        : 'evidence';
  return `${who} ${DAY.format(new Date(last.setAt))}`;
}

/**
 * Renders a ranking as a plain-text table: rank, #number, title, score, the inputs used (a score
 * from evidence with its interval, "rice_reach=100 (33–167)") and who last set one of them.
 * @param ranking the ranking
 * @param limit how many ranked rows to show
 * @returns the table and a line on the items left out for missing inputs
 */
export function renderRankingTable(ranking: Ranking, limit: number): string {
  const rows = ranking.ranked.slice(0, limit).map((item) => [
    String(item.rank),
    `#${item.number}`,
    truncate(item.title, 44),
    `${formatNumber(item.score)}${item.label ? ` ${item.label}` : ''}`,
    Object.entries(item.inputs)
      .map(([key, value]) => {
        const shown = `${key}=${typeof value === 'number' ? formatNumber(value) : value}`;
        const range = item.provenance[key]?.source === 'evidence' ? item.provenance[key]?.range : undefined;
        return range ? `${shown} (${Math.round(range.low)}–${Math.round(range.high)})` : shown;
      })
      .join(' '),
    truncate(describeLastSetting(item.provenance), 30),
  ]);
  const lines = [
    `${ranking.framework.name}: ${ranking.framework.summary || ranking.framework.formula}`,
    '',
    ...formatTable(['rank', 'item', 'title', 'score', 'inputs', 'last set'], rows, {
      alignRight: [0, 3],
      rule: true,
    }),
  ];
  if (ranking.ranked.length === 0) lines.push(`No open item has every ${ranking.framework.name} input yet.`);
  if (ranking.ranked.length > limit) lines.push(`… ${ranking.ranked.length - limit} more ranked items`);
  if (ranking.unscored.length > 0) {
    const examples = ranking.unscored
      .slice(0, 3)
      .map((item) => `#${item.number} needs ${item.missing.join(', ') || item.problems[0]?.message}`)
      .join('; ');
    lines.push(
      '',
      `${ranking.unscored.length} open items not ranked for missing inputs (${examples}${ranking.unscored.length > 3 ? '; …' : ''})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `headway rank`. */
export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('rank')
      .description('rank the open backlog of a workspace by a prioritization framework')
      .requiredOption('-w, --workspace <ref>', 'workspace id, slug or name')
      .requiredOption(
        '-f, --framework <id>',
        'rice, ice, ice_product, wsjf, cd3, value_effort, opportunity, moscow, kano or formula:<id>',
      )
      .option('-n, --limit <n>', 'show only the first N ranked items')
      .option('--json', 'print the ranking as JSON'),
  ).action(async (raw: Record<string, unknown>) => {
    const flags = parseFlags(RankFlagsSchema, raw);
    const { framework, limit } = flags;
    const ranking = await withDatabase(flags, async ({ db }) =>
      computeRanking(db, (await resolveWorkspace(db, flags.workspace)).id, framework),
    );
    if (flags.json) {
      const shown = limit === undefined ? ranking : { ...ranking, ranked: ranking.ranked.slice(0, limit) };
      process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    } else process.stdout.write(renderRankingTable(ranking, limit ?? ranking.ranked.length));
  });
}
