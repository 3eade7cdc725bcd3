/**
 * The public ideas portal: publishing it, what a signed-out visitor reads, and a submission's way
 * through e-mail verification and moderation to evidence from the source "portal"; a rejection,
 * a follow, a bad link. The limits and bad input are in portal-limits.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type {
  IdeaList,
  PortalReceipt,
  PortalSettings,
  PortalSubmissionView,
  PortalVerified,
  PublicPortal,
} from '../../src/contract';
import { evidence, items, portalSubmissions } from '../../src/db/schema';
import { databaseOf } from '../support/app';
import {
  ideaNumber,
  PORTAL,
  preparePortalWorld,
  queue,
  rowCount,
  SLUG,
  tokenMailedTo,
  visitor,
  workspacePath,
} from '../support/portal';

const world = preparePortalWorld();
const W = () => workspacePath(world);

describe('an unpublished portal', () => {
  it('should answer 404 to the public, and read as off with no address to members', async () => {
    const res = await visitor(world).get(PORTAL);
    expect(res.status).toBe(404);
    const settings = await world.team.viewer.get<PortalSettings>(`${W()}/portal`);
    expect(settings.body).toEqual({ published: false, slug: null, version: 0, pending: 0 });
  });

  it('should refuse a submission to it with 404 and keep nothing', async () => {
    const before = await rowCount(world, portalSubmissions);
    const res = await visitor(world).post(`${PORTAL}/submissions`, {
      kind: 'idea',
      email: 'eve@example.org',
      title: 'Dark mode',
      text: 'Please',
      importance: 2,
    });
    expect(res.status).toBe(404);
    expect(await rowCount(world, portalSubmissions)).toBe(before);
  });
});

describe('publishing the portal', () => {
  it('should be refused to a developer, who does not hold the roadmap decision', async () => {
    const res = await world.team.developer.put(`${W()}/portal`, { published: true, slug: SLUG, version: 0 });
    expect(res.status).toBe(403);
  });

  it('should publish for the CPO, and refuse a stale version with 409', async () => {
    const res = await world.team.cpo.put<PortalSettings>(`${W()}/portal`, {
      published: true,
      slug: SLUG,
      version: 0,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ published: true, slug: SLUG, version: 1, pending: 0 });
    const stale = await world.team.cpo.put(`${W()}/portal`, { published: false, slug: SLUG, version: 0 });
    expect(stale.status).toBe(409);
    expect((await world.team.cpo.get<PortalSettings>(`${W()}/portal`)).body.published).toBe(true);
  });

  it('should refuse a bad address with 400 saying what to write', async () => {
    const res = await world.team.cpo.put<{ error: { message: string } }>(`${W()}/portal`, {
      published: true,
      slug: 'Not OK!',
      version: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('lower-case letters, digits or dashes');
  });

  it('should list the ideas with their decision and why, and nothing about the requesters', async () => {
    const list = (await world.team.cpo.get<IdeaList>(`${W()}/ideas`)).body;
    const sso = list.ideas.find((i) => i.ref === 'SSO');
    if (!sso) throw new Error('no SSO idea');
    const decided = await world.team.cpo.post(`${W()}/ideas/${sso.itemId}/decision`, {
      outcome: 'declined',
      reason: 'Not this year: we focus on reports',
      version: sso.version,
    });
    expect(decided.status).toBe(200);
    const res = await visitor(world).get<PublicPortal>(PORTAL);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const workspace = await world.team.cpo.get<{ name: string }>(W());
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
    const guest = visitor(world);
    const number = await ideaNumber(world, 'Export');
    const evidenceBefore = await rowCount(world, evidence);
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
    const mail = world.sink.messages.at(-1);
    expect(mail?.text).toContain('https://headway.example.com/portal/acme-ideas/verify?token=hwp_');
    expect(mail?.text).not.toContain('export every Monday');
    expect(mail?.html).toBe(false);
    expect(await queue(world)).toEqual([]);

    const verified = await guest.post<PortalVerified>(`${PORTAL}/verify`, {
      token: tokenMailedTo(world, 'zoe@acme.com'),
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ kind: 'evidence', status: 'pending' });
    const again = await guest.post(`${PORTAL}/verify`, { token: tokenMailedTo(world, 'zoe@acme.com') });
    expect(again.status).toBe(404);

    const pending = await queue(world);
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
    const before = (await visitor(world).get<PublicPortal>(PORTAL)).body.ideas.find(
      (i) => i.number === number,
    );
    expect(before?.requests).toBe(1);
    expect(evidenceBefore).toBe(await rowCount(world, evidence));

    const item = pending[0] as PortalSubmissionView;
    const viewer = await world.team.viewer.post(`${W()}/portal/submissions/${item.id}/approve`, {
      version: item.version,
    });
    expect(viewer.status).toBe(403);
    const approved = await world.team.developer.post<PortalSubmissionView>(
      `${W()}/portal/submissions/${item.id}/approve`,
      { version: item.version },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const [made] = await databaseOf(world.ctx.app)
      .select()
      .from(evidence)
      .where(eq(evidence.id, approved.body.evidenceId ?? ''));
    expect(made).toMatchObject({
      sourceType: 'portal',
      requesterEmail: 'zoe@acme.com',
      body: '<b>We</b> export every Monday',
      importance: 3,
    });
    const acme = (await world.team.cpo.get<IdeaList>(`${W()}/ideas`)).body.ideas.find(
      (i) => i.number === number,
    );
    expect(acme?.companies).toEqual(['Globex', 'Initrode']);
    const after = (await visitor(world).get<PublicPortal>(PORTAL)).body.ideas.find(
      (i) => i.number === number,
    );
    expect(after?.requests).toBe(2);
    const twice = await world.team.developer.post(`${W()}/portal/submissions/${item.id}/approve`, {
      version: approved.body.version,
    });
    expect(twice.status).toBe(409);
    expect(await rowCount(world, evidence)).toBe(evidenceBefore + 1);
  });

  it('should make a new idea an item with its evidence once approved', async () => {
    const guest = visitor(world);
    const itemsBefore = await rowCount(world, items);
    const idea = { title: 'Dark mode', text: 'Our night shift reads the roadmap', importance: 1 };
    const sent = await guest.post(`${PORTAL}/submissions`, { kind: 'idea', email: 'max@newco.io', ...idea });
    expect(sent.status).toBe(201);
    expect(
      (await guest.post(`${PORTAL}/verify`, { token: tokenMailedTo(world, 'max@newco.io') })).status,
    ).toBe(200);
    const [item] = await queue(world);
    expect(item).toMatchObject({ kind: 'idea', title: 'Dark mode', idea: null });
    expect(await rowCount(world, items)).toBe(itemsBefore);
    const approved = await world.team.cpo.post<PortalSubmissionView>(
      `${W()}/portal/submissions/${item?.id}/approve`,
      { version: item?.version },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.idea?.title).toBe('Dark mode');
    const shown = (await visitor(world).get<PublicPortal>(PORTAL)).body.ideas.find(
      (i) => i.title === 'Dark mode',
    );
    expect(shown).toMatchObject({ number: approved.body.idea?.number, requests: 1, decision: null });
    const [note] = await databaseOf(world.ctx.app)
      .select()
      .from(evidence)
      .where(and(eq(evidence.itemId, approved.body.idea?.itemId ?? ''), eq(evidence.sourceType, 'portal')));
    expect(note).toMatchObject({ body: 'Our night shift reads the roadmap', companyId: null, importance: 1 });
  });

  it('should keep a rejected submission out and change nothing else', async () => {
    const guest = visitor(world);
    const number = await ideaNumber(world, 'SSO');
    await guest.post(`${PORTAL}/submissions`, {
      kind: 'vote',
      email: 'spam@spam.example',
      ideaNumber: number,
      importance: 3,
    });
    await guest.post(`${PORTAL}/verify`, { token: tokenMailedTo(world, 'spam@spam.example') });
    const [item] = await queue(world);
    expect(item).toMatchObject({ kind: 'vote', importance: 3, text: null });
    const evidenceBefore = await rowCount(world, evidence);
    const rejected = await world.team.developer.post<PortalSubmissionView>(
      `${W()}/portal/submissions/${item?.id}/reject`,
      { version: item?.version },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', evidenceId: null });
    expect(await queue(world)).toEqual([]);
    expect(await rowCount(world, evidence)).toBe(evidenceBefore);
    const sso = (await visitor(world).get<PublicPortal>(PORTAL)).body.ideas.find((i) => i.number === number);
    expect(sso?.requests).toBe(1);
  });

  it('should start a follow on verification, with nothing to moderate', async () => {
    const guest = visitor(world);
    const number = await ideaNumber(world, 'SSO');
    await guest.post(`${PORTAL}/submissions`, {
      kind: 'follow',
      email: 'fan@example.net',
      ideaNumber: number,
    });
    const res = await guest.post<PortalVerified>(`${PORTAL}/verify`, {
      token: tokenMailedTo(world, 'fan@example.net'),
    });
    expect(res.body).toMatchObject({ kind: 'follow', status: 'approved' });
    expect(await queue(world)).toEqual([]);
  });

  it('should answer 404 to an unknown token and 400 to a malformed one', async () => {
    const unknown = await visitor(world).post(`${PORTAL}/verify`, { token: `hwp_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(404);
    const malformed = await visitor(world).post<{ error: { message: string } }>(`${PORTAL}/verify`, {
      token: 'abc',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('token from the link');
  });

  it('should answer 404 to a vote on an item that is no idea on the portal', async () => {
    const res = await visitor(world).post(`${PORTAL}/submissions`, {
      kind: 'vote',
      email: 'x@example.org',
      ideaNumber: 9999,
      importance: 1,
    });
    expect(res.status).toBe(404);
  });
});
