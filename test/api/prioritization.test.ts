import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AppliedRanking,
  CalibratedEstimateView,
  CalibrationReportView,
  Item,
  Ranking,
  RankingComparison,
  RankSensitivityReport,
  ScoringFormula,
} from '../../src/contract';
import { DEMO_PASSWORD, demoEmail } from '../../src/server/demo/demo-workspace';
import { loadDemo } from '../../src/server/demo/load-demo';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

type ErrorResponse = {
  error: {
    code: string;
    message: string;
    details: Record<string, unknown> & { holders?: { name: string }[] };
  };
};

async function newItem(title: string, extra: Record<string, unknown> = {}): Promise<Item> {
  const res = await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title, ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

// Items scored with RICE, in creation (= manual) order. Confidence is stored as a percentage.
let a: Item; // 500 × 1 × 0.8 / 2 = 200
let b: Item; // 1000 × 2 × 1.0 / 4 = 500
let c: Item; // 100 × 3 × 0.5 / 0.5 = 300
let d: Item; // confidence and effort missing

describe('ranking', () => {
  beforeAll(async () => {
    a = await newItem('Saved searches', {
      scores: { rice_reach: 500, rice_impact: 1, rice_confidence: 80, rice_effort: 2 },
    });
    b = await newItem('Usage-based billing', {
      scores: { rice_reach: 1000, rice_impact: 2, rice_confidence: 100, rice_effort: 4 },
    });
    c = await newItem('SSO', {
      scores: { rice_reach: 100, rice_impact: 3, rice_confidence: 50, rice_effort: 0.5 },
    });
    d = await newItem('Dark mode', { scores: { rice_reach: 300, rice_impact: 0.5 } });
  });

  it('should rank by RICE with the inputs used and list items missing inputs apart', async () => {
    const res = await team.developer.get<Ranking>(`${base}/ranking?framework=rice`);
    expect(res.status).toBe(200);
    expect(res.body.ranked.map((item) => [item.number, item.score, item.rank, item.manualPosition])).toEqual([
      [b.number, 500, 1, 2],
      [c.number, 300, 2, 3],
      [a.number, 200, 3, 1],
    ]);
    expect(res.body.ranked[2]?.inputs).toEqual({
      rice_reach: 500,
      rice_impact: 1,
      rice_confidence: 80,
      rice_effort: 2,
    });
    expect(res.body.unscored.map((item) => [item.itemId, item.missing])).toEqual([
      [d.id, ['rice_confidence', 'rice_effort']],
    ]);
    expect(res.body.unscored[0]?.problems[0]?.message).toContain('(rice_confidence)');
    expect(res.body.framework.inputs.map((input) => input.scoreKey)).toEqual([
      'rice_reach',
      'rice_impact',
      'rice_confidence',
      'rice_effort',
    ]);
  });

  it('should refuse an unknown framework with the list of known ones', async () => {
    const res = await team.developer.get<ErrorResponse>(`${base}/ranking?framework=rise`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('use one of rice, ice');
  });

  it('should name the one step that would change the top when the top is a single item', async () => {
    // Top 1 is b (500). Only impact 2 → 1 moves it out: 1000 × 1 × 1 / 4 = 250 < 300 (c).
    // Every other one-step change keeps b first and c, a out of the top (worked out by hand).
    const res = await team.developer.get<RankSensitivityReport>(
      `${base}/ranking/sensitivity?framework=rice&top=1`,
    );
    expect(res.status).toBe(200);
    expect(res.body.top.map((item) => item.itemId)).toEqual([b.id]);
    expect(res.body.changes).toEqual([
      expect.objectContaining({
        itemId: b.id,
        scoreKey: 'rice_impact',
        from: 2,
        to: 1,
        step: 'down',
        rankBefore: 1,
        rankAfter: 2,
        effect: 'leaves-top',
        otherItemId: c.id,
      }),
    ]);
  });

  it('should compare RICE with the manual order by rank correlation', async () => {
    // Common items: RICE b, c, a; manual a, b, c → ranks in manual along RICE: 2, 3, 1.
    // d = −1, −1, 2 → Σd² = 6 → rho = 1 − 6·6 / (3·8) = −0.5; inversions 2 of 3 → tau = (3 − 4)/3.
    const res = await team.viewer.get<RankingComparison>(`${base}/ranking/compare?a=rice&b=manual`);
    expect(res.status).toBe(200);
    expect(res.body.common).toBe(3);
    expect(res.body.spearman).toBeCloseTo(-0.5, 12);
    expect(res.body.kendall).toBeCloseTo(-1 / 3, 12);
    expect(res.body.onlyInB.map((item) => item.itemId)).toEqual([d.id]);
    expect(res.body.movers.map((move) => [move.itemId, move.shift])).toEqual([
      [a.id, -2],
      [b.id, 1],
      [c.id, 1],
    ]);
  });

  it('should refuse a developer applying a ranking and name who decides', async () => {
    const res = await team.developer.post<ErrorResponse>(`${base}/ranking/apply`, { framework: 'rice' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.message).toBe(
      'Ordering the backlog belongs to the product function: ask Dana (product manager)',
    );
    expect(res.body.error.details.holders?.map((holder) => holder.name)).toEqual(['Dana']);
  });

  it('should refuse to apply a ranking computed on a backlog that has changed since', async () => {
    const res = await team.product_manager.post<ErrorResponse>(`${base}/ranking/apply`, {
      framework: 'rice',
      expectedOrderVersion: 'stale',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
  });

  it('should let the product manager apply RICE to the manual order and log it with the inputs', async () => {
    const ranking = await team.product_manager.get<Ranking>(`${base}/ranking?framework=rice`);
    const res = await team.product_manager.post<AppliedRanking>(`${base}/ranking/apply`, {
      framework: 'rice',
      rationale: 'quarterly re-prioritization',
      expectedOrderVersion: ranking.body.orderVersion,
    });
    expect(res.status).toBe(200);
    expect(res.body.applied.map((item) => item.itemId)).toEqual([b.id, c.id, a.id]);
    expect(res.body.unscored).toBe(1);

    const list = await team.developer.get<{ data: Item[] }>(`${base}/items?limit=10`);
    expect(list.body.data.map((item) => item.id)).toEqual([b.id, c.id, a.id, d.id]);

    const log = await team.developer.get<{
      data: { decision: string; summary: string; rationale: string; details: Record<string, never> }[];
    }>(`${base}/decisions?limit=5`);
    const entry = log.body.data.find((e) => e.summary.startsWith('Ordered the backlog'));
    expect(entry?.decision).toBe('backlog_order');
    expect(entry?.summary).toBe(
      `Ordered the backlog by RICE: 3 items, #${b.number}, #${c.number}, #${a.number} first`,
    );
    expect(entry?.rationale).toBe('quarterly re-prioritization');
    const details = entry?.details as unknown as {
      framework: { ref: string; name: string };
      order: { itemId: string; score: number; inputs: Record<string, number> }[];
      unscored: { itemId: string; missing: string[] }[];
    };
    expect(details.framework).toMatchObject({ ref: 'rice', name: 'RICE' });
    expect(details.order[0]).toMatchObject({
      itemId: b.id,
      score: 500,
      inputs: { rice_reach: 1000, rice_impact: 2, rice_confidence: 100, rice_effort: 4 },
    });
    expect(details.unscored).toEqual([
      { itemId: d.id, number: d.number, missing: ['rice_confidence', 'rice_effort'] },
    ]);

    const after = await team.viewer.get<RankingComparison>(`${base}/ranking/compare?a=rice&b=manual`);
    expect([after.body.spearman, after.body.kendall]).toEqual([1, 1]);
  });
});

describe('custom formulas', () => {
  it('should refuse a bad formula with a 400 pointing at the token', async () => {
    const res = await team.cpo.post<ErrorResponse>(`${base}/formulas`, {
      name: 'Broken',
      expression: 'wsjf_value * ) 2',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toBe(
      "expression: unexpected ')' at column 14: expected a number, a field or '('",
    );
    expect(res.body.error.details).toMatchObject({ field: 'expression', column: 14, token: ')' });
  });

  it('should refuse a developer defining a formula and name who decides', async () => {
    const res = await team.developer.post<ErrorResponse>(`${base}/formulas`, {
      name: 'Dev formula',
      expression: 'wsjf_value',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.details.decision).toBe('prioritization_method');
  });

  it('should rank by a workspace formula and let it be renamed and removed', async () => {
    const created = await team.cpo.post<ScoringFormula>(`${base}/formulas`, {
      name: 'Value minus effort',
      expression: 'wsjf_value * 2 - rice_effort + (moscow == 3 ? 10 : 0)',
      rationale: 'musts first',
    });
    expect(created.status).toBe(201);
    expect(created.body.fields).toEqual(['wsjf_value', 'rice_effort', 'moscow']);
    const e = await newItem('Exports', { scores: { wsjf_value: 5, rice_effort: 1, moscow: 'should' } }); // 10 − 1 + 0 = 9
    const g = await newItem('Audit log', { scores: { wsjf_value: 2, rice_effort: 3, moscow: 'must' } }); // 4 − 3 + 10 = 11
    const f = await newItem('Webhooks', { scores: { wsjf_value: 3, moscow: 'could' } });

    const ranking = await team.viewer.get<Ranking>(`${base}/ranking?framework=${created.body.ref}`);
    expect(ranking.status).toBe(200);
    expect(ranking.body.ranked.map((item) => [item.itemId, item.score])).toEqual([
      [g.id, 11],
      [e.id, 9],
    ]);
    expect(ranking.body.unscored.find((item) => item.itemId === f.id)?.missing).toEqual(['rice_effort']);

    const renamed = await team.product_manager.patch<ScoringFormula>(`${base}/formulas/${created.body.id}`, {
      version: created.body.version,
      name: 'Value, effort and musts',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    const stale = await team.cpo.patch<ErrorResponse>(`${base}/formulas/${created.body.id}`, {
      version: 1,
      expression: 'wsjf_value',
    });
    expect(stale.status).toBe(409);
    const listed = await team.viewer.get<{ data: ScoringFormula[] }>(`${base}/formulas`);
    expect(listed.body.data.map((formula) => formula.name)).toEqual(['Value, effort and musts']);
    expect((await team.cpo.delete(`${base}/formulas/${created.body.id}`)).status).toBe(204);
    const gone = await team.viewer.get<ErrorResponse>(`${base}/ranking?framework=${created.body.ref}`);
    expect(gone.status).toBe(400);
  });
});

describe('moscow', () => {
  it('should warn when Musts take more than 60% of the estimated effort in scope', async () => {
    const estimate = async (item: Item, likely: number) => {
      const res = await team.cto.patch(`${base}/items/${item.id}`, {
        version: item.version,
        estimate: { optimistic: likely, likely, pessimistic: likely * 2 },
      });
      expect(res.status).toBe(200);
    };
    await estimate(await newItem('Refunds', { scores: { moscow: 'must' } }), 8);
    await estimate(await newItem('Coupons', { scores: { moscow: 'should' } }), 2);
    await estimate(await newItem('Gift cards', { scores: { moscow: 'could' } }), 2);
    await estimate(await newItem('Crypto payments', { scores: { moscow: 'wont' } }), 5);
    const res = await team.viewer.get<Ranking>(`${base}/ranking?framework=moscow`);
    expect(res.status).toBe(200);
    const check = res.body.moscowCheck;
    // In scope: 8 + 2 + 2 = 12 days; Musts 8/12 = 66.7% > 60%; Coulds 2/12 = 16.7% < 20%.
    expect(check?.effort).toEqual({ must: 8, should: 2, could: 2, wont: 5 });
    expect(check?.shares.must).toBeCloseTo(8 / 12, 12);
    expect(check?.findings.map((finding) => finding.code)).toEqual([
      'must-over-limit',
      'could-below-contingency',
    ]);
    expect(check?.findings[0]?.message).toContain('Musts take 66.7% of the effort in scope');
    expect(check?.withoutEstimate).toBe(res.body.ranked.length - 4);
    expect(res.body.ranked[0]?.label).toBe('must');
  });
});

describe('calibration', () => {
  it('should refuse to calibrate on too few completed items and say how many are needed', async () => {
    for (const [likely, actual] of [
      [2, 3],
      [3, 3],
      [5, 8],
    ] as const) {
      const item = await team.cto.post<Item>(`${base}/items`, {
        type: 'task',
        title: `Done work ${likely}`,
        state: 'done',
        estimate: { optimistic: 1, likely, pessimistic: likely * 2 },
      });
      expect(item.status).toBe(201);
      const done = await team.cto.patch(`${base}/items/${item.body.id}`, {
        version: item.body.version,
        actualEffort: actual,
      });
      expect(done.status).toBe(200);
    }
    const res = await team.developer.get<CalibrationReportView>(`${base}/calibration?by=estimator`);
    expect(res.status).toBe(200);
    expect(res.body.completedItems).toBe(3);
    expect(res.body.overall).toMatchObject({ ok: false, count: 3, needed: 10 });
    expect(res.body.overall.ok || res.body.overall.reason).toContain('needs at least 10 completed items');
    expect(res.body.groups).toEqual([
      expect.objectContaining({ ok: false, group: { kind: 'estimator', key: team.cto.userId, name: 'Sam' } }),
    ]);
  });

  it('should calibrate the demo workspace and show an estimate raw and calibrated', async () => {
    const demo = await loadDemo(ctx.handle.db);
    const cpo = new TestClient(ctx.app);
    const signin = await cpo.post<{ csrfToken: string; user: { id: string } }>('/api/auth/signin', {
      email: demoEmail('dana'),
      password: DEMO_PASSWORD,
    });
    expect(signin.status).toBe(200);
    cpo.csrf = signin.body.csrfToken;
    const demoBase = `/api/workspaces/${demo.id}`;

    const report = await cpo.get<CalibrationReportView>(`${demoBase}/calibration?by=type`);
    expect(report.status).toBe(200);
    expect(report.body.completedItems).toBeGreaterThanOrEqual(10);
    const overall = report.body.overall;
    if (!overall.ok) throw new Error(overall.reason);
    expect(overall.count).toBe(report.body.completedItems);
    expect(overall.median).toBeGreaterThan(0);
    // The headline median is the observed one; the fit stands beside it with its test.
    expect(overall.median).toBe(overall.sampleMedian);
    expect(overall.median).toBeGreaterThan(overall.p10.ok ? overall.p10.value : 0);
    expect(overall.shown.quantiles).toBe('observed');
    expect(overall.shown.mean).toBe(overall.fit.accepted ? 'log-normal' : 'observed');
    if (overall.fit.test.tested) {
      expect(overall.fit.test.passes).toBe(overall.fit.test.statistic <= overall.fit.test.critical);
      expect(overall.fit.test.significance).toBe(0.05);
    }
    expect(report.body.groups.map((group) => group.group.kind)).toContain('type');

    const open = await cpo.get<{ data: Item[] }>(`${demoBase}/items?state=ready&limit=100`);
    const estimated = open.body.data.find((item) => item.estimate !== null);
    if (!estimated) throw new Error('the demo has no estimated ready item');
    const side = await cpo.get<CalibratedEstimateView>(
      `${demoBase}/items/${estimated.id}/calibrated-estimate`,
    );
    expect(side.status).toBe(200);
    if (!side.body.result.ok) throw new Error(side.body.result.reason);
    expect(side.body.result.raw.likely).toBe(estimated.estimate?.likely);
    // Calibrated likely = raw likely × the fitted median of the profile it was based on.
    const basedOn = side.body.result.basedOn.group;
    const by = basedOn.kind === 'workspace' ? 'workspace' : basedOn.kind;
    const profiles = await cpo.get<CalibrationReportView>(`${demoBase}/calibration?by=${by}`);
    const profile = [profiles.body.overall, ...profiles.body.groups].find(
      (p) => p.group.kind === basedOn.kind && p.group.key === basedOn.key,
    );
    if (!profile?.ok) throw new Error('the profile behind the calibrated estimate is missing');
    expect(side.body.result.calibrated.likely).toBeCloseTo(
      (estimated.estimate?.likely ?? 0) * profile.median,
      9,
    );

    const ranking = await cpo.get<Ranking>(`${demoBase}/ranking?framework=wsjf`);
    expect(ranking.body.ranked.length).toBeGreaterThan(10);
  });
});
