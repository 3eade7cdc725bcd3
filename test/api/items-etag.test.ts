import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { items } from '../../src/db/schema';
import { createTestApp, databaseOf } from '../support/app';
import type { TestClient } from '../support/client';
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

async function newItem(title: string): Promise<Item> {
  const res = await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title });
  expect(res.status).toBe(201);
  return res.body;
}

function revalidate(client: TestClient, path: string, etag: string) {
  return client.request('GET', path, undefined, { 'if-none-match': etag });
}

function tagOf(res: { headers: Headers }): string {
  const etag = res.headers.get('etag');
  expect(etag).toMatch(/^W\/"[0-9a-f]{32}"$/);
  return etag as string;
}

describe('conditional reads of items', () => {
  it('should answer 304 for an unchanged backlog page and 200 with the new page after a write', async () => {
    const item = await newItem('Onboarding checklist');
    const path = `${base}/items?limit=50`;
    const first = await team.developer.get<{ data: Item[] }>(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = tagOf(first);

    const same = await revalidate(team.developer, path, etag);
    expect(same.status).toBe(304);
    expect(same.body).toBeNull();
    expect(same.headers.get('etag')).toBe(etag);
    expect(same.headers.get('cache-control')).toBe('private, no-cache');

    const changed = await team.product_manager.patch<Item>(`${base}/items/${item.id}`, {
      description: 'Five steps',
      version: item.version,
    });
    expect(changed.status).toBe(200);
    const after = await revalidate(team.developer, path, etag);
    expect(after.status).toBe(200);
    expect(tagOf(after)).not.toBe(etag);
    const body = after.body as { data: Item[] };
    expect(body.data.find((i) => i.id === item.id)?.description).toBe('Five steps');
  });

  it('should change the page validator when an item past the page appears, as nextCursor does', async () => {
    const path = `${base}/items?limit=1`;
    const first = await team.developer.get<{ data: Item[]; nextCursor: string | null }>(path);
    const etag = tagOf(first);
    expect((await revalidate(team.developer, path, etag)).status).toBe(304);
    await newItem('One more at the bottom');
    // Only the first item is on the page, yet whether a next page exists is part of it.
    const later = await team.developer.get<{ data: Item[]; nextCursor: string | null }>(`${base}/items`);
    const bottom = later.body.data.at(-1);
    const cursorPath = `${base}/items?limit=1&cursor=${Buffer.from(later.body.data.at(-2)?.rank ?? '', 'utf8').toString('base64url')}`;
    const tail = await team.developer.get<{ data: Item[]; nextCursor: string | null }>(cursorPath);
    expect(tail.body.data[0]?.id).toBe(bottom?.id);
    expect(tail.body.nextCursor).toBeNull();
    const tailTag = tagOf(tail);
    expect((await revalidate(team.developer, cursorPath, tailTag)).status).toBe(304);
    await newItem('Yet another at the bottom');
    const grown = await revalidate(team.developer, cursorPath, tailTag);
    expect(grown.status).toBe(200);
    expect((grown.body as { nextCursor: string | null }).nextCursor).not.toBeNull();
  });

  it('should change both validators when a write changes an item but not its version', async () => {
    const item = await newItem('Changed by a cascade');
    const pagePath = `${base}/items?limit=100`;
    const itemPath = `${base}/items/${item.id}`;
    const pageTag = tagOf(await team.developer.get(pagePath));
    const itemTag = tagOf(await team.developer.get(itemPath));
    // As a cascade or an import does: the row changes, its version and updatedAt do not.
    await databaseOf(ctx.app)
      .update(items)
      .set({ description: sql`'Set aside'` })
      .where(eq(items.id, item.id));
    const page = await revalidate(team.developer, pagePath, pageTag);
    expect(page.status).toBe(200);
    const changed = (page.body as { data: Item[] }).data.find((i) => i.id === item.id);
    expect(changed?.description).toBe('Set aside');
    expect(changed?.version).toBe(item.version);
    const one = await revalidate(team.developer, itemPath, itemTag);
    expect(one.status).toBe(200);
    expect((one.body as Item).description).toBe('Set aside');
    expect((await revalidate(team.developer, itemPath, tagOf(one))).status).toBe(304);
  });

  it('should answer 304 for an unchanged item and 200 once its dependencies change', async () => {
    const item = await newItem('Invoice export');
    const blocker = await newItem('Billing API');
    const path = `${base}/items/${item.id}`;
    const first = await team.developer.get<Item>(path);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = tagOf(first);
    const same = await revalidate(team.developer, path, `W/"0123", ${etag}`);
    expect(same.status).toBe(304);
    expect(same.body).toBeNull();

    const added = await team.cto.post(`${path}/dependencies`, { dependsOnId: blocker.id });
    expect(added.status).toBe(201);
    const after = await revalidate(team.developer, path, etag);
    expect(after.status).toBe(200);
    expect((after.body as Item).dependsOn).toEqual([{ itemId: blocker.id, lagDays: 0 }]);
    expect(tagOf(after)).not.toBe(etag);
  });

  it('should not answer 304 to someone outside the workspace, whatever they send', async () => {
    const item = await newItem('Private roadmap item');
    const path = `${base}/items/${item.id}`;
    const etag = tagOf(await team.developer.get(path));
    const other = await createTeam(ctx.app);
    const outsider = await revalidate(other.founder, path, etag);
    expect(outsider.status).toBe(404);
    const star = await revalidate(other.founder, `${base}/items`, '*');
    expect(star.status).toBe(404);
  });

  it('should give one validator to one body only while writes and reads run side by side', async () => {
    const item = await newItem('Contended');
    const path = `${base}/items?limit=100`;
    const seen = new Map<string, string>();
    let version = item.version;
    const reads = async () => {
      for (let i = 0; i < 6; i += 1) {
        const res = await team.developer.get(path);
        const etag = tagOf(res);
        const body = JSON.stringify(res.body);
        expect(seen.get(etag) ?? body).toBe(body);
        seen.set(etag, body);
      }
    };
    const writes = async () => {
      for (let i = 0; i < 4; i += 1) {
        const res = await team.product_manager.patch<Item>(`${base}/items/${item.id}`, {
          title: `Contended ${i}`,
          version,
        });
        expect(res.status).toBe(200);
        version = res.body.version;
      }
    };
    await Promise.all([reads(), reads(), writes()]);
    const final = tagOf(await team.developer.get(path));
    for (const etag of seen.keys()) {
      expect((await revalidate(team.developer, path, etag)).status).toBe(etag === final ? 304 : 200);
    }
  });
});

describe('a page sent again while it is current', () => {
  it('should send the same bytes for an unchanged page, and the new page once any server changed a row', async () => {
    const item = await newItem('Kept page');
    const path = `${base}/items?limit=100`;
    const first = await team.developer.get(path);
    const again = await team.cto.get(path);
    expect(again.status).toBe(200);
    expect(tagOf(again)).toBe(tagOf(first));
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));

    // Written past this app, as another server on the same database would.
    await databaseOf(ctx.app)
      .update(items)
      .set({ title: sql`'Kept page, renamed elsewhere'` })
      .where(eq(items.id, item.id));
    const fresh = await team.developer.get<{ data: Item[] }>(path);
    expect(tagOf(fresh)).not.toBe(tagOf(first));
    expect(fresh.body.data.find((i) => i.id === item.id)?.title).toBe('Kept page, renamed elsewhere');

    // Another filter, and another workspace asking the same question, get their own pages.
    const features = await team.developer.get<{ data: Item[] }>(`${base}/items?limit=100&type=task`);
    expect(features.body.data).toEqual([]);
    const other = await createTeam(ctx.app);
    const theirs = await other.founder.get<{ data: Item[] }>(
      `/api/workspaces/${other.workspaceId}/items?limit=100`,
    );
    expect(theirs.status).toBe(200);
    expect(theirs.body.data.some((i) => i.id === item.id)).toBe(false);
  });
});
