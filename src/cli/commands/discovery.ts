/**
 * `headway evidence import` and `headway ideas`: customer evidence in from CSV, and the ideas
 * with the accounts, revenue and reach behind them, as the API gives them.
 *
 *   headway evidence import FILE.csv -w W [--companies companies.csv] [--dry-run] [--as EMAIL] [--json]
 *   headway ideas -w W [--as EMAIL] [--json]
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { type EvidenceImportReport, type Idea, text, WorkspaceRefSchema } from '../../contract';
import { importEvidence } from '../../server/commands/evidence-import';
import { listIdeas } from '../../server/commands/ideas';
import { decodeImportBytes } from '../../server/imports/read-csv';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { FilePathSchema, parseFlags, SwitchSchema } from '../flags';
import { findActingMember, resolveWorkspace } from '../workspace-ref';

const AsSchema = text().trim().min(3).max(320).optional();

export const EvidenceImportFlagsSchema = z.strictObject({
  ...DATABASE_FLAGS,
  file: FilePathSchema,
  workspace: WorkspaceRefSchema,
  companies: FilePathSchema.optional(),
  dryRun: SwitchSchema,
  as: AsSchema,
  json: SwitchSchema,
});

export const IdeasFlagsSchema = z.strictObject({
  ...DATABASE_FLAGS,
  workspace: WorkspaceRefSchema,
  as: AsSchema,
  json: SwitchSchema,
});

async function readText(path: string): Promise<string> {
  try {
    return decodeImportBytes(await readFile(path)).text;
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An idea's decision and, once accepted with a date, its chance of meeting it, as a line's tail. */
function describeDecision(idea: Idea): string {
  if (!idea.decision) return '';
  const { outcome, reviewOn, reason } = idea.decision;
  const promise = idea.promise;
  const chance =
    promise?.probability != null
      ? `, ${Math.round(promise.probability * 100)} % likely by ${promise.targetDate}`
      : promise
        ? `, promised for ${promise.targetDate}`
        : '';
  return `  ${outcome}${reviewOn ? ` until ${reviewOn}` : ''}${chance}: ${reason.replace(/\s+/g, ' ').slice(0, 80)}`;
}

/** The report as a person reads it: counts, then each problem with its row. */
export function describeEvidenceReport(report: EvidenceImportReport): string {
  const lines = [
    `${report.written ? 'Imported' : report.dryRun ? 'Would import' : 'Nothing imported'}: ${report.evidence} evidence (${report.evidenceCreated} new, ${report.evidenceUpdated} updated), ${report.companies} companies in the file (${report.companiesCreated} new), ${report.ideas} ideas (${report.ideasCreated} new)`,
    ...report.problems.map(
      (p) =>
        `  ${p.severity} ${p.file}${p.row === null ? '' : ` row ${p.row}`}${p.column ? ` ${p.column}` : ''}: ${p.message}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `headway evidence import` and `headway ideas`. */
export function register(program: Command): void {
  const evidence = program.command('evidence').description('customer evidence: quotes and notes about ideas');
  withDatabaseOptions(
    evidence
      .command('import <file>')
      .description(
        'import an evidence CSV (external_id, created_at, source_type, source_url, requester_email, company, text, idea_ref, importance): all rows or none; a re-import adds nothing twice',
      )
      .requiredOption('-w, --workspace <ref>', 'workspace id, slug or name')
      .option(
        '--companies <file>',
        'a company CSV (external_id, name, domains, arr or mrr, tier, segment, owner_email)',
      )
      .option('--dry-run', 'check and count without writing')
      .option('--as <email>', "the member importing (default the workspace's founder)")
      .option('--json', 'print the report as JSON'),
  ).action(async (file: string, raw: Record<string, unknown>) => {
    const { workspace, companies, dryRun, as, json, ...flags } = parseFlags(EvidenceImportFlagsSchema, {
      ...raw,
      file,
    });
    const evidenceCsv = await readText(flags.file);
    const companiesCsv = companies === undefined ? undefined : await readText(companies);
    const report = await withDatabase(flags, async ({ db }) => {
      const { id } = await resolveWorkspace(db, workspace);
      const actor = await findActingMember(db, id, as);
      return importEvidence({ db, actor }, { evidenceCsv, companiesCsv, dryRun });
    });
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : describeEvidenceReport(report));
    if (report.problems.some((p) => p.severity === 'error')) process.exitCode = 1;
  });

  withDatabaseOptions(
    program
      .command('ideas')
      .description(
        'ideas with the evidence behind them: accounts, revenue, importance and reach with its 90 % interval',
      )
      .requiredOption('-w, --workspace <ref>', 'workspace id, slug or name')
      .option('--as <email>', "the member reading (default the workspace's founder)")
      .option('--json', 'print the ideas as JSON'),
  ).action(async (raw: Record<string, unknown>) => {
    const { workspace, as, json, ...flags } = parseFlags(IdeasFlagsSchema, raw);
    const list = await withDatabase(flags, async ({ db }) => {
      const { id } = await resolveWorkspace(db, workspace);
      return listIdeas(db, await findActingMember(db, id, as));
    });
    if (json) {
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return;
    }
    const pct = (value: number) => `${Math.round(value * 100)} %`;
    const lines = list.ideas.map(
      (idea) =>
        `${idea.ref.padEnd(12)} ${idea.title.slice(0, 40).padEnd(40)} ${String(idea.accounts).padStart(4)} accounts  ${String(idea.evidence).padStart(4)} notes  revenue ${idea.revenue}  reach ${pct(idea.reach.share)} (${pct(idea.reach.low)}–${pct(idea.reach.high)})${describeDecision(idea)}`,
    );
    const alerts = list.alerts.map(
      (a) =>
        `At risk: ${a.ref} ${a.title}: ${pct(a.probability)} likely by ${a.targetDate} (below ${pct(list.alertBelow)}; decided by ${a.holders.map((h) => h.name).join(', ') || 'nobody yet'})`,
    );
    lines.push(...alerts);
    // The track record of predictions, once any accepted idea has its adoption recorded.
    lines.push(...list.trackRecord.groups.map((g) => `Track record: ${g.verdict}`));
    process.stdout.write(
      `${lines.join('\n') || 'No ideas with evidence yet: import some with `headway evidence import`.'}\n${list.accountsHeard} accounts heard; ${list.unlinkedEvidence} notes not linked to an idea\n`,
    );
  });
}
