import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Company, CompanyList, EvidenceImportReport, IdeaList, Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let other: Team;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'developer', 'viewer']);
  other = await createTeam(ctx.app, ['founder']);
});
afterAll(() => ctx.close());

const W = (t: Team) => `/api/workspaces/${t.workspaceId}`;

const COMPANIES = [
  'external_id,name,domains,arr,tier,segment',
  'co-1,Acme,acme.com;acme.io,120000,enterprise,mid-market',
  'co-2,"Globex, Inc.",globex.com,30000,pro,smb',
  'co-3,Initech,,,,',
].join('\n');

// Awkward on purpose: a quoted newline, a formula-looking cell, unicode, a company found only
// from the requester's e-mail domain, an unknown company, and an existing item by number.
const evidenceCsv = (itemNumber: number) =>
  [
    'external_id,created_at,source_type,source_url,requester_email,company,text,idea_ref,importance',
    `ev-1,2026-10-01,sales,https://crm.example.com/n/1,ana@acme.com,Acme,"Needs SSO
before renewal",SSO,3`,
    'ev-2,2026-10-03,support,,bo@acme.io,,"=HYPERLINK(""http://x"")",SSO,1',
    'ev-3,2026-10-04T09:30:00Z,interview,,li@globex.com,co-2,Ünïcödé 日本語 ✓,SSO,2',
    'ev-4,2026-10-05,portal,,zoe@unknown.dev,Umbrella,Audit log export please,Audit log,2',
    `ev-5,2026-10-06,email,,max@globex.com,,Faster search,#${itemNumber},`,
    'ev-6,2026-10-07,,,,,"Loose note, no idea yet",,0',
  ].join('\n');

async function counts(t: Team) {
  const ideas = await t.founder.get<IdeaList>(`${W(t)}/ideas`);
  expect(ideas.status).toBe(200);
  return ideas.body;
}

