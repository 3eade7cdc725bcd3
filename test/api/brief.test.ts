/**
 * GET /brief: the weekly brief of the member asking. A founder adds an item with a hostile title;
 * it waits on the CPO's ordering decision, not the developer's; the CPO orders another item and
 * moves a committed date; each shows up in the CPO's brief with where to act, the title as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BriefView, type Item, todayIso } from '../../src/contract';
import { addDays } from '../../src/domain/shared';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { buildUser, buildWorkspace, signInDirectly } from '../support/factories';
import { createTeam, type Team } from '../support/team';

const HOSTILE = '<img src=x onerror=alert(1)>';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;
let hostile: Item;
let ordered: Item;
let slug: string;

type ErrorBody = { error: { code: string; message: string } };

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'developer', 'viewer']);
  base = `/api/workspaces/${team.workspaceId}`;
  slug = (await team.cpo.get<{ slug: string }>(base)).body.slug;
  hostile = (await team.founder.post<Item>(`${base}/items`, { type: 'feature', title: HOSTILE })).body;
  ordered = (await team.founder.post<Item>(`${base}/items`, { type: 'feature', title: 'Ordered' })).body;
  expect((await team.cpo.post(`${base}/items/${ordered.id}/move`, { afterId: null })).status).toBe(200);
  const milestone = (
    await team.cpo.post<Item>(`${base}/items`, { type: 'initiative', title: `Launch ${HOSTILE}` })
  ).body;
  const dated = await team.cpo.patch<Item>(`${base}/items/${milestone.id}`, {
    version: milestone.version,
    targetDate: '2031-03-01',
  });
  expect((await team.cpo.post(`${base}/roadmap/snapshots`, { note: 'Q1' })).status).toBe(201);
  const moved = await team.cpo.patch<Item>(`${base}/items/${milestone.id}`, {
    version: dated.body.version,
    targetDate: '2031-03-15',
    rationale: 'The payment provider moved its API launch',
  });
  expect(moved.status).toBe(200);
});
afterAll(() => ctx.close());

function section(brief: BriefView, kind: BriefView['sections'][number]['kind']) {
  const found = brief.sections.find((s) => s.kind === kind);
  if (!found) throw new Error(`no ${kind} section`);
  return found;
}

describe('GET /brief', () => {
  it('should list what waits on the CPO, the hostile title as written, linking to the item', async () => {
    const res = await team.cpo.get<BriefView>(`${base}/brief`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.since).toBe(addDays(todayIso(), -7));
    const line = section(res.body, 'waiting').lines.find((l) => l.itemId === hostile.id);
    expect(line?.text).toBe(`To place in the order: #${hostile.number} ${HOSTILE} (waiting since today)`);
    expect(line?.href).toBe(`/w/${slug}/backlog?item=${hostile.id}`);
  });

  it('should list on the developer the estimate that waits on them, not the order that waits on the CPO', async () => {
    const res = await team.developer.get<BriefView>(`${base}/brief`);
    expect(res.status).toBe(200);
    const lines = section(res.body, 'waiting').lines.filter((l) => l.itemId === hostile.id);
    expect(lines.map((l) => l.text)).toEqual([
      `To estimate: #${hostile.number} ${HOSTILE} (waiting since today)`,
    ]);
  });

  it('should list the order change with who decided, and the slip with its reason', async () => {
    const brief = (await team.viewer.get<BriefView>(`${base}/brief?since=${todayIso()}`)).body;
    const changes = section(brief, 'changes').lines.map((l) => l.text);
    expect(changes).toContainEqual(
      expect.stringMatching(/^Moved #\d+ “Ordered” to the top \(decided by Chris on /),
    );
    const slips = section(brief, 'slips').lines;
    expect(slips).toHaveLength(1);
    expect(slips[0]?.text).toContain(
      `Launch ${HOSTILE}: committed date 2031-03-01 → 2031-03-15 (14 days later)`,
    );
    expect(slips[0]?.detail).toMatch(/^Why: The payment provider moved its API launch \(moved by Chris on /);
  });

  it('should answer 400 naming since for a malformed or future day, and change nothing', async () => {
    const bad = await team.cpo.get<ErrorBody>(`${base}/brief?since=last-week`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/since/);
    const future = await team.cpo.get<ErrorBody>(`${base}/brief?since=${addDays(todayIso(), 2)}`);
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/is in the future/);
  });

  it('should answer 404 to someone outside the workspace', async () => {
    const stranger = await buildUser(ctx.handle.db, { name: 'Stranger' });
    await buildWorkspace(ctx.handle.db, stranger.id, 'Elsewhere');
    const client = new TestClient(ctx.app);
    await signInDirectly(ctx.handle.db, client, stranger);
    expect((await client.get(`${base}/brief`)).status).toBe(404);
  });
});
