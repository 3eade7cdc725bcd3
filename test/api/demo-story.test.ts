/** The demo tells the product's story: scored past forecasts, slips with reasons, decisions with whys. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BriefView,
  DecisionLogEntry,
  TargetDateSlip,
  TrackRecord,
  WaitsOnWhom,
} from '../../src/contract';
import { WEEK_SCOPE } from '../../src/server/demo/demo-content';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-workspace';
import { loadDemo } from '../../src/server/demo/load-demo';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let dana: TestClient;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  const demo = await loadDemo(ctx.handle.db);
  base = `/api/workspaces/${demo.id}`;
  dana = new TestClient(ctx.app);
  const signIn = await dana.post<{ csrfToken: string }>('/api/auth/signin', {
    email: 'dana@demo.headway.dev',
    password: DEMO_PASSWORD,
  });
  dana.csrf = signIn.body.csrfToken;
});
afterAll(() => ctx.close());

describe('the demo workspace', () => {
  it('should open with past forecasts already scored against what happened', async () => {
    const record = await dana.get<TrackRecord>(`${base}/forecasts/track-record`);
    expect(record.status).toBe(200);
    expect(record.body.forecasts.length).toBeGreaterThanOrEqual(10);
    const [throughput, plan] = record.body.byKind;
    // A recent one may still wait for its outcome, as a real track record does; plans whose work
    // is still under way wait longer.
    expect(throughput!.pending).toBeLessThanOrEqual(2);
    expect(record.body.pending).toBe(throughput!.pending + plan!.pending);
    for (const f of record.body.forecasts) {
      expect(f.scoredAt).not.toBeNull();
      // The outcome lies after the day the forecast was made.
      if (f.outcome.date) expect(f.outcome.date >= f.startDate).toBe(true);
    }
    expect(new Set(record.body.forecasts.map((f) => f.kind))).toEqual(
      new Set(['throughput_when', 'throughput_count', 'plan']),
    );
  });

  it('should show the calibration of each kind of forecast and how it changed', async () => {
    const record = (await dana.get<TrackRecord>(`${base}/forecasts/track-record`)).body;
    expect(record.byKind.map((k) => k.family)).toEqual(['throughput', 'plan']);
    for (const kind of record.byKind) {
      const own = record.forecasts.filter((f) => (f.kind === 'plan') === (kind.family === 'plan'));
      expect(kind.calibration.forecasts).toBe(own.length);
      expect(own.length).toBeGreaterThanOrEqual(8);
      // The P85 coverage of the latest forecasts against the earlier ones, recomputed here.
      const hits = own.map((f) => f.score.hits.find((h) => h.level === 85)!.hit);
      const recent = hits.slice(-kind.trend.recentCount);
      const earlier = hits.slice(0, Math.max(0, hits.length - kind.trend.recentCount));
      const share = (list: boolean[]) => (list.length ? list.filter(Boolean).length / list.length : null);
      expect(kind.trend).toMatchObject({
        level: 85,
        recent: { forecasts: recent.length, observed: share(recent) },
        earlier: { forecasts: earlier.length, observed: share(earlier) },
      });
    }
  });

  it('should show committed dates that slipped, each with its reason', async () => {
    const slips = await dana.get<TargetDateSlip[]>(`${base}/slips`);
    expect(slips.body).toHaveLength(3);
    for (const s of slips.body) {
      expect(s.reason.length).toBeGreaterThan(20);
      expect(s.slipDays).toBeGreaterThan(0);
      expect(s.movedByName).toBe('Dana Kowalski');
    }
  });

  it('should carry whys on its ordering decisions and many others', async () => {
    const order = await dana.get<{ data: DecisionLogEntry[] }>(`${base}/decisions?decision=backlog_order`);
    expect(order.body.data.length).toBeGreaterThanOrEqual(5);
    expect(order.body.data.every((d) => d.rationale)).toBe(true);
    const all = await dana.get<{ data: DecisionLogEntry[] }>(`${base}/decisions?limit=500`);
    const withWhy = all.body.data.filter((d) => d.rationale).length;
    expect(withWhy / all.body.data.length).toBeGreaterThan(0.3);
  });

  it('should say what waits on whom, with the CTO holding the estimates', async () => {
    const waiting = await dana.get<WaitsOnWhom>(`${base}/waiting`);
    const sam = waiting.body.people.find((p) => p.name === 'Sam Chen');
    const estimates = sam?.groups.find((g) => g.kind === 'estimate');
    expect(estimates?.count).toBeGreaterThan(0);
    expect(estimates?.interim).toBe(false);
    expect(waiting.body.people.find((p) => p.name === 'Dana Kowalski')?.groups.map((g) => g.kind)).toEqual(
      expect.arrayContaining(['order', 'scope']),
    );
  });

  it('should open the CPO’s brief on a milestone forecast that moved because of the week’s scope', async () => {
    const brief = await dana.get<BriefView>(`${base}/brief`);
    expect(brief.status).toBe(200);
    const moves = brief.body.sections.find((s) => s.kind === 'forecasts')!.lines;
    expect(moves.some((l) => l.text.includes('then unknown'))).toBe(false);
    const moved = moves.find((l) => l.detail?.includes(WEEK_SCOPE.title));
    expect(moved?.text).toMatch(/: P85 \d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d \(\d+ days? later\)$/);
    expect(moved?.detail).toMatch(/^Why: scope added: #\d+ Refunds/);
  });
});
