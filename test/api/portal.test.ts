/**
 * The public ideas portal: publishing it, what a signed-out visitor reads, and a submission's way
 * through e-mail verification and moderation to evidence from the source "portal"; a rejection,
 * a bad link, the limits, the roles, and bad input.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  IdeaList,
  PortalQueue,
  PortalReceipt,
  PortalSettings,
  PortalSubmissionView,
  PortalVerified,
  PublicPortal,
} from '../../src/contract';
import { evidence, items, portalSubmissions } from '../../src/db/schema';
import { createTestApp, databaseOf } from '../support/app';
import { TestClient } from '../support/client';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let sink: SmtpSink;

const SLUG = 'acme-ideas';
const PORTAL = `/api/public/portal/${SLUG}`;
const W = () => `/api/workspaces/${team.workspaceId}`;

const EVIDENCE = [
  'external_id,created_at,source_type,source_url,requester_email,company,text,idea_ref,importance',
  'ev-1,2026-10-01,sales,,ana@acme.com,Initrode,Needs SSO,SSO,3',
  'ev-2,2026-10-02,support,,li@globex.com,Globex,Export to CSV,Export,1',
].join('\n');
const COMPANIES = ['external_id,name,domains,arr,tier,segment', 'c-1,Initrode,acme.com,12000,gold,smb'].join(
  '\n',
);

beforeAll(async () => {
  sink = await startSmtpSink();
  ctx = await createTestApp({
    mail: {
      smtpUrl: sink.url,
      from: 'Headway <headway@example.com>',
      publicUrl: 'https://headway.example.com',
    },
  });
  team = await createTeam(ctx.app, ['founder', 'cpo', 'developer', 'viewer']);
  const imported = await team.cpo.post(`${W()}/evidence/import`, {
    evidenceCsv: EVIDENCE,
    companiesCsv: COMPANIES,
  });
  expect(imported.status).toBe(200);
});
afterAll(async () => {
  await ctx.close();
  await sink.close();
});

let n = 0;
/** A signed-out visitor from an address of its own, so each has its own counters. */
function visitor(): TestClient {
  n += 1;
  const client = new TestClient(ctx.app);
  client.address = `203.0.113.${n}`;
  return client;
}

