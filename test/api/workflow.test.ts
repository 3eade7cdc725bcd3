import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, Workflow, WorkflowState } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cto', 'cpo', 'developer', 'viewer']);
});
afterAll(() => ctx.close());

const W = () => `/api/workspaces/${team.workspaceId}`;
const workflow = async () => (await team.viewer.get<Workflow>(`${W()}/workflow`)).body.states;
const stateNamed = async (name: string) => (await workflow()).find((s) => s.name === name)!;

async function createItem(title: string, state: Item['state'] = 'new'): Promise<Item> {
  const res = await team.cto.post<Item>(`${W()}/items`, { type: 'task', title, state });
  expect(res.status).toBe(201);
  return res.body;
}

describe('workflow states', () => {
  it('should start every workspace with the six states named as Headway names them, each in its category', async () => {
    expect((await workflow()).map((s) => [s.name, s.category, s.builtinState, s.position])).toEqual([
      ['New', 'backlog', 'new', 0],
      ['Ready', 'unstarted', 'ready', 1],
      ['In progress', 'started', 'in_progress', 2],
      ['In review', 'started', 'in_review', 3],
      ['Done', 'done', 'done', 4],
      ['Cancelled', 'cancelled', 'cancelled', 5],
    ]);
  });

  it('should let the technical approach holders rename a state and set its WIP limit, and refuse the CPO with who decides', async () => {
    const ready = await stateNamed('Ready');
    const refused = await team.cpo.patch(`${W()}/workflow/states/${ready.id}`, {
      version: ready.version,
      name: 'Todo',
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('technical approach');
    const renamed = await team.cto.patch<WorkflowState>(`${W()}/workflow/states/${ready.id}`, {
      version: ready.version,
      name: 'Todo',
      wipLimit: 5,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Todo',
      wipLimit: 5,
      category: 'unstarted',
      version: ready.version + 1,
    });
    const stale = await team.cto.patch(`${W()}/workflow/states/${ready.id}`, {
      version: ready.version,
      name: 'Later',
    });
    expect(stale.status).toBe(409);
    expect((await stateNamed('Todo')).wipLimit).toBe(5);
    const clash = await team.cto.patch(`${W()}/workflow/states/${ready.id}`, {
      version: ready.version + 1,
      name: 'done',
    });
    expect(clash.status).toBe(400);
    expect(clash.body).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('should add QA in the started category, move items into it by workflow state, and keep the built-in state in step', async () => {
    const qa = await team.developer.post<WorkflowState>(`${W()}/workflow/states`, {
      name: 'QA',
      builtinState: 'in_review',
      wipLimit: 1,
    });
    expect(qa.status).toBe(201);
    expect(qa.body).toMatchObject({ category: 'started', position: 4, wipLimit: 1 });
    expect((await workflow()).map((s) => s.name)).toEqual([
      'New',
      'Todo',
      'In progress',
      'In review',
      'QA',
      'Done',
      'Cancelled',
    ]);

    const item = await createItem('Export audit log');
    expect(item.workflowStateId).toBe((await stateNamed('New')).id);
    const moved = await team.developer.patch<Item>(`${W()}/items/${item.id}`, {
      version: item.version,
      workflowStateId: qa.body.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ state: 'in_review', workflowStateId: qa.body.id });
    // Setting the built-in state picks the first workflow state that stands for it.
    const back = await team.developer.patch<Item>(`${W()}/items/${item.id}`, {
      version: moved.body.version,
      state: 'in_progress',
    });
    expect(back.body.workflowStateId).toBe((await stateNamed('In progress')).id);
    const contradicts = await team.developer.patch(`${W()}/items/${item.id}`, {
      version: back.body.version,
      state: 'done',
      workflowStateId: qa.body.id,
    });
    expect(contradicts.status).toBe(400);
    expect(contradicts.body).toMatchObject({
      error: { code: 'validation_failed', details: { field: 'workflowStateId' } },
    });
    expect((await team.viewer.get<Item>(`${W()}/items/${item.id}`)).body.state).toBe('in_progress');
  });

  it('should ask where the items of a removed state go, move them there, and never remove the last state of a built-in state', async () => {
    const qa = await stateNamed('QA');
    const a = await createItem('Retry webhooks', 'in_review');
    const b = await createItem('Sign payloads', 'in_review');
    for (const it of [a, b]) {
      const res = await team.developer.patch(`${W()}/items/${it.id}`, {
        version: it.version,
        workflowStateId: qa.id,
      });
      expect(res.status).toBe(200);
    }
    expect((await stateNamed('QA')).itemCount).toBe(2);
    const unasked = await team.cto.post(`${W()}/workflow/states/${qa.id}/remove`, { version: qa.version });
    expect(unasked.status).toBe(400);
    expect((unasked.body as { error: { message: string } }).error.message).toContain('2 item(s) are in “QA”');
    expect((await stateNamed('QA')).itemCount).toBe(2);

    const inReview = await stateNamed('In review');
    const wrongKind = await team.cto.post(`${W()}/workflow/states/${qa.id}/remove`, {
      version: qa.version,
      moveTo: (await stateNamed('Done')).id,
    });
    expect(wrongKind.status).toBe(400);
    const removed = await team.cto.post<{ movedItems: string[] }>(`${W()}/workflow/states/${qa.id}/remove`, {
      version: qa.version,
      moveTo: inReview.id,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.movedItems.sort()).toEqual([a.id, b.id].sort());
    const after = await team.viewer.get<Item>(`${W()}/items/${a.id}`);
    expect(after.body).toMatchObject({ state: 'in_review', workflowStateId: inReview.id });
    expect((await stateNamed('In review')).itemCount).toBe(2);
    expect((await workflow()).map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);

    const lastOne = await team.cto.post(`${W()}/workflow/states/${inReview.id}/remove`, {
      version: inReview.version,
      moveTo: inReview.id,
    });
    expect(lastOne.status).toBe(400);
    expect((lastOne.body as { error: { message: string } }).error.message).toContain(
      'only state for in_review',
    );
  });

  it('should move a state in board order and log workflow changes as technical approach decisions', async () => {
    const done = await stateNamed('Done');
    const res = await team.cto.patch<WorkflowState>(`${W()}/workflow/states/${done.id}`, {
      version: done.version,
      position: 0,
    });
    expect(res.status).toBe(200);
    expect((await workflow()).map((s) => s.name)).toEqual([
      'Done',
      'New',
      'Todo',
      'In progress',
      'In review',
      'Cancelled',
    ]);
    const log = await team.cto.get<{ data: { summary: string }[] }>(
      `${W()}/decisions?decision=technical_approach`,
    );
    const summaries = log.body.data.map((d) => d.summary);
    expect(summaries).toContain('Workflow: moved “Done”');
    expect(summaries).toContain('Workflow: renamed “Ready” to “Todo”, WIP limit of “Todo” set to 5');
    expect(
      summaries.some((s) =>
        s.startsWith('Removed the workflow state “QA”; its 2 item(s) went to “In review”'),
      ),
    ).toBe(true);
  });

  it('should refuse bad input with a 400 that names the field, and another workspace’s state as not found', async () => {
    const bad = await team.cto.post(`${W()}/workflow/states`, { name: ' ', builtinState: 'started' });
    expect(bad.status).toBe(400);
    const zero = await team.cto.post(`${W()}/workflow/states`, {
      name: 'Blocked',
      builtinState: 'in_progress',
      wipLimit: 0,
    });
    expect(zero.status).toBe(400);
    const other = await createTeam(ctx.app, ['founder']);
    const foreign = (await other.founder.get<Workflow>(`/api/workspaces/${other.workspaceId}/workflow`)).body
      .states[0]!;
    const res = await team.cto.patch(`${W()}/workflow/states/${foreign.id}`, { version: 1, name: 'Mine' });
    expect(res.status).toBe(404);
  });
});
