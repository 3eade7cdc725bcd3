import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BriefView,
  Company,
  CompanyList,
  EvidenceImportReport,
  IdeaList,
  Inbox,
  Item,
  Member,
} from '../../src/contract';
import { todayIso } from '../../src/contract';
import { decisionLog, users } from '../../src/db/schema';
import { addDays } from '../../src/domain/shared';
import { createTestApp } from '../support/app';
import type { TestClient } from '../support/client';
import { buildUser } from '../support/factories';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
/** The developer owns the account of Acme; nobody else owns one. */
let ownerEmail: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'cto', 'developer', 'viewer']);
  const [row] = await ctx.handle.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, team.developer.userId));
  ownerEmail = row?.email ?? '';
});
afterAll(() => ctx.close());

const W = () => `/api/workspaces/${team.workspaceId}`;
type ErrorBody = { error: { code: string; message: string } };

async function companies(): Promise<Company[]> {
  const res = await team.cpo.get<CompanyList>(`${W()}/companies`);
  expect(res.status).toBe(200);
  return res.body.companies;
}

async function ideaNamed(ref: string) {
  const res = await team.cpo.get<IdeaList>(`${W()}/ideas`);
  const idea = res.body.ideas.find((i) => i.ref === ref);
  if (!idea) throw new Error(`no idea ${ref}`);
  return idea;
}

async function brief(client: TestClient) {
  const res = await client.get<BriefView>(`${W()}/brief`);
  expect(res.status).toBe(200);
  return res.body;
}

const linesOf = (view: BriefView, kind: string) =>
  view.sections.find((s) => s.kind === kind)?.lines.map((l) => ({ text: l.text, detail: l.detail })) ?? [];