/** The token of the last verification link mailed to an address. */
function tokenMailedTo(email: string): string {
  const mail = sink.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === email).at(-1);
  const token = /token=(hwp_[A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no link was mailed to ${email}`);
  return token;
}

async function ideaNumber(ref: string): Promise<number> {
  const list = (await team.cpo.get<IdeaList>(`${W()}/ideas`)).body;
  const idea = list.ideas.find((i) => i.ref === ref);
  if (!idea) throw new Error(`no idea ${ref}`);
  return idea.number;
}

const db = () => databaseOf(ctx.app);
async function rowCount(table: typeof evidence | typeof portalSubmissions | typeof items): Promise<number> {
  const [row] = await db().select({ n: count() }).from(table);
  return row?.n ?? 0;
}

async function queue(): Promise<PortalSubmissionView[]> {
  const res = await team.developer.get<PortalQueue>(`${W()}/portal/submissions`);
  expect(res.status).toBe(200);
  return res.body.submissions;
}

describe('an unpublished portal', () => {
  it('should answer 404 to the public, and read as off with no address to members', async () => {
    const res = await visitor().get(PORTAL);
    expect(res.status).toBe(404);
    const settings = await team.viewer.get<PortalSettings>(`${W()}/portal`);
    expect(settings.body).toEqual({ published: false, slug: null, version: 0, pending: 0 });
  });

  it('should refuse a submission to it with 404 and keep nothing', async () => {
    const before = await rowCount(portalSubmissions);
    const res = await visitor().post(`${PORTAL}/submissions`, {
      kind: 'idea',
      email: 'eve@example.org',
      title: 'Dark mode',
      text: 'Please',
      importance: 2,
    });
    expect(res.status).toBe(404);
    expect(await rowCount(portalSubmissions)).toBe(before);
  });
});

describe('publishing the portal', () => {
  it('should be refused to a developer, who does not hold the roadmap decision', async () => {
    const res = await team.developer.put(`${W()}/portal`, { published: true, slug: SLUG, version: 0 });
    expect(res.status).toBe(403);
  });

  it('should publish for the CPO, and refuse a stale version with 409', async () => {
    const res = await team.cpo.put<PortalSettings>(`${W()}/portal`, {
      published: true,
      slug: SLUG,
      version: 0,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ published: true, slug: SLUG, version: 1, pending: 0 });
    const stale = await team.cpo.put(`${W()}/portal`, { published: false, slug: SLUG, version: 0 });
    expect(stale.status).toBe(409);
    expect((await team.cpo.get<PortalSettings>(`${W()}/portal`)).body.published).toBe(true);
  });

  it('should refuse a bad address with 400 saying what to write', async () => {
    const res = await team.cpo.put<{ error: { message: string } }>(`${W()}/portal`, {
      published: true,
      slug: 'Not OK!',
      version: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('lower-case letters, digits or dashes');
  });

  it('should list the ideas with their decision and why, and nothing about the requesters', async () => {
    const list = (await team.cpo.get<IdeaList>(`${W()}/ideas`)).body;
    const sso = list.ideas.find((i) => i.ref === 'SSO');
    if (!sso) throw new Error('no SSO idea');
    const decided = await team.cpo.post(`${W()}/ideas/${sso.itemId}/decision`, {
      outcome: 'declined',
      reason: 'Not this year: we focus on reports',
      version: sso.version,
    });
    expect(decided.status).toBe(200);
    const res = await visitor().get<PublicPortal>(PORTAL);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const workspace = await team.cpo.get<{ name: string }>(W());
    expect(res.body.workspaceName).toBe(workspace.body.name);
    const shown = res.body.ideas.find((i) => i.number === sso.number);
    expect(shown).toMatchObject({
      title: 'SSO',
      requests: 1,
      decision: { outcome: 'declined', reason: 'Not this year: we focus on reports', reviewOn: null },
      promise: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('acme.com');
    expect(JSON.stringify(res.body)).not.toContain('Initrode');
  });
});

describe('a submission from the portal', () => {
  it('should wait for the e-mail, then for a member, and become evidence from the portal on approval', async () => {
    const guest = visitor();
    const number = await ideaNumber('Export');
    const evidenceBefore = await rowCount(evidence);
    const sent = await guest.post<PortalReceipt>(`${PORTAL}/submissions`, {
      kind: 'evidence',
      email: 'Zoe@ACME.com',
      ideaNumber: number,
      text: '<b>We</b> export every Monday',
      importance: 3,
    });
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe('unverified');
    expect(sent.headers.get('set-cookie')).toBeNull();
    const mail = sink.messages.at(-1);
    expect(mail?.text).toContain('https://headway.example.com/portal/acme-ideas/verify?token=hwp_');
    expect(mail?.text).not.toContain('export every Monday');
    expect(mail?.html).toBe(false);
    expect(await queue()).toEqual([]);

    const verified = await guest.post<PortalVerified>(`${PORTAL}/verify`, {
      token: tokenMailedTo('zoe@acme.com'),
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ kind: 'evidence', status: 'pending' });
    const again = await guest.post(`${PORTAL}/verify`, { token: tokenMailedTo('zoe@acme.com') });
    expect(again.status).toBe(404);

    const pending = await queue();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      kind: 'evidence',
      status: 'pending',
      email: 'zoe@acme.com',
      text: '<b>We</b> export every Monday',
      importance: 3,
      idea: { number, title: 'Export' },
    });
    // Nothing shows publicly before it is approved.
    const before = (await visitor().get<PublicPortal>(PORTAL)).body.ideas.find((i) => i.number === number);
    expect(before?.requests).toBe(1);
    expect(evidenceBefore).toBe(await rowCount(evidence));

    const item = pending[0] as PortalSubmissionView;
    const viewer = await team.viewer.post(`${W()}/portal/submissions/${item.id}/approve`, {
      version: item.version,
    });
    expect(viewer.status).toBe(403);
    const approved = await team.developer.post<PortalSubmissionView>(
      `${W()}/portal/submissions/${item.id}/approve`,
      { version: item.version },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const [made] = await db()
      .select()
      .from(evidence)
      .where(eq(evidence.id, approved.body.evidenceId ?? ''));
    expect(made).toMatchObject({
      sourceType: 'portal',
      requesterEmail: 'zoe@acme.com',
      body: '<b>We</b> export every Monday',
      importance: 3,
    });
    const acme = (await team.cpo.get<IdeaList>(`${W()}/ideas`)).body.ideas.find((i) => i.number === number);
    expect(acme?.companies).toEqual(['Globex', 'Initrode']);
    const after = (await visitor().get<PublicPortal>(PORTAL)).body.ideas.find((i) => i.number === number);
    expect(after?.requests).toBe(2);
    const twice = await team.developer.post(`${W()}/portal/submissions/${item.id}/approve`, {
      version: approved.body.version,
    });
    expect(twice.status).toBe(409);
    expect(await rowCount(evidence)).toBe(evidenceBefore + 1);
  });

  it('should make a new idea an item with its evidence once approved', async () => {
    const guest = visitor();
    const itemsBefore = await rowCount(items);
    const idea = { title: 'Dark mode', text: 'Our night shift reads the roadmap', importance: 1 };
    const sent = await guest.post(`${PORTAL}/submissions`, { kind: 'idea', email: 'max@newco.io', ...idea });
    expect(sent.status).toBe(201);
    expect((await guest.post(`${PORTAL}/verify`, { token: tokenMailedTo('max@newco.io') })).status).toBe(200);
    const [item] = await queue();
    expect(item).toMatchObject({ kind: 'idea', title: 'Dark mode', idea: null });
    expect(await rowCount(items)).toBe(itemsBefore);
    const approved = await team.cpo.post<PortalSubmissionView>(
      `${W()}/portal/submissions/${item?.id}/approve`,
      { version: item?.version },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.idea?.title).toBe('Dark mode');
    const shown = (await visitor().get<PublicPortal>(PORTAL)).body.ideas.find((i) => i.title === 'Dark mode');
    expect(shown).toMatchObject({ number: approved.body.idea?.number, requests: 1, decision: null });
    const [note] = await db()
      .select()
      .from(evidence)
      .where(and(eq(evidence.itemId, approved.body.idea?.itemId ?? ''), eq(evidence.sourceType, 'portal')));
    expect(note).toMatchObject({ body: 'Our night shift reads the roadmap', companyId: null, importance: 1 });
  });

  it('should keep a rejected submission out and change nothing else', async () => {
    const guest = visitor();
    const number = await ideaNumber('SSO');
    await guest.post(`${PORTAL}/submissions`, {
      kind: 'vote',
      email: 'spam@spam.example',
      ideaNumber: number,
      importance: 3,
    });
    await guest.post(`${PORTAL}/verify`, { token: tokenMailedTo('spam@spam.example') });
    const [item] = await queue();
    expect(item).toMatchObject({ kind: 'vote', importance: 3, text: null });
    const evidenceBefore = await rowCount(evidence);
    const rejected = await team.developer.post<PortalSubmissionView>(
      `${W()}/portal/submissions/${item?.id}/reject`,
      { version: item?.version },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', evidenceId: null });
    expect(await queue()).toEqual([]);
    expect(await rowCount(evidence)).toBe(evidenceBefore);
    const sso = (await visitor().get<PublicPortal>(PORTAL)).body.ideas.find((i) => i.number === number);
    expect(sso?.requests).toBe(1);
  });

  it('should start a follow on verification, with nothing to moderate', async () => {
    const guest = visitor();
    const number = await ideaNumber('SSO');
    await guest.post(`${PORTAL}/submissions`, {
      kind: 'follow',
      email: 'fan@example.net',
      ideaNumber: number,
    });
    const res = await guest.post<PortalVerified>(`${PORTAL}/verify`, {
      token: tokenMailedTo('fan@example.net'),
    });
    expect(res.body).toMatchObject({ kind: 'follow', status: 'approved' });
    expect(await queue()).toEqual([]);
  });

  it('should answer 404 to an unknown token and 400 to a malformed one', async () => {
    const unknown = await visitor().post(`${PORTAL}/verify`, { token: `hwp_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(404);
    const malformed = await visitor().post<{ error: { message: string } }>(`${PORTAL}/verify`, {
      token: 'abc',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('token from the link');
  });

  it('should answer 404 to a vote on an item that is no idea on the portal', async () => {
    const res = await visitor().post(`${PORTAL}/submissions`, {
      kind: 'vote',
      email: 'x@example.org',
      ideaNumber: 9999,
      importance: 1,
    });
    expect(res.status).toBe(404);
  });
});

