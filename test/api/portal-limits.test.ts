/**
 * The public ideas portal, continued: a promised idea's forecast as visitors read it, the limits
 * on reads (per address) and on submissions (per e-mail), bad input, and unpublishing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdeaList, Item, PortalSettings, PublicPortal } from '../../src/contract';
import { portalSubmissions } from '../../src/db/schema';
import {
  EVIDENCE,
  ideaNumber,
  PORTAL,
  preparePortalWorld,
  rowCount,
  SLUG,
  visitor,
  workspacePath,
} from '../support/portal';

const world = preparePortalWorld();
const W = () => workspacePath(world);

beforeAll(async () => {
  const res = await world.team.cpo.put(`${W()}/portal`, { published: true, slug: SLUG, version: 0 });
  expect(res.status).toBe(200);
});

describe('reading the portal', () => {
  it('should let one address read 300 times in an hour, then answer 429 to it and not to others', async () => {
    const reader = visitor(world);
    for (let i = 0; i < 300; i += 1) expect((await reader.get(PORTAL)).status).toBe(200);
    const refused = await reader.get<{ error: { message: string } }>(PORTAL);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.error.message).toContain('portal pages read from your network address');
    expect((await visitor(world).get(PORTAL)).status).toBe(200);
  });
});

describe('a promised idea on the portal', () => {
  it('should show the same chance of its promised date as the team reads', async () => {
    // The CPO holds dates in this team; the developer estimates the work under the promise.
    const made = (await world.team.cpo.post<Item>(`${W()}/items`, { type: 'initiative', title: 'Launch' }))
      .body;
    const milestone = (
      await world.team.cpo.patch<Item>(`${W()}/items/${made.id}`, {
        version: made.version,
        targetDate: '2031-03-01',
      })
    ).body;
    const task = await world.team.developer.post(`${W()}/items`, {
      type: 'task',
      title: 'Payments',
      parentId: milestone.id,
      estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
    });
    expect(task.status).toBe(201);
    const csv = `${EVIDENCE.split('\n')[0]}\nev-9,2026-10-05,sales,,ana@acme.com,,Launch soon,#${milestone.number},2`;
    const imported = await world.team.cpo.post(`${W()}/evidence/import`, { evidenceCsv: csv });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const listed = (await world.team.cpo.get<IdeaList>(`${W()}/ideas`)).body.ideas.find(
      (i) => i.number === milestone.number,
    );
    const decided = await world.team.cpo.post(`${W()}/ideas/${listed?.itemId}/decision`, {
      outcome: 'accepted',
      reason: 'Our biggest accounts need it',
      version: listed?.version,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const inside = (await world.team.cpo.get<IdeaList>(`${W()}/ideas`)).body.ideas.find(
      (i) => i.number === milestone.number,
    );
    expect(inside?.promise?.status).toBe('forecast');
    const shown = (await visitor(world).get<PublicPortal>(PORTAL)).body.ideas.find(
      (i) => i.number === milestone.number,
    );
    expect(shown?.promise).toEqual({
      targetDate: '2031-03-01',
      probability: inside?.promise?.probability,
      status: 'forecast',
    });
    expect(shown?.decision?.reason).toBe('Our biggest accounts need it');
  });
});

describe('the portal’s limits', () => {
  it('should refuse the sixth submission in an hour for one e-mail with 429, keeping nothing of it', async () => {
    const number = await ideaNumber(world, 'SSO');
    const vote = { kind: 'vote', email: 'loud@example.org', ideaNumber: number, importance: 3 };
    for (let i = 0; i < 5; i += 1)
      expect((await visitor(world).post(`${PORTAL}/submissions`, vote)).status).toBe(201);
    const rows = await rowCount(world, portalSubmissions);
    const mails = world.sink.messages.length;
    const refused = await visitor(world).post<{ error: { message: string } }>(`${PORTAL}/submissions`, vote);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(refused.body.error.message).toContain('portal submissions for this e-mail address');
    expect(await rowCount(world, portalSubmissions)).toBe(rows);
    expect(world.sink.messages.length).toBe(mails);
  });

  it('should refuse over-long text and NUL bytes with 400 naming the field, keeping nothing', async () => {
    const rows = await rowCount(world, portalSubmissions);
    const long = await visitor(world).post<{ error: { message: string } }>(`${PORTAL}/submissions`, {
      kind: 'idea',
      email: 'a@example.org',
      title: 'x'.repeat(201),
      text: 'ok',
      importance: 1,
    });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('keep the title to 200 characters');
    const nul = await visitor(world).post(`${PORTAL}/submissions`, {
      kind: 'idea',
      email: 'a@example.org',
      title: 'Dark\u0000mode',
      text: 'ok',
      importance: 1,
    });
    expect(nul.status).toBe(400);
    const importance = await visitor(world).post<{ error: { message: string } }>(`${PORTAL}/submissions`, {
      kind: 'vote',
      email: 'a@example.org',
      ideaNumber: 1,
      importance: 4,
    });
    expect(importance.status).toBe(400);
    expect(importance.body.error.message).toContain('0 (nice to have), 1, 2 or 3');
    const kind = await visitor(world).post(`${PORTAL}/submissions`, { kind: 'spam', email: 'a@example.org' });
    expect(kind.status).toBe(400);
    expect(await rowCount(world, portalSubmissions)).toBe(rows);
  });

  it('should answer 404 again once unpublished', async () => {
    const settings = (await world.team.cpo.get<PortalSettings>(`${W()}/portal`)).body;
    const off = await world.team.founder.put(`${W()}/portal`, {
      published: false,
      slug: SLUG,
      version: settings.version,
    });
    expect(off.status).toBe(200);
    expect((await visitor(world).get(PORTAL)).status).toBe(404);
  });
});
