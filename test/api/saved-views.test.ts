import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedView } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let outsiders: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'developer', 'product_manager', 'viewer']);
  outsiders = await createTeam(ctx.app, ['founder', 'developer']);
  base = `/api/workspaces/${team.workspaceId}/saved-views`;
});
afterAll(() => ctx.close());

type ErrorBody = { error: { code: string; message: string } };
type ViewList = { data: SavedView[] };

const namesOf = (list: ViewList) => list.data.map((v) => v.name);

describe('saved views', () => {
  it('should save a shared view every member sees and a personal one only its owner sees', async () => {
    const shared = await team.founder.post<SavedView>(base, {
      name: '  Open bugs  ',
      shared: true,
      query: { type: 'bug', state: 'ready', view: 'grouped', closed: 'show' },
    });
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({
      name: 'Open bugs',
      shared: true,
      query: { type: 'bug', state: 'ready', view: 'grouped', closed: 'show' },
      ownerId: team.founder.userId,
      ownerName: 'Alex',
      mayChange: true,
      version: 1,
    });
    const personal = await team.founder.post<SavedView>(base, {
      name: 'My search',
      query: { q: 'export', assignee: team.developer.userId },
    });
    expect(personal.status).toBe(201);
    expect(personal.body.shared).toBe(false);

    const founderList = await team.founder.get<ViewList>(base);
    expect(namesOf(founderList.body)).toEqual(['Open bugs', 'My search']);
    const developerList = await team.developer.get<ViewList>(base);
    expect(developerList.status).toBe(200);
    expect(namesOf(developerList.body)).toEqual(['Open bugs']);
    expect(developerList.body.data[0]?.mayChange).toBe(false);
    // A viewer is a member too: they may read and save views, which change no product data.
    const viewer = await team.viewer.post<SavedView>(base, { name: 'Mine', query: {} });
    expect(viewer.status).toBe(201);
  });

  it('should rename a view with its version and refuse the stale version with 409', async () => {
    const created = await team.developer.post<SavedView>(base, { name: 'Backend', query: { label: 'api' } });
    const renamed = await team.developer.patch<SavedView>(`${base}/${created.body.id}`, {
      version: 1,
      name: 'Backend work',
      query: { label: 'api', state: 'in_progress' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Backend work',
      version: 2,
      query: { label: 'api', state: 'in_progress' },
    });
    const stale = await team.developer.patch<ErrorBody>(`${base}/${created.body.id}`, {
      version: 1,
      name: 'Lost change',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.message).toContain('now version 2');
    const list = await team.developer.get<ViewList>(base);
    expect(namesOf(list.body)).toContain('Backend work');
    expect(namesOf(list.body)).not.toContain('Lost change');
  });

  it('should delete a view its owner made, and a founder a shared view of someone else', async () => {
    const own = await team.developer.post<SavedView>(base, { name: 'Throwaway', query: {} });
    expect((await team.developer.delete(`${base}/${own.body.id}`)).status).toBe(204);
    const shared = await team.developer.post<SavedView>(base, {
      name: 'Team board',
      shared: true,
      query: { view: 'grouped' },
    });
    expect(
      (await team.founder.get<ViewList>(base)).body.data.find((v) => v.id === shared.body.id),
    ).toMatchObject({ mayChange: true, ownerName: 'Jonas' });
    expect((await team.founder.delete(`${base}/${shared.body.id}`)).status).toBe(204);
    const list = await team.developer.get<ViewList>(base);
    expect(namesOf(list.body)).not.toContain('Throwaway');
    expect(namesOf(list.body)).not.toContain('Team board');
  });

  it('should answer 400 naming an unknown query key, and save nothing', async () => {
    const res = await team.developer.post<ErrorBody>(base, {
      name: 'Sneaky',
      query: { type: 'bug', sort: 'title' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toBe('query: unknown field "sort": remove it');
    expect(namesOf((await team.developer.get<ViewList>(base)).body)).not.toContain('Sneaky');
  });

  it('should answer 400 saying what to fix for a bad value, a query string or a bad name', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'x', query: { state: 'doing' } }, 'query.state:'],
      [{ name: 'x', query: { assignee: 'alex' } }, 'query.assignee:'],
      [{ name: 'x', query: { closed: 'yes' } }, 'closed is "show"'],
      [{ name: 'x', query: { score: 'Robert; drop table' } }, 'lower_snake_case'],
      [{ name: 'x', query: 'type=bug&state=ready' }, 'query:'],
      [{ name: '   ', query: {} }, 'name: a view needs a name'],
      [{ name: 'n'.repeat(81), query: {} }, 'name: a view name is at most 80 characters'],
    ];
    for (const [body, message] of cases) {
      const res = await team.developer.post<ErrorBody>(base, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message, JSON.stringify(body)).toContain(message);
    }
  });

  it('should answer 409 for a second view of the same name in the same scope, whatever its case', async () => {
    await team.product_manager.post(base, { name: 'Roadmap prep', query: {} });
    const twice = await team.product_manager.post<ErrorBody>(base, { name: 'roadmap PREP', query: {} });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('you already have a personal view called');
    // Another person's personal view, or a shared view, may carry the same name.
    expect((await team.developer.post(base, { name: 'Roadmap prep', query: {} })).status).toBe(201);
    expect(
      (await team.product_manager.post(base, { name: 'Roadmap prep', shared: true, query: {} })).status,
    ).toBe(201);
    const sharedTwice = await team.developer.post<ErrorBody>(base, {
      name: 'Roadmap Prep',
      shared: true,
      query: {},
    });
    expect(sharedTwice.status).toBe(409);
    expect(sharedTwice.body.error.message).toContain('this workspace already has a shared view called');
  });

  it("should answer 404 for another member's personal view, as if it did not exist", async () => {
    const mine = await team.founder.post<SavedView>(base, { name: 'Private', query: { type: 'epic' } });
    const read = await team.developer.patch<ErrorBody>(`${base}/${mine.body.id}`, {
      version: 1,
      name: 'Mine now',
    });
    expect(read.status).toBe(404);
    expect(read.body.error.message).toBe('Saved view not found');
    expect((await team.developer.delete(`${base}/${mine.body.id}`)).status).toBe(404);
    const list = await team.founder.get<ViewList>(base);
    expect(list.body.data.find((v) => v.id === mine.body.id)?.name).toBe('Private');
  });

  it("should refuse a developer deleting a founder's shared view with 403 naming who can", async () => {
    const shared = await team.founder.post<SavedView>(base, {
      name: 'Release scope',
      shared: true,
      query: {},
    });
    const res = await team.developer.delete<ErrorBody>(`${base}/${shared.body.id}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(res.body.error.message).toBe(
      'Only Alex, who saved it, can change or delete the shared view “Release scope”: ask them, or save your own view',
    );
    const rename = await team.developer.patch<ErrorBody>(`${base}/${shared.body.id}`, {
      version: 1,
      name: 'Mine',
    });
    expect(rename.status).toBe(403);
    expect(namesOf((await team.developer.get<ViewList>(base)).body)).toContain('Release scope');
  });

  it('should name the founders too when someone else saved the shared view', async () => {
    const shared = await team.product_manager.post<SavedView>(base, {
      name: 'PM picks',
      shared: true,
      query: {},
    });
    const res = await team.developer.delete<ErrorBody>(`${base}/${shared.body.id}`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'Only Dana, who saved it, or a founder (Alex) can change or delete',
    );
  });

  it("should refuse a founder making someone else's shared view personal", async () => {
    const shared = await team.developer.post<SavedView>(base, { name: 'Dev picks', shared: true, query: {} });
    const res = await team.founder.patch<ErrorBody>(`${base}/${shared.body.id}`, {
      version: 1,
      shared: false,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Only Jonas, who saved it, can make');
    const unshared = await team.developer.patch<SavedView>(`${base}/${shared.body.id}`, {
      version: 1,
      shared: false,
    });
    expect(unshared.status).toBe(200);
    expect(namesOf((await team.founder.get<ViewList>(base)).body)).not.toContain('Dev picks');
  });

  it("should answer 404 to another workspace's member and list none of its views", async () => {
    const shared = await team.founder.post<SavedView>(base, {
      name: 'Tenant check',
      shared: true,
      query: {},
    });
    const foreign = outsiders.founder;
    expect((await foreign.get(base)).status).toBe(404);
    expect((await foreign.delete(`${base}/${shared.body.id}`)).status).toBe(404);
    const ownBase = `/api/workspaces/${outsiders.workspaceId}/saved-views`;
    // The view's id through their own workspace is not found either.
    expect((await foreign.delete(`${ownBase}/${shared.body.id}`)).status).toBe(404);
    expect(namesOf((await foreign.get<ViewList>(ownBase)).body)).toEqual([]);
  });
});