describe('the portal’s limits', () => {
  it('should refuse the sixth submission in an hour for one e-mail with 429, keeping nothing of it', async () => {
    const number = await ideaNumber('SSO');
    const vote = { kind: 'vote', email: 'loud@example.org', ideaNumber: number, importance: 3 };
    for (let i = 0; i < 5; i += 1)
      expect((await visitor().post(`${PORTAL}/submissions`, vote)).status).toBe(201);
    const rows = await rowCount(portalSubmissions);
    const mails = sink.messages.length;
    const refused = await visitor().post<{ error: { message: string } }>(`${PORTAL}/submissions`, vote);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(refused.body.error.message).toContain('portal submissions for this e-mail address');
    expect(await rowCount(portalSubmissions)).toBe(rows);
    expect(sink.messages.length).toBe(mails);
  });

  it('should refuse over-long text and NUL bytes with 400 naming the field, keeping nothing', async () => {
    const rows = await rowCount(portalSubmissions);
    const long = await visitor().post<{ error: { message: string } }>(`${PORTAL}/submissions`, {
      kind: 'idea',
      email: 'a@example.org',
      title: 'x'.repeat(201),
      text: 'ok',
      importance: 1,
    });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('keep the title to 200 characters');
    const nul = await visitor().post(`${PORTAL}/submissions`, {
      kind: 'idea',
      email: 'a@example.org',
      title: 'Dark\u0000mode',
      text: 'ok',
      importance: 1,
    });
    expect(nul.status).toBe(400);
    const importance = await visitor().post<{ error: { message: string } }>(`${PORTAL}/submissions`, {
      kind: 'vote',
      email: 'a@example.org',
      ideaNumber: 1,
      importance: 4,
    });
    expect(importance.status).toBe(400);
    expect(importance.body.error.message).toContain('0 (nice to have), 1, 2 or 3');
    const kind = await visitor().post(`${PORTAL}/submissions`, { kind: 'spam', email: 'a@example.org' });
    expect(kind.status).toBe(400);
    expect(await rowCount(portalSubmissions)).toBe(rows);
  });

  it('should answer 404 again once unpublished', async () => {
    const settings = (await team.cpo.get<PortalSettings>(`${W()}/portal`)).body;
    const off = await team.founder.put(`${W()}/portal`, {
      published: false,
      slug: SLUG,
      version: settings.version,
    });
    expect(off.status).toBe(200);
    expect((await visitor().get(PORTAL)).status).toBe(404);
  });
});
