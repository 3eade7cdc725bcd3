import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  HeadwayExport,
  Item,
  Roadmap,
  RoadmapSnapshotSummary,
  ScenarioResult,
} from '../../src/contract';
import { isUnderWay } from '../../src/domain/planning';
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
let sam: TestClient;
let demo: HeadwayExport;
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

beforeAll(async () => {
  ctx = await createTestApp();
  const ws = await loadDemo(ctx.handle.db);
  base = `/api/workspaces/${ws.id}`;
  dana = await signIn('dana');
  jonas = await signIn('jonas');
  sam = await signIn('sam');
  demo = (await dana.get<HeadwayExport>(`${base}/export`)).body;
  const res = await jonas.get<Roadmap>(`${base}/roadmap`);
  expect(res.status).toBe(200);
  roadmap = res.body;
});
afterAll(() => ctx.close());

const LEAVES = new Set(['feature', 'task', 'bug']);

describe('roadmap', () => {
  it('should place every open estimated item on a person with all its skills when planning the demo', () => {
    expect(roadmap.status).toBe('planned');
    const open = demo.items.filter(
      (it) => LEAVES.has(it.type) && it.state !== 'done' && it.state !== 'cancelled',
    );
    const estimated = open.filter((it) => it.estimate !== null);
    expect(estimated.length).toBeGreaterThan(20);
    const planned = new Map(roadmap.items.map((it) => [it.number, it]));
    const people = new Map(roadmap.people.map((p) => [p.id, p]));
    for (const it of estimated) {
      const placed = planned.get(it.number);
      expect(placed, `#${it.number} should be planned`).toBeDefined();
      const person = people.get(placed?.personId ?? '');
      expect(person, `#${it.number} should have a person`).toBeDefined();
      // Work under way stays with its assignee whatever its skills (the next test).
      if (isUnderWay(it) && it.assignee !== null) continue;
      for (const skill of it.skills) expect(person?.skills).toContain(skill);
    }
    // Unestimated work is reported, not silently dropped.
    const unestimated = open.filter((it) => it.estimate === null).length;
    expect(roadmap.unplanned.filter((u) => u.reason === 'unestimated')).toHaveLength(unestimated);
    expect(roadmap.items).toHaveLength(estimated.length);
  });

  it('should keep every started item on its assignee from the plan start when planning the demo', async () => {
    const planned = new Map(roadmap.items.map((it) => [it.number, it]));
    const all = (await dana.get<{ data: Item[] }>(`${base}/items?limit=2000`)).body.data;
    const started = all.filter(
      (it) => LEAVES.has(it.type) && isUnderWay(it) && it.assigneeId !== null && it.estimate !== null,
    );
    expect(started.length).toBeGreaterThan(10);
    for (const it of started) {
      expect(planned.get(it.number)?.personId, `#${it.number} stays with its assignee`).toBe(it.assigneeId);
    }
    const startedIds = new Set(started.map((it) => it.id));
    const handedOver = roadmap.problems.filter(
      (p) => p.kind === 'assignee-cannot-take' && p.itemIds.some((id) => startedIds.has(id)),
    );
    expect(handedOver).toEqual([]);
    // Started work goes first: on each person, no unstarted item starts before their started work.
    for (const person of roadmap.people) {
      const mine = roadmap.items.filter((it) => it.personId === person.id);
      const lastStarted = mine
        .filter((it) => isUnderWay(it))
        .map((it) => it.start)
        .sort()
        .at(-1);
      if (lastStarted === undefined) continue;
      for (const it of mine.filter((x) => !isUnderWay(x) && x.dependsOn.length === 0)) {
        expect(it.start >= lastStarted, `#${it.number} waits for ${person.name}'s started work`).toBe(true);
      }
    }
  });

  it('should start every item after the items it depends on finish when they are planned', () => {
    const planned = new Map(roadmap.items.map((it) => [it.number, it]));
    let checked = 0;
    for (const dep of demo.dependencies) {
      const waiting = planned.get(dep.item);
      const first = planned.get(dep.dependsOn);
      if (!waiting || !first) continue;
      expect(waiting.start > first.finish, `#${dep.item} waits for #${dep.dependsOn}`).toBe(true);
      checked++;
    }
    // The plan also carries each item's effective dependencies (an epic expands to its work).
    const byId = new Map(roadmap.items.map((it) => [it.itemId, it]));
    for (const it of roadmap.items) {
      for (const dep of it.dependsOn) {
        expect(it.start > byId.get(dep)!.finish).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1);
  });

  it('should never give one person two items at once when the WIP limit is one', () => {
    const byPerson = new Map<string, Roadmap['items']>();
    for (const it of roadmap.items) {
      if (it.personId) byPerson.set(it.personId, [...(byPerson.get(it.personId) ?? []), it]);
    }
    for (const list of byPerson.values()) {
      const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start > sorted[i - 1]!.finish).toBe(true);
    }
  });

  it('should date each initiative milestone by its last planned item and show the slip when it has a target', () => {
    const initiatives = demo.items.filter((it) => it.type === 'initiative' && it.targetDate);
    expect(roadmap.milestones.map((m) => m.title).sort()).toEqual(initiatives.map((i) => i.title).sort());
    for (const m of roadmap.milestones) {
      const finishes = roadmap.items.filter((it) => it.milestoneId === m.id).map((it) => it.finish);
      expect(m.plannedItems).toBe(finishes.length);
      if (finishes.length === 0) continue;
      expect(m.date).toBe(finishes.sort().at(-1));
      const slip = (Date.parse(m.date!) - Date.parse(m.targetDate!)) / MS_PER_DAY;
      expect(m.slipDays).toBe(slip);
    }
  });

  it('should put every planned item in exactly one of now, next and later', () => {
    const all = [...roadmap.buckets.now, ...roadmap.buckets.next, ...roadmap.buckets.later];
    expect(all.sort()).toEqual(roadmap.items.map((it) => it.itemId).sort());
    for (const it of roadmap.items) {
      if (it.state === 'in_progress' || it.state === 'in_review') expect(it.bucket).toBe('now');
      expect(it.reason.text.length).toBeGreaterThan(5);
    }
    expect(roadmap.criticalChain.length).toBeGreaterThan(0);
    expect(roadmap.load.length).toBeGreaterThan(0);
  });

  it('should move at least one milestone earlier when a what-if adds a full-stack developer', async () => {
    const res = await dana.post<ScenarioResult>(`${base}/roadmap/scenarios`, {
      changes: [
        {
          kind: 'add_person',
          name: 'New developer',
          fte: 1,
          skills: ['backend', 'frontend', 'data', 'devops', 'design', 'mobile'],
        },
      ],
    });
    expect(res.status).toBe(200);
    const { baseline, scenario, milestones } = res.body;
    expect(baseline.items).toEqual(roadmap.items);
    expect(scenario.people.find((p) => p.hypothetical)?.name).toBe('New developer');
    expect(scenario.items.some((it) => it.personName === 'New developer')).toBe(true);
    expect(milestones.some((m) => (m.differenceDays ?? 0) < 0)).toBe(true);
    // A greedy list schedule can, in principle, get later with more people (Graham's anomaly),
    // so only "some milestone earlier" is promised; on the demo no milestone gets later either.
    expect(milestones.every((m) => (m.differenceDays ?? 0) <= 0)).toBe(true);
    for (const m of milestones) {
      if (m.baseline && m.scenario)
        expect(m.differenceDays).toBe((Date.parse(m.scenario) - Date.parse(m.baseline)) / MS_PER_DAY);
    }
  });

  it('should plan a moved item no later and drop a cut item when a what-if changes the order and scope', async () => {
    const last = roadmap.items.at(-1)!;
    const cut = roadmap.items[0]!;
    const res = await jonas.post<ScenarioResult>(`${base}/roadmap/scenarios`, {
      changes: [
        { kind: 'move_item', itemId: last.itemId, afterId: null },
        { kind: 'cut_item', itemId: cut.itemId },
      ],
    });
    expect(res.status).toBe(200);
    const moved = res.body.scenario.items.find((it) => it.itemId === last.itemId)!;
    expect(moved.start <= last.start).toBe(true);
    expect(res.body.scenario.items.some((it) => it.itemId === cut.itemId)).toBe(false);
    expect(res.body.changes.map((c) => c.kind)).toEqual(['move_item', 'cut_item']);
  });

  it('should refuse a what-if that removes someone who is not on the plan', async () => {
    const res = await dana.post<{ error: { code: string; message: string } }>(`${base}/roadmap/scenarios`, {
      changes: [{ kind: 'remove_person', userId: 'nobody' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('changes.0.userId');
  });

  it('should refuse a developer publishing the roadmap and name who decides', async () => {
    const res = await jonas.post<{
      error: { code: string; details: { decision: string; holders: { name: string }[] } };
    }>(`${base}/roadmap/snapshots`, {});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.details.decision).toBe('roadmap');
    expect(res.body.error.details.holders.map((h) => h.name)).toContain('Dana Kowalski');
  });

  it('should publish a version, log the decision and show slips since it when an estimate grows', async () => {
    const published = await dana.post<RoadmapSnapshotSummary>(`${base}/roadmap/snapshots`, {
      note: 'Q1 plan for the board',
    });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(1);
    expect(published.body.items).toBe(roadmap.items.length);
    const log = await jonas.get<{ data: { decision: string; summary: string; rationale: string }[] }>(
      `${base}/decisions`,
    );
    expect(log.body.data[0]).toMatchObject({ decision: 'roadmap', rationale: 'Q1 plan for the board' });
    expect(log.body.data[0]?.summary).toContain('Published roadmap version 1');
    const list = await jonas.get<{ data: RoadmapSnapshotSummary[] }>(`${base}/roadmap/snapshots`);
    expect(list.body.data.map((s) => s.id)).toEqual([published.body.id]);

    const target = roadmap.items[0]!;
    const item = (await sam.get<Item>(`${base}/items/${target.itemId}`)).body;
    const bigger = await sam.patch<Item>(`${base}/items/${target.itemId}`, {
      version: item.version,
      estimate: { optimistic: 30, likely: 40, pessimistic: 60 },
    });
    expect(bigger.status).toBe(200);
    const compared = await jonas.get<Roadmap>(`${base}/roadmap?compareTo=${published.body.id}`);
    expect(compared.status).toBe(200);
    const slip = compared.body.comparison?.items.find((s) => s.id === target.itemId);
    expect(slip?.status).toBe('later');
    expect(slip?.slipDays).toBeGreaterThan(0);
    expect(compared.body.comparison?.summary).toContain('Since version 1');
  });

  it('should answer 404 for a snapshot of another workspace or none at all', async () => {
    const res = await jonas.get(`${base}/roadmap?compareTo=00000000-0000-4000-8000-000000000000`);
    expect(res.status).toBe(404);
  });

  it('should give an empty plan with the reasons when nothing is estimated', async () => {
    const team = await createTeam(ctx.app, ['founder', 'product_manager', 'developer']);
    const path = `/api/workspaces/${team.workspaceId}`;
    await team.product_manager.post(`${path}/items`, { type: 'feature', title: 'Unestimated work' });
    const res = await team.developer.get<Roadmap>(`${path}/roadmap`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('empty');
    expect(res.body.problems.map((p) => p.kind)).toEqual(['unestimated']);
    // The founder lists no skills, so takes no planned work; everyone else does.
    expect(res.body.people.map((p) => p.role).sort()).toEqual(['developer', 'product_manager']);
  });

  it('should plan what it can and report a skill nobody has as a value when one item needs it', async () => {
    const team = await createTeam(ctx.app, ['founder', 'developer']);
    const path = `/api/workspaces/${team.workspaceId}`;
    const estimate = { optimistic: 1, likely: 2, pessimistic: 4 };
    const api = await team.developer.post<Item>(`${path}/items`, {
      type: 'task',
      title: 'Public API',
      skills: ['backend'],
      estimate,
    });
    const app = await team.developer.post<Item>(`${path}/items`, {
      type: 'task',
      title: 'iOS app',
      skills: ['mobile'],
      estimate,
    });
    const res = await team.developer.get<Roadmap>(`${path}/roadmap?start=2030-01-07`);
    expect(res.body.status).toBe('planned');
    // PERT mean (1 + 4 × 2 + 4) / 6 ≈ 2.17 days → 3 working days from Monday 2030-01-07.
    expect(res.body.items).toMatchObject([
      { itemId: api.body.id, personId: team.developer.userId, start: '2030-01-07', finish: '2030-01-09' },
    ]);
    expect(res.body.unplanned).toEqual([{ itemId: app.body.id, reason: 'missing-skill' }]);
    expect(res.body.problems).toMatchObject([
      { kind: 'missing-skill', itemIds: [app.body.id], skills: ['mobile'] },
    ]);
  });
});

describe('work under way on the roadmap', () => {
  it('should plan only what is expected to remain after the days already given to it', async () => {
    const team = await createTeam(ctx.app, ['founder', 'developer']);
    const path = `/api/workspaces/${team.workspaceId}`;
    const estimate = { optimistic: 1, likely: 5, pessimistic: 9 };
    const add = async (title: string) =>
      (
        await team.developer.post<Item>(`${path}/items`, {
          type: 'task',
          title,
          skills: ['backend'],
          estimate,
          assigneeId: team.developer.userId,
        })
      ).body;
    const started = await add('Started on Wednesday');
    const moved = await team.developer.patch<Item>(`${path}/items/${started.id}`, {
      version: started.version,
      state: 'in_progress',
    });
    expect(moved.status).toBe(200);
    // It entered "in progress" on Wednesday 2030-01-02; a move to review keeps that start.
    await ctx.handle.db.execute(
      sql`update item_state_changes set changed_at = '2030-01-02T10:00:00Z' where item_id = ${started.id}`,
    );
    const review = await team.developer.patch<Item>(`${path}/items/${started.id}`, {
      version: moved.body.version,
      state: 'in_review',
    });
    expect(review.status).toBe(200);
    await ctx.handle.db.execute(
      sql`update item_state_changes set changed_at = '2030-01-04T10:00:00Z' where item_id = ${started.id} and to_state = 'in_review'`,
    );
    const res = await team.developer.get<Roadmap>(`${path}/roadmap?start=2030-01-07`);
    expect(res.status).toBe(200);
    // Wed, Thu and Fri at full time: 3 of the PERT-beta's days are spent, E[X − 3 | X > 3] ≈ 2.29
    // days remain → 3 working days from Monday 2030-01-07, not the whole mean of 5.
    expect(res.body.items).toMatchObject([{ itemId: started.id, start: '2030-01-07', finish: '2030-01-09' }]);
    expect(res.body.items[0]!.reason.text).toBe(
      'Nothing holds it back: it starts as soon as the plan does. Under way: 3 days given so far; about 2.3 days of its expected 5 days are left',
    );
    await add('Not started');
    const both = await team.developer.get<Roadmap>(`${path}/roadmap?start=2030-01-07`);
    expect(both.body.items.map((it) => [it.finish])).toEqual([['2030-01-09'], ['2030-01-16']]);
  });
});

describe('deleting a published roadmap version', () => {
  it('should refuse a developer with who decides, and let the roadmap decision holder delete it', async () => {
    const published = await dana.post<RoadmapSnapshotSummary>(`${base}/roadmap/snapshots`, {
      note: 'To drop',
    });
    expect(published.status).toBe(201);
    const path = `${base}/roadmap/snapshots/${published.body.id}`;
    const refused = await jonas.delete<{ error: { code: string; details: { decision: string } } }>(path);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.decision).toBe('roadmap');
    expect((await dana.delete(path)).status).toBe(204);
    const list = await jonas.get<{ data: RoadmapSnapshotSummary[] }>(`${base}/roadmap/snapshots`);
    expect(list.body.data.map((s) => s.id)).not.toContain(published.body.id);
  });
});
