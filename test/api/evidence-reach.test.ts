/**
 * An idea's RICE reach taken from its customer evidence: the share of accounts heard that asked,
 * times the accounts in the segment, kept with its interval and shown as "from evidence".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceImportReport, Item, Ranking } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let other: Team;
let base: string;
let idea: Item;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'product_manager', 'developer', 'viewer']);
  other = await createTeam(ctx.app, ['founder']);
  base = `/api/workspaces/${team.workspaceId}`;
  idea = (
    await team.product_manager.post<Item>(`${base}/items`, {
      type: 'feature',
      title: 'Bulk export',
      scores: { rice_impact: 2, rice_confidence: 80, rice_effort: 3 },
    })
  ).body;
  // Four accounts heard from; two of them asked for the idea.
  const sent = await team.product_manager.post<EvidenceImportReport>(`${base}/evidence`, {
    evidence: [
      { text: 'Export all invoices', requester_email: 'ana@acme.com', idea_ref: `#${idea.number}` },
      { text: 'One CSV please', requester_email: 'bo@globex.com', idea_ref: `#${idea.number}` },
      { text: 'Dark mode', requester_email: 'li@initech.io', idea_ref: 'Dark mode' },
      { text: 'SSO', requester_email: 'max@umbrella.dev', idea_ref: 'SSO' },
    ],
  });
  expect(sent.body.written).toBe(true);
});
afterAll(() => ctx.close());

describe('reach from evidence as the RICE reach', () => {
  it('should set reach to the share that asked times the segment, keep the other scores, and say where it came from', async () => {
    const res = await team.product_manager.post<Item>(`${base}/ideas/${idea.id}/reach-score`, {
      version: idea.version,
      population: 200,
    });
    expect(res.status).toBe(200);
    // 2 of 4 accounts heard asked: half of 200.
    expect(res.body.scores).toEqual({ rice_impact: 2, rice_confidence: 80, rice_effort: 3, rice_reach: 100 });
    expect(res.body.version).toBe(idea.version + 1);
    const ranking = await team.developer.get<Ranking>(`${base}/ranking?framework=rice`);
    const row = ranking.body.ranked.find((entry) => entry.itemId === idea.id);
    const reach = row?.provenance.rice_reach;
    expect(reach).toMatchObject({
      setBy: { userId: team.product_manager.userId },
      source: 'evidence',
      basis: '2 of 4 accounts heard asked, of 200 in the segment',
    });
    // The Jeffreys interval of 2 in 4 is wide: a sample of four says so.
    expect(reach?.range?.low).toBeGreaterThan(20);
    expect(reach?.range?.low).toBeLessThan(50);
    expect(reach?.range?.high).toBeGreaterThan(150);
    expect(reach?.range?.high).toBeLessThan(180);
    // The inputs set before keep their setter.
    expect(row?.provenance.rice_impact).toMatchObject({ source: 'typed' });
    idea = res.body;
  });

  it('should refuse a stale version (409), an idea without evidence and a bad segment (400), changing nothing', async () => {
    const stale = await team.product_manager.post(`${base}/ideas/${idea.id}/reach-score`, {
      version: idea.version - 1,
      population: 50,
    });
    expect(stale.status).toBe(409);
    const bare = (await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title: 'Quiet' }))
      .body;
    const none = await team.product_manager.post<{ error: { message: string } }>(
      `${base}/ideas/${bare.id}/reach-score`,
      { version: bare.version, population: 50 },
    );
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe(
      `#${bare.number} has no customer evidence yet: link notes to it first, then its reach can come from them`,
    );
    for (const population of [0, 2.5, 2 ** 31 * 1000]) {
      const bad = await team.product_manager.post(`${base}/ideas/${idea.id}/reach-score`, {
        version: idea.version,
        population,
      });
      expect(bad.status, String(population)).toBe(400);
    }
    const after = await team.product_manager.get<Item>(`${base}/items/${idea.id}`);
    expect(after.body.version).toBe(idea.version);
    expect(after.body.scores.rice_reach).toBe(100);
  });

  it('should refuse a developer and a viewer (scores are the backlog order’s), and another workspace', async () => {
    for (const client of [team.developer, team.viewer]) {
      const res = await client.post(`${base}/ideas/${idea.id}/reach-score`, {
        version: idea.version,
        population: 10,
      });
      expect(res.status).toBe(403);
    }
    const foreign = await other.founder.post(`${base}/ideas/${idea.id}/reach-score`, {
      version: idea.version,
      population: 10,
    });
    expect(foreign.status).toBe(404);
  });
});
