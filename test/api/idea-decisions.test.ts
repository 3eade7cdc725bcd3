import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionLogEntry, IdeaDecision, IdeaList, Item } from '../../src/contract';
import { todayIso } from '../../src/contract';
import { addDays } from '../../src/domain/shared';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'cto', 'developer', 'viewer']);
});
afterAll(() => ctx.close());

const W = () => `/api/workspaces/${team.workspaceId}`;

const EVIDENCE = [
  'external_id,created_at,source_type,source_url,requester_email,company,text,idea_ref,importance',
  'ev-1,2026-10-01,sales,,ana@acme.com,Acme,Needs SSO,SSO,3',
  'ev-2,2026-10-02,support,,li@globex.com,Globex,SSO please,SSO,2',
  'ev-3,2026-10-03,support,,bo@initech.com,Initech,<script>alert(1)</script> export,Export,1',
].join('\n');

async function ideas(client = team.cpo) {
  const res = await client.get<IdeaList>(`${W()}/ideas`);
  expect(res.status).toBe(200);
  return res.body;
}

async function sso() {
  const idea = (await ideas()).ideas.find((i) => i.ref === 'SSO');
  if (!idea) throw new Error('the SSO idea is missing');
  return idea;
}

describe('decisions on ideas', () => {
  beforeAll(async () => {
    const res = await team.cpo.post(`${W()}/evidence/import`, { evidenceCsv: EVIDENCE });
    expect(res.status).toBe(200);
  });

  it('should refuse a member without the scope decision and name who decides', async () => {
    const idea = await sso();
    const res = await team.developer.post<{ error: { code: string; message: string } }>(
      `${W()}/ideas/${idea.itemId}/decision`,
      { outcome: 'accepted', reason: 'Customers ask', version: idea.version },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.message).toMatch(/Scope/);
    expect((await sso()).decision).toBeNull();
  });

  it('should refuse a parked idea without a review day, or one in the past, and change nothing', async () => {
    const idea = await sso();
    for (const body of [
      { outcome: 'parked', reason: 'Later', version: idea.version },
      { outcome: 'parked', reason: 'Later', version: idea.version, reviewOn: '2020-01-01' },
      { outcome: 'accepted', reason: 'Now', version: idea.version, reviewOn: '2099-01-01' },
      { outcome: 'accepted', reason: '   ', version: idea.version },
    ]) {
      const res = await team.cpo.post<{ error: { message: string } }>(
        `${W()}/ideas/${idea.itemId}/decision`,
        body,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/review day|reason/);
    }
    expect((await sso()).version).toBe(idea.version);
  });

  it('should log an accepted idea with its reason and the evidence at the time, and refuse a stale page', async () => {
    const idea = await sso();
    const res = await team.cpo.post<IdeaDecision>(`${W()}/ideas/${idea.itemId}/decision`, {
      outcome: 'accepted',
      reason: 'Two paying accounts need it before renewal',
      version: idea.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'accepted',
      reason: 'Two paying accounts need it before renewal',
      reviewOn: null,
      snapshot: { accounts: 2, evidence: 2, reach: { asked: 2, heard: 3 } },
    });
    const after = await sso();
    expect(after.decision).toEqual(res.body);
    expect(after.companies).toEqual(['Acme', 'Globex']);
    expect(after.version).toBe(idea.version + 1);

    const log = await team.viewer.get<{ data: DecisionLogEntry[] }>(`${W()}/decisions?itemId=${idea.itemId}`);
    const entry = log.body.data.find((e) => Number(e.id) === res.body.decisionId);
    expect(entry).toMatchObject({
      decision: 'scope',
      rationale: 'Two paying accounts need it before renewal',
    });
    expect(entry?.summary).toMatch(/^Accepted the idea .*SSO.*2 accounts, 2 notes/);

    const stale = await team.cpo.post(`${W()}/ideas/${idea.itemId}/decision`, {
      outcome: 'declined',
      reason: 'Changed my mind',
      version: idea.version,
    });
    expect(stale.status).toBe(409);
    expect((await sso()).decision?.outcome).toBe('accepted');
  });

  it('should park an idea until its review day, keeping hostile titles as plain text', async () => {
    const exported = (await ideas()).ideas.find((i) => i.ref === 'Export')!;
    const reviewOn = addDays(todayIso(), 30);
    const res = await team.founder.post<IdeaDecision>(`${W()}/ideas/${exported.itemId}/decision`, {
      outcome: 'parked',
      reason: '<b>not now</b>',
      reviewOn,
      version: exported.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'parked', reviewOn, reason: '<b>not now</b>' });
  });

  it('should alert the scope holder when the promised date of an accepted idea becomes unlikely', async () => {
    const idea = await sso();
    const item = (await team.cpo.get<Item>(`${W()}/items/${idea.itemId}`)).body;
    const estimated = await team.cto.patch<Item>(`${W()}/items/${idea.itemId}`, {
      version: item.version,
      estimate: { optimistic: 3, likely: 5, pessimistic: 8 },
    });
    expect(estimated.status).toBe(200);
    const far = await team.cpo.patch<Item>(`${W()}/items/${idea.itemId}`, {
      version: estimated.body.version,
      targetDate: addDays(todayIso(), 120),
    });
    expect(far.status).toBe(200);
    const safe = await ideas();
    const promise = safe.ideas.find((i) => i.itemId === idea.itemId)?.promise;
    expect(promise).toMatchObject({ status: 'forecast', atRisk: false });
    expect(promise?.probability).toBeGreaterThanOrEqual(safe.alertBelow);
    expect(safe.alerts).toEqual([]);

    // The same idea grows and its date comes close: the chance of meeting it falls.
    const bigger = await team.cto.patch<Item>(`${W()}/items/${idea.itemId}`, {
      version: far.body.version,
      estimate: { optimistic: 20, likely: 30, pessimistic: 45 },
    });
    const near = await team.cpo.patch<Item>(`${W()}/items/${idea.itemId}`, {
      version: bigger.body.version,
      targetDate: addDays(todayIso(), 14),
    });
    expect(near.status).toBe(200);
    const risky = await ideas();
    const fallen = risky.ideas.find((i) => i.itemId === idea.itemId)?.promise;
    expect(fallen?.atRisk).toBe(true);
    expect(fallen?.probability).toBeLessThan(risky.alertBelow);
    expect(risky.alerts).toEqual([
      expect.objectContaining({ itemId: idea.itemId, targetDate: addDays(todayIso(), 14), mine: true }),
    ]);
    expect(risky.alerts[0]?.holders.map((h) => h.userId)).toContain(team.cpo.userId);
    // Everyone sees it; only the holders are told it is theirs.
    expect((await ideas(team.developer)).alerts[0]?.mine).toBe(false);
  });
});

