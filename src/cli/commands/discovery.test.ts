/**
 * `headway evidence import` and `headway ideas` run in-process on an embedded database: the JSON
 * the users script against, a dry run that writes nothing, and a bad file refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHeadwayHere } from '../../../test/support/cli';
import { buildUser, buildWorkspace } from '../../../test/support/factories';
import type { EvidenceImportReport, IdeaList } from '../../contract';
import { openDatabase } from '../../db/client';

let dir: string;
let dataDir: string;
const headway = (...args: string[]) => runHeadwayHere(dataDir, args);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'headway-evidence-'));
  dataDir = join(dir, 'data');
  const handle = await openDatabase({ dataDir });
  const founder = await buildUser(handle.db, { name: 'Alex' });
  await buildWorkspace(handle.db, founder.id, 'Evidence Co');
  await handle.close();
  writeFileSync(
    join(dir, 'companies.csv'),
    'external_id,name,domains,arr,tier,segment\nc1,Acme,acme.com,50000,pro,smb\nc2,Globex,globex.com,20000,pro,smb\n',
  );
  writeFileSync(
    join(dir, 'evidence.csv'),
    [
      'external_id,created_at,source_type,source_url,requester_email,company,text,idea_ref,importance',
      'e1,2026-09-01,sales,,ana@acme.com,,Needs SSO,IDEA-1,3',
      'e2,2026-09-02,support,,bo@acme.com,,SSO again,IDEA-1,2',
      'e3,2026-09-03,interview,,cy@globex.com,,SSO for us too,IDEA-1,1',
      'e4,2026-09-04,portal,,dee@globex.com,,Dark mode,IDEA-2,1',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('headway evidence import and headway ideas', () => {
  it('should count a dry run without writing, then import and list the ideas as JSON', async () => {
    const args = [
      'evidence',
      'import',
      join(dir, 'evidence.csv'),
      '-w',
      'Evidence Co',
      '--companies',
      join(dir, 'companies.csv'),
      '--json',
    ];
    const dry = await headway(...args, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout) as EvidenceImportReport).toMatchObject({
      evidence: 4,
      companies: 2,
      ideas: 2,
      problems: [],
      written: false,
    });
    const before = JSON.parse((await headway('ideas', '-w', 'Evidence Co', '--json')).stdout) as IdeaList;
    expect(before.ideas).toEqual([]);

    const real = await headway(...args);
    expect(JSON.parse(real.stdout) as EvidenceImportReport).toMatchObject({
      evidence: 4,
      ideasCreated: 2,
      written: true,
    });
    const ideas = await headway('ideas', '-w', 'Evidence Co', '--json');
    expect(ideas.code, ideas.stderr).toBe(0);
    const list = JSON.parse(ideas.stdout) as IdeaList;
    expect(
      list.ideas.map(({ ref, title, accounts, evidence, revenue }) => ({
        ref,
        title,
        accounts,
        evidence,
        revenue,
      })),
    ).toEqual([
      { ref: 'IDEA-1', title: 'IDEA-1', accounts: 2, evidence: 3, revenue: 70_000 },
      { ref: 'IDEA-2', title: 'IDEA-2', accounts: 1, evidence: 1, revenue: 20_000 },
    ]);
    const text = await headway('ideas', '-w', 'Evidence Co');
    expect(text.stdout).toContain('2 accounts heard');
  });

  it('should refuse a bad file with exit 1, naming the row and column', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'text,importance\nFine,2\nToo loud,9\n');
    const result = await headway('evidence', 'import', bad, '-w', 'Evidence Co');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Nothing imported');
    expect(result.stdout).toMatch(/error evidence row 3 importance: give the importance as 0/);
  });
});
