import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Item,
  MilestoneForecastsView,
  PlanForecastView,
  Roadmap,
  ThroughputForecastView,
  TrackRecord,
} from '../../src/contract';
import { forecasts, items } from '../../src/db/schema';
import { MS_PER_DAY } from '../../src/domain/shared';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-workspace';
import { loadDemo } from '../../src/server/demo/load-demo';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let base: string;
let dana: TestClient;
let jonas: TestClient;
let roadmap: Roadmap;

async function signIn(key: string): Promise<TestClient> {
  const client = new TestClient(ctx.app);
  const res = await client.post<{ csrfToken: string }>('/api/auth/signin', {
    email: `${key}@demo.headway.dev`,
    password: DEMO_PASSWORD,
  });
  expect(res.status).toBe(200);
  client.csrf = res.body.csrfToken;
  return client;
}

const today = () => new Date().toISOString().slice(0, 10);
const dayBefore = (iso: string) => new Date(Date.parse(iso) - MS_PER_DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
  const ws = await loadDemo(ctx.handle.db);
  base = `/api/workspaces/${ws.id}`;
  dana = await signIn('dana');
  jonas = await signIn('jonas');
  roadmap = (await jonas.get<Roadmap>(`${base}/roadmap`)).body;
});
afterAll(() => ctx.close());

type Ok<T> = Extract<T, { status: 'ok' }>;