describe('account owners on companies', () => {
  it('should set a member as owner, refuse anyone else with a 400 naming the field, and refuse a stale version', async () => {
    const made = await team.developer.post<Company>(`${W()}/companies`, {
      name: 'Initech',
      domains: ['Initech.com'],
      arr: 12000,
      ownerUserId: team.cto.userId,
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: 'Initech',
      domains: ['initech.com'],
      owner: { userId: team.cto.userId },
      version: 1,
    });
    const stranger = await buildUser(ctx.handle.db, { name: 'Not A Member' });
    const refused = await team.cpo.patch<ErrorBody>(`${W()}/companies/${made.body.id}`, {
      version: 1,
      ownerUserId: stranger.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/ownerUserId: .* is not a member of this workspace/);
    const created = await team.cpo.post<ErrorBody>(`${W()}/companies`, {
      name: 'Hooli',
      ownerUserId: stranger.id,
    });
    expect(created.status).toBe(400);
    expect((await companies()).map((c) => c.name)).toEqual(['Initech']);

    const cleared = await team.cpo.patch<Company>(`${W()}/companies/${made.body.id}`, {
      version: 1,
      ownerUserId: null,
      tier: 'gold',
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ owner: null, tier: 'gold', version: 2 });
    const stale = await team.cpo.patch<ErrorBody>(`${W()}/companies/${made.body.id}`, {
      version: 1,
      ownerUserId: team.cpo.userId,
    });
    expect(stale.status).toBe(409);
    const viewer = await team.viewer.patch<ErrorBody>(`${W()}/companies/${made.body.id}`, {
      version: 2,
      ownerUserId: team.viewer.userId,
    });
    expect(viewer.status).toBe(403);
    expect((await companies())[0]).toMatchObject({ owner: null, version: 2 });
  });

  it("should resolve a company CSV's owner_email to a member, and refuse an unknown one as a problem line writing nothing", async () => {
    const evidenceCsv = [
      'external_id,requester_email,company,text,idea_ref,importance',
      'ev-1,ana@acme.com,Acme,Needs SSO,SSO,3',
      'ev-2,li@globex.com,Globex,SSO please,SSO,2',
      'ev-3,bo@acme.com,Acme,Export to CSV,Export,1',
    ].join('\n');
    const unknown = await team.cpo.post<EvidenceImportReport>(`${W()}/evidence/import`, {
      evidenceCsv,
      companiesCsv: 'external_id,name,domains,arr,owner_email\nco-1,Acme,acme.com,50000,nobody@example.com',
    });
    expect(unknown.status).toBe(200);
    expect(unknown.body.written).toBe(false);
    const errors = unknown.body.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ file: 'companies', row: 2, column: 'owner_email', severity: 'error' }),
    ]);
    expect(errors[0]?.message).toMatch(/nobody@example.com is not a member/);
    expect((await companies()).map((c) => c.name)).toEqual(['Initech']);

    const known = await team.cpo.post<EvidenceImportReport>(`${W()}/evidence/import`, {
      evidenceCsv,
      companiesCsv: `external_id,name,domains,arr,owner_email\nco-1,Acme,acme.com,50000,${ownerEmail.toUpperCase()}`,
    });
    expect(known.body.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(known.body.written).toBe(true);
    const acme = (await companies()).find((c) => c.name === 'Acme');
    expect(acme?.owner?.userId).toBe(team.developer.userId);
  });

  it("should list in the owner's brief the decisions on what their accounts asked for, with the why", async () => {
    const sso = await ideaNamed('SSO');
    const decided = await team.cpo.post(`${W()}/ideas/${sso.itemId}/decision`, {
      outcome: 'accepted',
      reason: 'Two accounts need it before renewal',
      version: sso.version,
    });
    expect(decided.status).toBe(200);
    const mine = linesOf(await brief(team.developer), 'ideas');
    expect(mine).toContainEqual({
      text: expect.stringMatching(
        /^Accepted: #\d+ SSO \(asked for by Acme\) \(decided by .+ on \d{4}-\d{2}-\d{2}\)$/,
      ),
      detail: 'Why: Two accounts need it before renewal',
    });
    // Nobody else owns an account: the CTO's brief has nothing about ideas.
    expect(linesOf(await brief(team.cto), 'ideas')).toEqual([]);
    // The owner reads the decision once, where it names their accounts; others among the changes.
    const about = (view: BriefView) =>
      view.sections.flatMap((s) =>
        s.lines.filter((l) => l.itemId === sso.itemId && /accept/i.test(l.text)).map(() => s.kind),
      );
    expect(about(await brief(team.developer))).toEqual(['ideas']);
    expect(about(await brief(team.cto))).toEqual(['changes']);
  });

  it('should tell the account owner, in the alerts and their brief, when the promised date falls below the threshold', async () => {
    const sso = await ideaNamed('SSO');
    const item = (await team.cpo.get<Item>(`${W()}/items/${sso.itemId}`)).body;
    const estimated = await team.cto.patch<Item>(`${W()}/items/${sso.itemId}`, {
      version: item.version,
      estimate: { optimistic: 20, likely: 30, pessimistic: 45 },
    });
    const near = await team.cpo.patch<Item>(`${W()}/items/${sso.itemId}`, {
      version: estimated.body.version,
      targetDate: addDays(todayIso(), 14),
    });
    expect(near.status).toBe(200);
    const seen = await team.developer.get<IdeaList>(`${W()}/ideas`);
    expect(seen.body.alerts).toEqual([
      expect.objectContaining({
        itemId: sso.itemId,
        mine: true,
        accountOwners: [{ userId: team.developer.userId, name: expect.any(String), companies: ['Acme'] }],
      }),
    ]);
    expect((await team.cto.get<IdeaList>(`${W()}/ideas`)).body.alerts[0]?.mine).toBe(false);
    const owner = linesOf(await brief(team.developer), 'ideas');
    expect(owner[0]?.text).toMatch(/^Promise at risk: #\d+ SSO \(asked for by Acme\) is \d+ % likely by /);
    // The scope holder still hears of it, with every account that asked.
    const holder = linesOf(await brief(team.cpo), 'ideas');
    expect(holder[0]?.text).toMatch(/SSO \(asked for by Acme, Globex\) is \d+ % likely/);
    expect(linesOf(await brief(team.cto), 'ideas')).toEqual([]);
  });
});