describe('the alert threshold of promised ideas', () => {
  it('should be set by the roadmap holder as a logged decision, and refuse a stale or bad one', async () => {
    const before = await ideas();
    expect(before.alertBelow).toBe(0.7);
    const url = `${W()}/ideas/alert-threshold`;
    const refused = await team.developer.put(url, { percent: 1, basedOn: before.alertThresholdDecisionId });
    expect(refused.status).toBe(403);
    for (const percent of [0, 100, 50.5]) {
      const bad = await team.cpo.put(url, { percent, basedOn: before.alertThresholdDecisionId });
      expect(bad.status).toBe(400);
    }
    const set = await team.cpo.put<{ alertBelow: number; decisionId: number }>(url, {
      percent: 1,
      reason: 'Only tell us when a date is nearly lost',
      basedOn: before.alertThresholdDecisionId,
    });
    expect(set.status).toBe(200);
    expect(set.body.alertBelow).toBe(0.01);
    const stale = await team.cpo.put(url, { percent: 90, basedOn: before.alertThresholdDecisionId });
    expect(stale.status).toBe(409);

    const after = await ideas();
    expect(after).toMatchObject({ alertBelow: 0.01, alertThresholdDecisionId: set.body.decisionId });
    // Every promise is judged against the new threshold.
    for (const idea of after.ideas) {
      if (idea.promise?.probability == null) continue;
      expect(idea.promise.atRisk).toBe(idea.promise.probability < 0.01);
    }
    expect(after.alerts.every((a) => a.probability < 0.01)).toBe(true);
    const log = await team.viewer.get<{ data: DecisionLogEntry[] }>(`${W()}/decisions?decision=roadmap`);
    expect(log.body.data[0]).toMatchObject({
      summary: 'Set the alert threshold of promised ideas to 1 % (was 70 %)',
      rationale: 'Only tell us when a date is nearly lost',
    });
  });
});