describe('evidence import', () => {
  let search: Item;

  beforeAll(async () => {
    search = (await team.cpo.post<Item>(`${W(team)}/items`, { type: 'feature', title: 'Search' })).body;
  });

  it('should count a dry run exactly and write nothing', async () => {
    const res = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, {
      evidenceCsv: evidenceCsv(search.number),
      companiesCsv: COMPANIES,
      dryRun: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      written: false,
      evidence: 6,
      evidenceCreated: 6,
      companies: 3,
      companiesCreated: 4,
      ideas: 3,
      ideasCreated: 2,
    });
    expect(res.body.problems).toEqual([
      expect.objectContaining({ file: 'evidence', row: 5, column: 'company', severity: 'warning' }),
    ]);
    expect((await counts(team)).ideas).toEqual([]);
  });

  it('should import, resolve companies and ideas, and add nothing on a re-import', async () => {
    const body = { evidenceCsv: evidenceCsv(search.number), companiesCsv: COMPANIES };
    const first = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, body);
    expect(first.body).toMatchObject({
      written: true,
      evidenceCreated: 6,
      companiesCreated: 4,
      ideasCreated: 2,
    });
    const list = await counts(team);
    expect(list.accountsHeard).toBe(3);
    expect(list.unlinkedEvidence).toBe(1);
    const sso = list.ideas.find((idea) => idea.ref === 'SSO');
    // Acme twice (by name and by its second domain) counts once; Globex once.
    expect(sso).toMatchObject({
      accounts: 2,
      evidence: 3,
      revenue: 150_000,
      revenueUnknown: 0,
      importance: 1 + 2,
    });
    expect(sso?.reach).toMatchObject({ asked: 2, heard: 3 });
    expect(sso?.reach.low).toBeLessThan(0.5);
    expect(sso?.reach.high).toBeGreaterThan(0.5);
    expect(list.ideas.find((idea) => idea.ref === `#${search.number}`)).toMatchObject({
      title: 'Search',
      accounts: 1,
      revenue: 30_000,
    });
    expect(list.ideas.find((idea) => idea.ref === 'Audit log')).toMatchObject({
      accounts: 1,
      revenueUnknown: 1,
    });

    const again = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, body);
    expect(again.body).toMatchObject({
      written: true,
      evidenceCreated: 0,
      evidenceUpdated: 0,
      companiesCreated: 0,
      ideasCreated: 0,
    });
    expect(await counts(team)).toEqual(list);
  });

  it('should update a re-imported row whose cells changed, keeping one row', async () => {
    const changed = evidenceCsv(search.number).replace('Faster search,', 'Much faster search,');
    const res = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, {
      evidenceCsv: changed,
    });
    expect(res.body).toMatchObject({ evidenceCreated: 0, evidenceUpdated: 1 });
  });

  it('should refuse a file with any bad row, say where, and write nothing', async () => {
    const before = await counts(team);
    const bad = [
      'external_id,created_at,source_type,source_url,requester_email,company,text,idea_ref,importance',
      'x-1,0000-01-01,sales,,,,"fine",New idea,1',
      'x-2,2026-01-01,fax,javascript:alert(1),not-an-email,,,New idea,7',
      'x-1,2026-01-01,sales,,,,"again",New idea,1',
      'x-4,2026-01-01,sales,,,,"no such item",#999999,1',
    ].join('\n');
    const res = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, { evidenceCsv: bad });
    expect(res.status).toBe(200);
    expect(res.body.written).toBe(false);
    const where = res.body.problems.map((p) => `${p.row}:${p.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '2:created_at',
        '3:source_type',
        '3:source_url',
        '3:requester_email',
        '3:text',
        '3:importance',
        '4:external_id',
      ]),
    );
    expect(await counts(team)).toEqual(before);
  });

  it('should refuse a revenue above what the companies API keeps, on its row, and change nothing', async () => {
    const acme = async () => {
      const list = await team.cpo.get<CompanyList>(`${W(team)}/companies`);
      return list.body.companies.find((c) => c.externalId === 'co-1') as Company;
    };
    const before = await acme();
    expect(before.arr).toBe(120000);
    const tooMuch = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, {
      evidenceCsv: 'text',
      companiesCsv: 'external_id,name,arr\nco-9,Hooli,2000000000\nco-1,Acme,2000000000.01',
    });
    expect(tooMuch.status).toBe(200);
    expect(tooMuch.body.written).toBe(false);
    expect(tooMuch.body.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        file: 'companies',
        row: 3,
        column: 'arr',
        message: 'give the annual revenue as at most 2,000,000,000, the most a company keeps',
        severity: 'error',
      },
    ]);
    expect(await acme()).toEqual(before);

    // At the limit, the company imports, and the API saves it unchanged.
    const most = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, {
      evidenceCsv: 'text',
      companiesCsv: 'external_id,name,arr\nco-1,Acme,2000000000',
    });
    expect(most.body.written).toBe(true);
    const imported = await acme();
    expect(imported.arr).toBe(2_000_000_000);
    const saved = await team.cpo.patch<Company>(`${W(team)}/companies/${imported.id}`, {
      version: imported.version,
      arr: imported.arr,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.arr).toBe(2_000_000_000);
  });

  it('should take the revenue as monthly (12 × it a year), and refuse two revenues that disagree', async () => {
    const company = async (externalId: string) => {
      const list = await team.cpo.get<CompanyList>(`${W(team)}/companies`);
      return list.body.companies.find((c) => c.externalId === externalId);
    };
    const disagree = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, {
      evidenceCsv: 'text',
      companiesCsv:
        'external_id,name,arr,mrr\nco-m1,Monthly Co,,1250.50\nco-m2,Both Co,24000,2000\nco-m3,Wrong Co,24000,1000',
    });
    expect(disagree.body.written).toBe(false);
    expect(disagree.body.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        file: 'companies',
        row: 4,
        column: 'mrr',
        message: 'give the revenue once, as arr or as mrr: 24000 a year is not 12 × 1000 a month',
        severity: 'error',
      },
    ]);
    expect(await company('co-m1')).toBeUndefined();

    const agreed = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, {
      evidenceCsv: 'text',
      companiesCsv: 'external_id,name,arr,mrr\nco-m1,Monthly Co,,1250.50\nco-m2,Both Co,24000,2000',
    });
    expect(agreed.body.written).toBe(true);
    expect((await company('co-m1'))?.arr).toBe(15_006);
    expect((await company('co-m2'))?.arr).toBe(24_000);
  });

  it('should refuse an unknown item number without creating the other ideas of the file', async () => {
    const before = await counts(team);
    const res = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, {
      evidenceCsv: 'text,idea_ref\nA brand new idea,Brand new\nOn a missing item,#999999',
    });
    expect(res.body.written).toBe(false);
    expect(res.body.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'idea_ref', severity: 'error' }),
    ]);
    expect(await counts(team)).toEqual(before);
  });

  it('should refuse a file without a text column, and a viewer', async () => {
    const noText = await team.cpo.post<EvidenceImportReport>(`${W(team)}/evidence/import`, {
      evidenceCsv: 'external_id,idea_ref\n1,SSO',
    });
    expect(noText.body.problems[0]).toMatchObject({ column: 'text', severity: 'error' });
    const viewer = await team.viewer.post(`${W(team)}/evidence/import`, { evidenceCsv: 'text\nhello' });
    expect(viewer.status).toBe(403);
  });

  it('should keep each workspace to its own evidence', async () => {
    expect((await counts(other)).ideas).toEqual([]);
    const foreign = await other.founder.get(`${W(team)}/ideas`);
    expect(foreign.status).toBe(404);
  });
});
