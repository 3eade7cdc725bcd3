/**
 * API tokens: listed without their secret, revoked at once, expiring, noting their last use at
 * most once a minute, and apart from sessions (they survive sign-out by design).
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiToken, CreatedToken } from '../../src/contract';
import { apiTokens } from '../../src/db/schema';
import { MS_PER_DAY } from '../../src/domain/shared';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let owner: TestClient;
let stranger: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  owner = new TestClient(ctx.app);
  await owner.signUp('Owner');
  stranger = new TestClient(ctx.app);
  await stranger.signUp('Stranger');
});
afterAll(() => ctx.close());

/** A client that authenticates with the token only, as curl would. */
function bearer(token: string): TestClient {
  const client = new TestClient(ctx.app);
  client.token = token;
  return client;
}

async function create(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post<CreatedToken>('/api/tokens', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const storedRow = async (id: string) => {
  const [row] = await ctx.handle.db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!row) throw new Error('token row missing');
  return row;
};

describe('API tokens', () => {
  it('should list name, created, last used and expiry, and never the secret', async () => {
    const created = await create(owner, { name: 'laptop' });
    const days = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / MS_PER_DAY;
    expect(days).toBe(90);
    const list = await owner.get<{ data: ApiToken[] }>('/api/tokens');
    expect(list.status).toBe(200);
    const listed = list.body.data.find((t) => t.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'laptop',
      createdAt: created.createdAt,
      lastUsedAt: null,
      expiresAt: created.expiresAt,
      expired: false,
    });
    const raw = JSON.stringify(list.body);
    expect(raw).not.toContain(created.token);
    expect(raw).not.toContain((await storedRow(created.id)).tokenHash);
  });

  it('should take an expiry in days and refuse one that is not a whole number from 1 to 365', async () => {
    const created = await create(owner, { name: 'ci', expiresInDays: 7 });
    expect((Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / MS_PER_DAY).toBe(7);
    for (const expiresInDays of [0, 366, 1.5, '10', null]) {
      const res = await owner.post<{ error: { code: string; message: string } }>('/api/tokens', {
        name: 'bad',
        expiresInDays,
      });
      expect(res.status, String(expiresInDays)).toBe(400);
      expect(res.body.error.message).toMatch(/^expiresInDays: /);
    }
  });

  it('should note the last use at most once a minute', async () => {
    const created = await create(owner, { name: 'script' });
    const client = bearer(created.token);
    expect((await client.get('/api/me')).status).toBe(200);
    const first = (await storedRow(created.id)).lastUsedAt;
    expect(first).not.toBeNull();
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await storedRow(created.id)).lastUsedAt).toEqual(first);
    // A minute later the next request writes it again.
    const earlier = new Date(Date.now() - 120_000);
    await ctx.handle.db.update(apiTokens).set({ lastUsedAt: earlier }).where(eq(apiTokens.id, created.id));
    expect((await client.get('/api/me')).status).toBe(200);
    const listed = (await owner.get<{ data: ApiToken[] }>('/api/tokens')).body.data.find(
      (t) => t.id === created.id,
    );
    expect(Date.parse(listed?.lastUsedAt ?? '')).toBeGreaterThan(earlier.getTime());
  });

  it('should stop a revoked token on the very next request and drop it from the list', async () => {
    const created = await create(owner, { name: 'to revoke' });
    const client = bearer(created.token);
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await owner.delete(`/api/tokens/${created.id}`)).status).toBe(204);
    const after = await client.get<{ error: { code: string; message: string } }>('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(
      /^This API token was revoked on \d{4}-\d\d-\d\d: create a new one/,
    );
    const list = await owner.get<{ data: ApiToken[] }>('/api/tokens');
    expect(list.body.data.map((t) => t.id)).not.toContain(created.id);
    expect((await owner.delete(`/api/tokens/${created.id}`)).status).toBe(404);
  });

  it("should answer 404 to revoking someone else's token and leave it working", async () => {
    const theirs = await create(stranger, { name: 'theirs' });
    const res = await owner.delete<{ error: { message: string } }>(`/api/tokens/${theirs.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('API token not found');
    expect((await bearer(theirs.token).get('/api/me')).status).toBe(200);
    expect((await owner.delete('/api/tokens/not-a-uuid')).status).toBe(404);
  });

  it('should refuse an expired token saying it expired, and list it as expired', async () => {
    const created = await create(owner, { name: 'old', expiresInDays: 1 });
    await ctx.handle.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, created.id));
    const res = await bearer(created.token).get<{ error: { message: string } }>('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/^This API token expired on \d{4}-\d\d-\d\d: create a new one/);
    const listed = (await owner.get<{ data: ApiToken[] }>('/api/tokens')).body.data.find(
      (t) => t.id === created.id,
    );
    expect(listed?.expired).toBe(true);
  });

  it('should keep a token working after its owner signs out', async () => {
    const person = new TestClient(ctx.app);
    await person.signUp('Leaver');
    const created = await create(person, { name: 'survives' });
    expect((await person.post('/api/auth/signout')).status).toBe(204);
    expect((await person.get('/api/me')).status).toBe(401);
    expect((await bearer(created.token).get('/api/me')).status).toBe(200);
  });

  it('should not let a token create more tokens, but let it list and revoke', async () => {
    const created = await create(owner, { name: 'automation' });
    const client = bearer(created.token);
    const res = await client.post<{ error: { code: string } }>('/api/tokens', { name: 'more' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await client.get('/api/tokens')).status).toBe(200);
    expect((await client.delete(`/api/tokens/${created.id}`)).status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('should answer an unknown token with 401 saying how to get one', async () => {
    const res = await bearer('hwt_made_up').get<{ error: { message: string } }>('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/unknown: create a new one in Settings → API tokens/);
  });
});
