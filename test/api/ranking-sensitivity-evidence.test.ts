/**
 * The sensitivity of a ranking to a reach computed from customer evidence: besides one step of
 * its scale, the reach is tried at the ends of its interval, and a change of the top is reported
 * with that interval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceImportReport, Item, RankSensitivityReport } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;
let auditLog: Item;
let bulkExport: Item;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'product_manager', 'developer']);
  base = `/api/workspaces/${team.workspaceId}`;
  const create = async (title: string, scores: Record<string, number>) =>
    (await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title, scores })).body;
  // RICE 70 × 1 × 1.0 / 1 = 70, its reach typed.
  auditLog = await create('Audit log', {
    rice_reach: 70,
    rice_impact: 1,
    rice_confidence: 100,
    rice_effort: 1,
  });
  // Its reach will come from evidence.
  bulkExport = await create('Bulk export', { rice_impact: 1, rice_confidence: 100, rice_effort: 2 });
  // Four accounts heard from: two asked for the export, two for the audit log.
  const sent = await team.product_manager.post<EvidenceImportReport>(`${base}/evidence`, {
    evidence: [
      { text: 'Export all invoices', requester_email: 'ana@acme.com', idea_ref: `#${bulkExport.number}` },
      { text: 'One CSV please', requester_email: 'bo@globex.com', idea_ref: `#${bulkExport.number}` },
      { text: 'Who changed this?', requester_email: 'li@initech.io', idea_ref: `#${auditLog.number}` },
      {
        text: 'We need an audit trail',
        requester_email: 'max@umbrella.dev',
        idea_ref: `#${auditLog.number}`,
      },
    ],
  });
  expect(sent.body.written).toBe(true);
});
afterAll(() => ctx.close());

const sensitivity = () =>
  team.developer.get<RankSensitivityReport>(`${base}/ranking/sensitivity?framework=rice&top=1`);

describe('ranking sensitivity to a reach from evidence', () => {
  it('should report that the export would lead at the high end of its reach interval', async () => {
    const applied = await team.product_manager.post<Item>(`${base}/ideas/${bulkExport.id}/reach-score`, {
      version: bulkExport.version,
      population: 200,
    });
    expect(applied.status).toBe(200);
    bulkExport = applied.body;
    // 2 of 4 asked: reach 0.5 × 200 = 100, RICE 100 × 1 × 1.0 / 2 = 50, second behind the audit
    // log's 70. The Jeffreys interval of 2 in 4 is the 5 % and 95 % quantiles of Beta(2.5, 2.5),
    // 0.165280 and 0.834720 (scipy.stats.beta.ppf), so the reach lies in 33.06–166.94 (× 200,
    // to the cent). At 166.94 the export scores 83.47 > 70 and takes the top place; at 33.06 it
    // scores 16.53 and stays second. One step up (+25 %, 125) gives 62.5 < 70: no step says so.
    // The audit log's reach was typed, so it has no interval however much evidence it has.
    const res = await sensitivity();
    expect(res.status).toBe(200);
    expect(res.body.top.map((item) => item.itemId)).toEqual([auditLog.id]);
    expect(res.body.changes.filter((change) => change.via === 'interval')).toEqual([
      {
        itemId: bulkExport.id,
        number: bulkExport.number,
        title: 'Bulk export',
        scoreKey: 'rice_reach',
        from: 100,
        to: 166.94,
        step: 'up',
        via: 'interval',
        interval: { low: 33.06, high: 166.94 },
        rankBefore: 2,
        rankAfter: 1,
        effect: 'enters-top',
        otherItemId: auditLog.id,
      },
    ]);
    // The one-step changes are reported as before, with no interval: the audit log's impact down
    // to 0.5 (35) or effort up to 1.5 (46.67) drops it below 50; the export's impact up to 2 (100)
    // lifts it above 70. Its effort down to 1.5 gives 66.67 < 70: nothing.
    expect(
      res.body.changes
        .filter((change) => change.via === 'step')
        .map((change) => [change.number, change.scoreKey, change.to, change.effect, change.interval]),
    ).toEqual([
      [auditLog.number, 'rice_impact', 0.5, 'leaves-top', null],
      [auditLog.number, 'rice_effort', 1.5, 'leaves-top', null],
      [bulkExport.number, 'rice_impact', 2, 'enters-top', null],
    ]);
  });

  it('should try no interval once the reach is typed over the one from evidence', async () => {
    const typed = await team.product_manager.patch<Item>(`${base}/items/${bulkExport.id}`, {
      version: bulkExport.version,
      scores: { ...bulkExport.scores, rice_reach: 110 },
    });
    expect(typed.status).toBe(200);
    const res = await sensitivity();
    expect(res.status).toBe(200);
    expect(res.body.changes.filter((change) => change.via === 'interval')).toEqual([]);
  });
});
