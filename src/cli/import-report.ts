/**
 * The dry-run report of an import, for a terminal.
 */
import type { DryRunSummary } from '../domain/import';

const MAX_PROBLEMS_SHOWN = 40;

/** The dry-run summary of any file the CLI reads, Headway JSON included. */
export type FileSummary = Omit<DryRunSummary, 'format'> & { format: DryRunSummary['format'] | 'headway' };

/** Renders the dry-run summary for a terminal. */
export function renderDryRun(
  summary: FileSummary,
  file: string,
  heading = `Dry run of ${file} (${summary.format}): nothing was written.`,
): string {
  const lines = [
    heading,
    '',
    `  items            ${summary.items} (${summary.done} done, ${summary.cancelled} cancelled)`,
    `  dependencies     ${summary.dependencies}`,
    `  people           ${summary.people} (${summary.peopleByMatch.members} members, ${summary.peopleByMatch.invitations} to invite, ${summary.peopleByMatch.unmatched} unmatched)`,
    `  history entries  ${summary.historyEntries}`,
  ];
  const skipped = Object.entries(summary.skipped);
  if (skipped.length > 0)
    lines.push(`  skipped          ${skipped.map(([reason, n]) => `${n} ${reason}`).join(', ')}`);
  lines.push(...renderMapping(summary.mapping));
  if (summary.assumptions.length > 0)
    lines.push('', 'Assumptions:', ...summary.assumptions.map((a) => `  - ${a}`));
  if (summary.problems.length > 0) {
    lines.push(
      '',
      `Problems (${summary.errors} errors, ${summary.problems.length - summary.errors} warnings):`,
    );
    for (const p of summary.problems.slice(0, MAX_PROBLEMS_SHOWN)) {
      const where = [p.row === null ? null : `row ${p.row}`, p.column].filter((x) => x !== null).join(', ');
      lines.push(
        `  ${p.severity === 'error' ? 'error' : 'warn '} ${where ? `${where}: ` : ''}${p.message} — ${p.why}`,
      );
    }
    if (summary.problems.length > MAX_PROBLEMS_SHOWN)
      lines.push(`  … and ${summary.problems.length - MAX_PROBLEMS_SHOWN} more (--json lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}

const MAX_MAPPING_ENTRIES = 30;

function table<T>(title: string, entries: Record<string, T>, show: (value: T) => string): string[] {
  const rows = Object.entries(entries);
  if (rows.length === 0) return [];
  const shown = rows
    .slice(0, MAX_MAPPING_ENTRIES)
    .map(([theirs, ours]) => `${theirs || '(none)'} → ${show(ours)}`);
  const more = rows.length > MAX_MAPPING_ENTRIES ? [`… and ${rows.length - MAX_MAPPING_ENTRIES} more`] : [];
  return [`  ${title.padEnd(16)} ${[...shown, ...more].join('; ')}`];
}

/** The mapping the dry run applied, one line per table: what `--mapping map.json` can change. */
function renderMapping(mapping: FileSummary['mapping']): string[] {
  const lines = [
    ...table('states', mapping.states, (s) => s),
    ...table('types', mapping.types, (t) => t),
    ...table('priorities', mapping.priorities, (p) => p ?? 'dropped'),
    ...table('people', mapping.people, (p) =>
      p.kind === 'unmatched' ? 'name kept as text' : `${p.kind} ${p.email}`,
    ),
  ];
  if (lines.length === 0) return [];
  const time = mapping.timeEstimates;
  lines.push(
    `  points           ${mapping.points === 'story-points' ? 'kept as story points' : 'ignored'}`,
    `  time estimates   ${time.mode === 'spread' ? `×${time.optimisticRatio}–×${time.pessimisticRatio}` : 'likely only'}: ${time.basis}`,
  );
  return ['', 'Mapping (change any entry with --mapping map.json):', ...lines];
}
