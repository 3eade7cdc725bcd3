/**
 * "Start this plan": one horizon of a growth plan becomes tasks under a growth initiative, each
 * owned by the member in the action's owner role; started once; the roadmap decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, AssessmentComparisonView, Item, Member, StartedPlan } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;
let assessment: Assessment;
let started: Item[] = [];

/** A seed company whose CTO runs delivery without a product owner: the plan has work for now. */
const ANSWERS = {
  stage: 'early-traction',
  developers: 5,
  'tech-leads': 0,
  designers: 0,
  'product-managers': 0,
  'senior-tech': 'cto',
  'backlog-owner': 'cto',
  'delivery-owner': 'cto',
  roadmap: 'wish-list',
  'product-leadership': 'none',
  'delivery-manager': 'none',
  'cto-delivery-share': 'over-60',
};

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app);
  base = `/api/workspaces/${team.workspaceId}`;
  const res = await team.founder.post<Assessment>(`${base}/assessments`, {
    variant: 'short',
    answers: ANSWERS,
  });
  if (res.status !== 201) throw new Error(`setup failed: ${JSON.stringify(res.body)}`);
  assessment = res.body;
});
afterAll(() => ctx.close());

const actionsOf = (horizon: string) =>
  assessment.report.plan.horizons.find((h) => h.horizon === horizon)?.actions ?? [];

describe('starting a growth plan', () => {
  it('should turn the actions of a horizon into tasks under a growth initiative, owned by their roles', async () => {
    const actions = actionsOf('now');
    expect(actions.length).toBeGreaterThan(0);
    const res = await team.cpo.post<StartedPlan>(`${base}/assessments/1/start-plan`, { horizon: 'now' });
    expect(res.status).toBe(201);
    const { initiative, items } = res.body;
    started = items;
    expect(initiative.type).toBe('initiative');
    expect(items.map((i) => i.title)).toEqual(actions.map((a) => a.title));
    const members = (await team.founder.get<{ data: Member[] }>(`${base}/members`)).body.data;
    for (const [index, item] of items.entries()) {
      expect(item.parentId).toBe(initiative.id);
      const owner = members.find((m) => m.role === actions[index]?.owner);
      expect(item.assigneeId, item.title).toBe(owner?.userId ?? null);
    }
    const children = await team.founder.get<{ data: Item[] }>(`${base}/items?parentId=${initiative.id}`);
    expect(children.body.data.length).toBe(actions.length);
  });

  it('should start a horizon once, naming the initiative it already is', async () => {
    const again = await team.cpo.post<{ error: { code: string; message: string } }>(
      `${base}/assessments/1/start-plan`,
      { horizon: 'now' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already started as initiative #\d+/);
  });

  it('should refuse a member without the roadmap decision, naming who holds it', async () => {
    const res = await team.developer.post<{ error: { code: string } }>(`${base}/assessments/1/start-plan`, {
      horizon: '3-months',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
  });

  it('should show in a later comparison which started actions are done, in progress or not started', async () => {
    expect(started.length).toBeGreaterThanOrEqual(2);
    const move = async (item: Item, states: string[]) => {
      let version = item.version;
      for (const state of states) {
        const res = await team.cpo.patch<Item>(`${base}/items/${item.id}`, { version, state });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        version = res.body.version;
      }
    };
    await move(started[0]!, ['in_progress', 'done']);
    await move(started[1]!, ['in_progress']);
    const later = await team.founder.post<Assessment>(`${base}/assessments`, {
      variant: 'short',
      answers: ANSWERS,
    });
    expect(later.status).toBe(201);
    const res = await team.viewer.get<AssessmentComparisonView>(
      `${base}/assessments/compare?from=1&to=${later.body.number}`,
    );
    expect(res.status).toBe(200);
    const expected = actionsOf('now').map((action, index) => ({
      actionId: action.id,
      title: action.title,
      horizon: 'now',
      itemNumber: started[index]!.number,
      progress: index === 0 ? 'done' : index === 1 ? 'in_progress' : 'not_started',
    }));
    expect(res.body.startedActions).toEqual(expected);
    expect(res.body.markdown).toContain(`- ${started[0]!.title} (#${started[0]!.number}): done`);
  });

  it('should refuse an unknown horizon with a 400 naming the field', async () => {
    const res = await team.cpo.post<{ error: { message: string } }>(`${base}/assessments/1/start-plan`, {
      horizon: 'someday',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^horizon/);
  });
});
