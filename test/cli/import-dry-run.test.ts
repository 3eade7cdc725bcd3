import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceImportResult } from '../../src/contract';
import type { DryRunSummary } from '../../src/domain/import';
import { makeTempDir, runHeadway, runHeadwayHere } from '../support/cli';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'imports');
let dataDir: string;
let workspace: string;

/** In this process: what is tested is what the command prints and writes. */
const headway = (...args: string[]) => runHeadwayHere(dataDir, args);

async function itemCount(): Promise<number> {
  const exported = await headway('export', '-w', workspace);
  return (JSON.parse(exported.stdout) as { items: unknown[] }).items.length;
}

beforeAll(async () => {
  dataDir = makeTempDir('import');
  const demo = await headway('demo');
  expect(demo.code, demo.stderr).toBe(0);
  workspace = /\(([a-z0-9-]+)\)\. Sign in/.exec(demo.stdout)?.[1] ?? '';
  expect(workspace).not.toBe('');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('headway import --dry-run', { timeout: 180_000 }, () => {
  it('should print the dry-run JSON of a Jira export, detected from its content, and write nothing', async () => {
    const before = await itemCount();
    // As a user runs it, in a Node process of its own.
    const result = await runHeadway(dataDir, [
      'import',
      join(FIXTURES, 'jira-server.csv'),
      '--dry-run',
      '--json',
      '-w',
      workspace,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as DryRunSummary;
    expect(summary).toMatchObject({
      format: 'jira',
      items: 6,
      done: 1,
      cancelled: 1,
      dependencies: 1,
      people: 4,
      historyEntries: 8,
      skipped: { 'empty row': 1, 'duplicate key': 1, 'no title': 1 },
    });
    expect(summary.problems[0]).toEqual(
      expect.objectContaining({ file: 'jira-server.csv', row: 8, column: null, message: expect.any(String) }),
    );
    expect(await itemCount()).toBe(before);
  });

  it('should exit 1 on an ambiguous date file, then read it with --date-format', async () => {
    const file = join(dataDir, 'ambiguous.csv');
    writeFileSync(file, 'Summary,Issue key,Issue Type,Status,Created\nA,X-1,Task,To Do,03/04/2025 10:00\n');
    const ambiguous = await headway('import', file, '--dry-run', '-w', workspace);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toContain('--date-format');
    const told = await headway(
      'import',
      file,
      '--dry-run',
      '--json',
      '-w',
      workspace,
      '--date-format',
      'DD/MM/YYYY H:mm',
    );
    expect(told.code, told.stdout).toBe(0);
    expect((JSON.parse(told.stdout) as DryRunSummary).errors).toBe(0);
  });

  it('should write the proposed mapping and lay an edited mapping over it', async () => {
    const out = join(dataDir, 'map.json');
    const first = await headway(
      'import',
      join(FIXTURES, 'linear-34.csv'),
      '--dry-run',
      '--json',
      '-w',
      workspace,
      '--mapping-out',
      out,
    );
    expect(first.code, first.stderr).toBe(0);
    const mapping = JSON.parse(readFileSync(out, 'utf8')) as { states: Record<string, string> };
    expect(mapping.states).toMatchObject({ Done: 'done', Duplicate: 'cancelled' });
    writeFileSync(out, JSON.stringify({ states: { Duplicate: 'done' } }));
    const edited = await headway(
      'import',
      join(FIXTURES, 'linear-34.csv'),
      '--dry-run',
      '--json',
      '-w',
      workspace,
      '--mapping',
      out,
    );
    const summary = JSON.parse(edited.stdout) as DryRunSummary;
    expect([summary.done, summary.cancelled]).toEqual([2, 0]);
  });

  it('should refuse a bad mapping file, saying which field is wrong', async () => {
    const bad = join(dataDir, 'bad-map.json');
    writeFileSync(bad, JSON.stringify({ states: { Done: 'finished' } }));
    const result = await headway(
      'import',
      join(FIXTURES, 'linear-34.csv'),
      '--dry-run',
      '-w',
      workspace,
      '--mapping',
      bad,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/states\.Done/);
  });

  it('should refuse an unknown --from and a missing workspace with clear messages', async () => {
    const from = await headway(
      'import',
      join(FIXTURES, 'github-issues.json'),
      '--from',
      'trello',
      '--dry-run',
      '-w',
      workspace,
    );
    expect(from.stderr).toContain('--from must be one of jira, linear, github, csv, headway');
    const noWorkspace = await headway('import', join(FIXTURES, 'github-issues.json'), '--dry-run');
    expect(noWorkspace.stderr).toContain('-w/--workspace is needed');
  });

  it('should import a Jira export as a new workspace with --name and --as', async () => {
    const imported = await headway(
      'import',
      join(FIXTURES, 'jira-server.csv'),
      '--name',
      'From Jira',
      '--as',
      'dana@demo.headway.dev',
      '--json',
    );
    expect(imported.code, imported.stderr).toBe(0);
    const { workspace: created, summary } = JSON.parse(imported.stdout) as {
      workspace: { slug: string; name: string; invitations: { email: string }[] };
      summary: DryRunSummary;
    };
    expect(created.name).toBe('From Jira');
    const exported = await headway('export', '-w', created.slug);
    const doc = JSON.parse(exported.stdout) as { items: { state: string }[]; stateHistory: unknown[] };
    expect(doc.items).toHaveLength(summary.items);
    expect(doc.items.filter((i) => i.state === 'done')).toHaveLength(summary.done);
    expect(doc.stateHistory).toHaveLength(summary.historyEntries);
    expect(created.invitations.length).toBe(summary.peopleByMatch.invitations);
  });

  it('should import a Jira export into a workspace with -w and --as, then find it unchanged on a dry run', async () => {
    const file = join(dataDir, 'reimport.csv');
    writeFileSync(
      file,
      'Summary,Issue key,Issue Type,Status,Created\nExport to Sheets,CLI-1,Story,To Do,05/Jan/26 9:00 AM\nSSO,CLI-2,Task,Done,06/Jan/26 9:00 AM\n',
    );
    const args = [
      'import',
      file,
      '--from',
      'jira',
      '-w',
      workspace,
      '--as',
      'dana@demo.headway.dev',
      '--json',
    ];
    const imported = await headway(...args);
    expect(imported.code, imported.stderr).toBe(0);
    const first = JSON.parse(imported.stdout) as WorkspaceImportResult;
    expect(first.dryRun).toBe(false);
    expect(first.created.map((c) => c.key)).toEqual(['CLI-1', 'CLI-2']);
    const again = await headway(...args, '--dry-run');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ dryRun: true, created: [], updated: [], unchanged: 2 });
  });

  it('should print the errors, write nothing and exit 1 when a file cannot be imported', async () => {
    const file = join(dataDir, 'ambiguous-write.csv');
    writeFileSync(file, 'Summary,Issue key,Issue Type,Status,Created\nA,X-1,Task,To Do,03/04/2025 10:00\n');
    const missing = await headway('import', file, '--as', 'dana@demo.headway.dev');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--name');
    const refused = await headway('import', file, '--name', 'Never', '--as', 'dana@demo.headway.dev');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('--date-format');
    expect(refused.stdout).toContain('was not imported');
    const lookup = await headway('export', '-w', 'Never');
    expect(lookup.code).toBe(1);
  });

  it('should still import Headway JSON as a new workspace, with a dry run first', async () => {
    const file = join(dataDir, 'export.json');
    const exported = await headway('export', '-w', workspace, '-o', file);
    expect(exported.code, exported.stderr).toBe(0);
    const dry = await headway('import', file, '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect((JSON.parse(dry.stdout) as DryRunSummary).items).toBe(await itemCount());
    const imported = await headway('import', file);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported ".*" as workspace /);
  });
});
