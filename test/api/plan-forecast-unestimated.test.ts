/** A plan forecast counts the work nobody estimated, says what it adds, and answers its whole distribution. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FINISH_CURVE_MAX_POINTS,
  type Item,
  type MilestoneForecastsView,
  type PlanForecastView,
  type Roadmap,
} from '../../src/contract';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-workspace';
import { loadDemo } from '../../src/server/demo/load-demo';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let base: string;
let dana: TestClient;
let roadmap: Roadmap;

type Ok<T> = Extract<T, { status: 'ok' }>;

beforeAll(async () => {
  ctx = await createTestApp();
  const ws = await loadDemo(ctx.handle.db);
  base = `/api/workspaces/${ws.id}`;
  dana = new TestClient(ctx.app);
  const res = await dana.post<{ csrfToken: string }>('/api/auth/signin', {
    email: 'dana@demo.headway.dev',
    password: DEMO_PASSWORD,
  });
  dana.csrf = res.body.csrfToken;
  roadmap = (await dana.get<Roadmap>(`${base}/roadmap`)).body;
});
afterAll(() => ctx.close());

const unestimatedIds = () =>
  new Set(roadmap.unplanned.filter((u) => u.reason === 'unestimated').map((u) => u.itemId));

describe('a plan forecast beside throughput', () => {
  it('should show the throughput forecast for the same work and, where they disagree, say why', async () => {
    const milestone = roadmap.milestones.find((m) => m.plannedItems >= 2 && m.targetDate)!;
    const res = await dana.get<Ok<PlanForecastView>>(
      `${base}/forecasts/plan?milestone=${milestone.id}&trials=100&seed=9`,
    );
    const { comparison, subject, record } = res.body;
    if (comparison.status !== 'compared') throw new Error(`not compared: ${comparison.reason}`);
    expect(comparison.planP85).toBe(subject.percentiles.find((p) => p.level === 85)!.date);
    expect(comparison.items).toBeGreaterThanOrEqual(subject.itemIds.length);
    expect(comparison.calibrationLabel).toMatch(/calibrat|not enough data/);
    const days = (iso: string) => Date.parse(iso) / 86_400_000;
    expect(comparison.differenceDays).toBe(days(comparison.planP85!) - days(comparison.throughputP85!));
    if (!comparison.agree) {
      expect(comparison.reasons.length).toBeGreaterThan(0);
      // The demo's team spends a fraction of its time on planned work: the plan says so.
      if (record.focusStatus === 'learned' && record.focus < 1) {
        expect(comparison.reasons.join(' ')).toContain('Focus factor');
      }
    } else expect(comparison.reasons).toEqual([]);
  });
});

describe('a plan forecast with unestimated work', () => {
  it('should draw the unestimated items into the dates and say what they add to the P85', async () => {
    const unestimated = unestimatedIds();
    const list = (await dana.get<{ data: Item[] }>(`${base}/items?limit=2000`)).body.data;
    const parentOf = new Map(list.map((it) => [it.id, it.parentId]));
    const initiativeOf = (id: string): string | null => {
      const parent = parentOf.get(id) ?? null;
      return parent === null || roadmap.milestones.some((m) => m.id === parent)
        ? parent
        : initiativeOf(parent);
    };
    const milestone = roadmap.milestones.find((m) =>
      [...unestimated].some((id) => initiativeOf(id) === m.id),
    );
    expect(milestone).toBeDefined();
    const res = await dana.get<Ok<PlanForecastView>>(
      `${base}/forecasts/plan?milestone=${milestone!.id}&trials=200&seed=5`,
    );
    expect(res.status).toBe(200);
    const { subject, unestimated: added, notes, record, unplanned } = res.body;
    const drawn = subject.itemIds.filter((id) => unestimated.has(id));
    expect(drawn.length).toBeGreaterThan(0);
    expect(added.count).toBe(drawn.length);
    // The roadmap's card counts the same unestimated items for this milestone.
    const cards = await dana.get<MilestoneForecastsView>(`${base}/forecasts/milestones?trials=200&seed=5`);
    expect(cards.body.milestones.find((m) => m.id === milestone!.id)?.unestimated).toBe(drawn.length);
    expect(unplanned.filter((u) => u.reason === 'unestimated')).toEqual([]);
    // The record speaks of the whole plan simulated, which holds this subject's and others'.
    expect(record.unestimatedDrawn).toBeGreaterThanOrEqual(drawn.length);
    expect(record.unestimatedDrawn).toBeLessThanOrEqual(unestimated.size);
    expect(record.sizeSource).toBe('learned');
    expect(added.p85With).toBe(subject.percentiles.find((p) => p.level === 85)!.date);
    // More work never finishes earlier with the same seed and people.
    expect(added.p85Without).not.toBeNull();
    expect(added.p85Without! <= added.p85With!).toBe(true);
    const note = notes.find((n) => n.includes('have no estimate'));
    expect(note).toContain(`${drawn.length} item(s)`);
    expect(note).toMatch(/efforts of \d+ items the team completed before the start/);
  });

  it('should answer the subject’s distribution, bounded, rising and matching its percentiles', async () => {
    const milestone = roadmap.milestones.find((m) => m.plannedItems >= 2 && m.targetDate)!;
    const res = await dana.get<Ok<PlanForecastView>>(
      `${base}/forecasts/plan?milestone=${milestone.id}&trials=100&seed=9`,
    );
    const { distribution, percentiles, probabilityOnTime, targetDate } = res.body.subject;
    expect(distribution.length).toBeGreaterThan(1);
    expect(distribution.length).toBeLessThanOrEqual(FINISH_CURVE_MAX_POINTS);
    for (let i = 1; i < distribution.length; i++) {
      expect(distribution[i]!.date > distribution[i - 1]!.date).toBe(true);
      expect(distribution[i]!.probability).toBeGreaterThan(distribution[i - 1]!.probability);
    }
    // Each percentile is the first day whose chance reaches its level.
    for (const p of percentiles) {
      const first = distribution.find((d) => d.probability >= p.level / 100 - 1e-9);
      expect(first?.date).toBe(p.date);
    }
    // The chance by the target reads off the curve.
    const byTarget = distribution.filter((d) => d.date <= targetDate!).at(-1)?.probability ?? 0;
    expect(byTarget).toBeCloseTo(probabilityOnTime!, 9);
  });
});