describe('throughput forecasts', () => {
  it('should give ordered date percentiles and store the forecast when asked when 20 items will be done', async () => {
    const res = await dana.get<Ok<ThroughputForecastView>>(
      `${base}/forecasts/throughput?items=20&trials=2000&seed=7`,
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    const offset = (level: number) =>
      res.body.percentiles.find((p) => p.level === level)?.dayOffset ?? Number.NaN;
    expect(offset(50)).toBeLessThanOrEqual(offset(85));
    expect(offset(85)).toBeLessThanOrEqual(offset(95));
    expect(res.body.dates?.['85']).toBe(res.body.percentiles.find((p) => p.level === 85)?.date);
    expect(res.body.basis.history.items).toBeGreaterThan(5);
    expect(res.body.windowDays).toBe(90);
    const [stored] = await ctx.handle.db
      .select()
      .from(forecasts)
      .where(eq(forecasts.id, res.body.forecastId));
    expect(stored).toMatchObject({
      kind: 'throughput_when',
      method: 'throughput-monte-carlo',
      subject: { items: 20 },
      startDate: res.body.start,
      percentiles: res.body.percentiles,
      inputs: { trials: 2000, seed: 7, windowDays: 90 },
    });
    expect(stored?.madeAt).toBeInstanceOf(Date);
  });

  it('should give the same answer for the same seed when asked twice, and store it once', async () => {
    const a = await dana.get<Ok<ThroughputForecastView>>(
      `${base}/forecasts/throughput?items=10&trials=500&seed=3`,
    );
    const b = await dana.get<Ok<ThroughputForecastView>>(
      `${base}/forecasts/throughput?items=10&trials=500&seed=3`,
    );
    expect(a.body.percentiles).toEqual(b.body.percentiles);
    // Nothing changed in between: the second read is the forecast the first stored.
    expect(b.body.forecastId).toBe(a.body.forecastId);
  });

  it('should give counts that shrink as confidence grows when asked how many by a date', async () => {
    const by = new Date(Date.now() + 30 * MS_PER_DAY).toISOString().slice(0, 10);
    const res = await jonas.get<Ok<ThroughputForecastView>>(
      `${base}/forecasts/throughput?by=${by}&trials=1000`,
    );
    expect(res.status).toBe(200);
    const c = res.body.counts!;
    expect(c['50']!).toBeGreaterThanOrEqual(c['85']!);
    expect(c['85']!).toBeGreaterThanOrEqual(c['95']!);
  });

  it('should say where the forecast stands on the team’s record, and answer plainly when asked to', async () => {
    const res = await dana.get<Ok<ThroughputForecastView>>(
      `${base}/forecasts/throughput?items=20&trials=1000&seed=7`,
    );
    expect(res.status).toBe(200);
    const c = res.body.calibration;
    expect(['calibrated', 'calibrating', 'insufficient']).toContain(c.status);
    expect(c.label.length).toBeGreaterThan(10);
    expect(c.knownOutcomes + c.runningOutcomes).toBe(c.pastForecasts);
    expect(c.neededOutcomes).toBe(52);
    if (c.status === 'calibrating') expect(c.label).toContain(`${c.knownOutcomes} of the 52`);
    const plain = await dana.get<Ok<ThroughputForecastView>>(
      `${base}/forecasts/throughput?items=20&trials=1000&seed=7&calibrate=false`,
    );
    expect(plain.body.calibration).toMatchObject({
      status: 'off',
      label: 'not calibrated: plain resampling was asked for',
    });
    expect(plain.body.finishHistogram).toEqual(res.body.finishHistogram);
    const [stored] = await ctx.handle.db
      .select()
      .from(forecasts)
      .where(eq(forecasts.id, res.body.forecastId));
    expect(stored?.inputs).toMatchObject({
      calibrate: true,
      calibration: { status: c.status, label: c.label },
    });
  });

  it('should refuse a calibrate value that is not true or false', async () => {
    const res = await dana.get<{ error: { code: string; message: string } }>(
      `${base}/forecasts/throughput?items=5&calibrate=maybe`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('calibrate');
  });

  it('should refuse a question that gives both items and by', async () => {
    const res = await jonas.get(`${base}/forecasts/throughput?items=3&by=${today()}`);
    expect(res.status).toBe(400);
  });

  it('should answer with the history needed, and store nothing, when the workspace has too little', async () => {
    const team = await createTeam(ctx.app, ['founder', 'developer']);
    const path = `/api/workspaces/${team.workspaceId}`;
    const res = await team.developer.get<Extract<ThroughputForecastView, { status: 'insufficient-history' }>>(
      `${path}/forecasts/throughput?items=10`,
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('insufficient-history');
    expect(res.body.needed).toEqual({ sampleDays: 7, items: 5, activeDays: 3 });
    expect(res.body.found.items).toBe(0);
    expect(res.body.reason).toContain('5 completed items');
    const record = await team.developer.get<TrackRecord>(`${path}/forecasts/track-record`);
    expect(record.body).toMatchObject({ forecasts: [], pending: 0 });
  });
});

describe('plan forecasts', () => {
  it('should give ordered percentiles per milestone and item and a probability of hitting the target', async () => {
    const milestone = roadmap.milestones.find((m) => m.plannedItems >= 2)!;
    const res = await dana.get<Ok<PlanForecastView>>(
      `${base}/forecasts/plan?milestone=${milestone.id}&trials=200&seed=5`,
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    const { subject } = res.body;
    // The roadmap plans the estimated items; the forecast adds the ones nobody estimated.
    expect(subject.itemIds).toHaveLength(milestone.plannedItems + res.body.unestimated.count);
    expect(subject.targetDate).toBe(milestone.targetDate);
    const dates = subject.percentiles.map((p) => p.date!);
    expect([...dates].sort()).toEqual(dates);
    expect(subject.probabilityOnTime).toBeGreaterThanOrEqual(0);
    expect(subject.probabilityOnTime).toBeLessThanOrEqual(1);
    expect(res.body.items.map((i) => i.id).sort()).toEqual([...subject.itemIds].sort());
    // The milestone is done when its last item is: no item's P95 is after the milestone's P95.
    const p95 = (p: { level: number; date?: string | null | undefined }[]) =>
      p.find((x) => x.level === 95)!.date!;
    for (const item of res.body.items) expect(p95(item.percentiles) <= p95(subject.percentiles)).toBe(true);
    expect(res.body.milestones.find((m) => m.id === milestone.id)?.percentiles).toEqual(subject.percentiles);
  });

  it('should draw efforts from the team record and divide them by the focus it delivered, and say so', async () => {
    const milestone = roadmap.milestones.find((m) => m.plannedItems >= 2)!;
    const res = await dana.get<Ok<PlanForecastView>>(
      `${base}/forecasts/plan?milestone=${milestone.id}&trials=200&seed=5`,
    );
    expect(res.status).toBe(200);
    const { record, notes } = res.body;
    // Recomputed here from the rows: done items of the last 90 days against the team's FTE.
    const start = today();
    const from = Date.parse(start) - 90 * MS_PER_DAY;
    const done = await ctx.handle.db
      .select({ completedAt: items.completedAt, actual: items.actualEffort })
      .from(items)
      .where(and(eq(items.workspaceId, base.split('/').at(-1)!), eq(items.state, 'done')));
    const recent = done.filter(
      (d) => d.completedAt && d.completedAt.getTime() >= from && d.completedAt.getTime() < Date.parse(start),
    );
    expect(recent.every((d) => d.actual !== null)).toBe(true);
    expect(recent.length).toBeGreaterThanOrEqual(10);
    let weekdays = 0;
    for (let t = from; t < Date.parse(start); t += MS_PER_DAY) {
      const w = new Date(t).getUTCDay();
      if (w !== 0 && w !== 6) weekdays++;
    }
    const fte = roadmap.people.reduce((sum, p) => sum + p.fte, 0);
    const measured = recent.reduce((sum, d) => sum + (d.actual ?? 0), 0) / (fte * weekdays);
    expect(record.focusStatus).toBe('learned');
    expect(record.focus).toBeCloseTo(Math.min(1, Math.max(0.1, measured)), 6);
    // Every item the roadmap plans draws its effort one way or the other.
    expect(record.effortsFromRecord + record.effortsFromEstimate).toBe(roadmap.items.length);
    expect(record.effortsFromRecord).toBeGreaterThan(0);
    expect(notes.join(' ')).toMatch(/Focus factor \d+ %/);
    expect(notes.join(' ')).toMatch(/actual\/estimate ratio of completed items/);
  });

  it('should give every roadmap milestone the same dates as its own plan forecast, without storing them', async () => {
    const milestone = roadmap.milestones.find((m) => m.plannedItems >= 2 && m.targetDate)!;
    const before = await ctx.handle.db.select({ id: forecasts.id }).from(forecasts);
    const all = await dana.get<MilestoneForecastsView>(`${base}/forecasts/milestones?trials=200&seed=5`);
    expect(all.status).toBe(200);
    expect(await ctx.handle.db.select({ id: forecasts.id }).from(forecasts)).toHaveLength(before.length);
    expect(all.body.milestones.map((m) => m.id).sort()).toEqual(
      roadmap.milestones
        .filter((m) => m.plannedItems > 0)
        .map((m) => m.id)
        .sort(),
    );
    const one = await dana.get<Ok<PlanForecastView>>(
      `${base}/forecasts/plan?milestone=${milestone.id}&trials=200&seed=5`,
    );
    const card = all.body.milestones.find((m) => m.id === milestone.id)!;
    const at = (level: number) => one.body.subject.percentiles.find((p) => p.level === level)?.date;
    expect(card).toMatchObject({
      targetDate: milestone.targetDate,
      p50: at(50),
      p85: at(85),
      probabilityOnTime: one.body.subject.probabilityOnTime,
      unestimated: one.body.unestimated.count,
    });
    expect(all.body.record).toEqual(one.body.record);
  });

  it('should answer 404 for a milestone that is not in the workspace', async () => {
    const res = await dana.get(`${base}/forecasts/plan?milestone=00000000-0000-4000-8000-000000000000`);
    expect(res.status).toBe(404);
  });
});

describe('track record', () => {
  it('should score a stored plan forecast once its items are done', async () => {
    const [a, b] = roadmap.items.slice(-2);
    const made = await dana.get<Ok<PlanForecastView>>(
      `${base}/forecasts/plan?items=${a!.itemId},${b!.itemId}&trials=100`,
    );
    expect(made.body.status).toBe('ok');
    let record = await jonas.get<TrackRecord>(`${base}/forecasts/track-record`);
    expect(record.body.forecasts.some((f) => f.id === made.body.forecastId)).toBe(false);

    for (const id of [a!.itemId, b!.itemId]) {
      const item = (await jonas.get<Item>(`${base}/items/${id}`)).body;
      const done = await jonas.patch(`${base}/items/${id}`, { version: item.version, state: 'done' });
      expect(done.status).toBe(200);
    }
    record = await jonas.get<TrackRecord>(`${base}/forecasts/track-record`);
    const scored = record.body.forecasts.find((f) => f.id === made.body.forecastId);
    // Both finished today, the first forecast day: at or below every percentile.
    expect(scored?.outcome).toEqual({ date: today(), dayOffset: 0, count: null });
    expect(scored?.score.withinP85).toBe(true);
    expect(scored?.score.landedAtOrBelow).toBe(50);
    expect(record.body.calibration.forecasts).toBe(record.body.forecasts.length);
    expect(record.body.calibration.rows.map((r) => r.level)).toEqual([50, 70, 85, 95]);
  });

  it('should score a "how many by" forecast against the real count once its day has passed', async () => {
    const yesterday = dayBefore(today());
    const made = await dana.get<Ok<ThroughputForecastView>>(
      `${base}/forecasts/throughput?by=${yesterday}&start=${dayBefore(yesterday)}&trials=500`,
    );
    expect(made.body.status).toBe('ok');
    const record = await dana.get<TrackRecord>(`${base}/forecasts/track-record`);
    const scored = record.body.forecasts.find((f) => f.id === made.body.forecastId)!;
    expect(scored.outcome.count).not.toBeNull();
    for (const hit of scored.score.hits) {
      expect(hit.hit).toBe(scored.outcome.count! >= made.body.counts![String(hit.level)]!);
    }
  });
});

describe('a workspace forecast as of a past start', () => {
  it('should not change when work is finished or reopened after its start', async () => {
    const start = new Date(Date.now() - 10 * MS_PER_DAY).toISOString().slice(0, 10);
    const ask = () =>
      dana.get<Ok<ThroughputForecastView>>(
        `${base}/forecasts/throughput?items=10&trials=500&seed=11&start=${start}`,
      );
    const before = await ask();
    expect(before.body.status).toBe('ok');
    const list = (await dana.get<{ data: Item[] }>(`${base}/items?limit=2000`)).body.data;
    const leaves = list.filter((it) => ['feature', 'task', 'bug'].includes(it.type));
    // Done before the start, reopened today: it was done as of the start, so it still counts.
    const doneBefore = leaves
      .filter((it) => it.state === 'done' && it.completedAt && it.completedAt < start)
      .sort((a, b) => b.completedAt!.localeCompare(a.completedAt!))[0];
    const open = leaves.filter((it) => it.state === 'ready' || it.state === 'in_progress').slice(0, 3);
    expect(doneBefore).toBeDefined();
    expect(open.length).toBeGreaterThan(0);
    const reopened = await dana.patch(`${base}/items/${doneBefore!.id}`, {
      version: doneBefore!.version,
      state: 'in_progress',
    });
    expect(reopened.status).toBe(200);
    for (const it of open) {
      const done = await dana.patch(`${base}/items/${it.id}`, { version: it.version, state: 'done' });
      expect(done.status).toBe(200);
    }
    const after = await ask();
    expect(after.body.percentiles).toEqual(before.body.percentiles);
    expect(after.body.basis.history).toEqual(before.body.basis.history);
    expect(after.body.basis.countedItems).toBe(before.body.basis.countedItems);
  });
});