describe('a parked idea whose review day has come', () => {
  it('should wait on the scope holder with why it was parked, and leave once decided again', async () => {
    const exported = await ideaNamed('Export');
    const parked = await team.cpo.post<{ decisionId: number }>(`${W()}/ideas/${exported.itemId}/decision`, {
      outcome: 'parked',
      reason: 'After the billing rework',
      reviewOn: addDays(todayIso(), 10),
      version: exported.version,
    });
    expect(parked.status).toBe(200);
    const inbox = async (client: TestClient) => (await client.get<Inbox>(`${W()}/inbox`)).body;
    expect((await inbox(team.cpo)).entries.filter((e) => e.kind === 'review')).toEqual([]);

    // Time passes: the review day is now three days ago.
    const dueOn = addDays(todayIso(), -3);
    await ctx.handle.db
      .update(decisionLog)
      .set({
        details: sql`jsonb_set(${decisionLog.details}, '{idea,reviewOn}', ${JSON.stringify(dueOn)}::jsonb)`,
      })
      .where(and(eq(decisionLog.id, parked.body.decisionId)));
    const due = await inbox(team.cpo);
    expect(due.counts.review).toBe(1);
    expect(due.entries.filter((e) => e.kind === 'review')).toEqual([
      expect.objectContaining({
        itemId: exported.itemId,
        decision: 'scope',
        since: `${dueOn}T00:00:00.000Z`,
        ageDays: 3,
        question: 'Parked because: After the billing rework',
      }),
    ]);
    const waiting = linesOf(await brief(team.cpo), 'waiting');
    expect(waiting).toContainEqual({
      text: `Parked idea #${exported.number} Export is due for review since ${dueOn}`,
      detail: 'Parked because: After the billing rework',
    });
    // A viewer holds no decision: nothing waits on them, and deciding is refused.
    expect((await inbox(team.viewer)).entries).toEqual([]);
    const refused = await team.viewer.post(`${W()}/ideas/${exported.itemId}/decision`, {
      outcome: 'declined',
      reason: 'No',
      version: (await ideaNamed('Export')).version,
    });
    expect(refused.status).toBe(403);

    const again = await team.cpo.post(`${W()}/ideas/${exported.itemId}/decision`, {
      outcome: 'parked',
      reason: 'Still after the billing rework',
      reviewOn: addDays(todayIso(), 30),
      version: (await ideaNamed('Export')).version,
    });
    expect(again.status).toBe(200);
    expect((await inbox(team.cpo)).counts.review).toBe(0);
  });
});

describe('an account owner who leaves the team', () => {
  const memberIds = async () =>
    (await team.founder.get<{ data: Member[] }>(`${W()}/members`)).body.data.map((m) => m.userId);

  it('should leave their companies without an owner in the same transaction, and tell the founder', async () => {
    const acme = (await companies()).find((c) => c.name === 'Acme') as Company;
    expect(acme.owner?.userId).toBe(team.developer.userId);

    // Un-owning the company fails: the member stays, and so does the owner.
    const run = (statement: string) => ctx.handle.db.execute(sql.raw(statement));
    await run(
      "create function refuse_unowning() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$",
    );
    await run(
      'create trigger refuse_unowning before update on companies for each row when (old.owner_user_id is not null and new.owner_user_id is null) execute function refuse_unowning()',
    );
    const failed = await team.founder.delete(`${W()}/members/${team.developer.userId}`);
    await run('drop trigger refuse_unowning on companies');
    await run('drop function refuse_unowning()');
    expect(failed.status).toBe(500);
    expect(await memberIds()).toContain(team.developer.userId);
    expect((await companies()).find((c) => c.name === 'Acme')).toEqual(acme);

    const removed = await team.founder.delete(`${W()}/members/${team.developer.userId}`);
    expect(removed.status).toBe(204);
    expect(await memberIds()).not.toContain(team.developer.userId);
    const after = (await companies()).find((c) => c.name === 'Acme');
    expect(after).toEqual({
      ...acme,
      owner: null,
      importedOwner: ownerEmail.toLowerCase(),
      version: acme.version + 1,
    });

    const [developer] = await ctx.handle.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, team.developer.userId));
    expect(linesOf(await brief(team.founder), 'ideas')).toContainEqual({
      text: `No account owner: Acme (was ${developer?.name}, left)`,
      detail: 'Choose a new owner among the companies on the Ideas page.',
    });
    expect(
      linesOf(await brief(team.cpo), 'ideas').filter((l) => l.text.startsWith('No account owner')),
    ).toEqual([]);

    // Once someone owns it again, the line goes.
    const owned = await team.cpo.patch<Company>(`${W()}/companies/${acme.id}`, {
      version: acme.version + 1,
      ownerUserId: team.cto.userId,
    });
    expect(owned.status).toBe(200);
    expect(owned.body).toMatchObject({ owner: { userId: team.cto.userId }, importedOwner: null });
    expect(
      linesOf(await brief(team.founder), 'ideas').filter((l) => l.text.startsWith('No account owner')),
    ).toEqual([]);
  });
});
