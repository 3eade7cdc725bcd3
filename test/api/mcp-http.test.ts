/**
 * MCP over streamable HTTP at /mcp on the in-process app: an API token is the only way in, and a
 * tool called over it acts as the token's user, within their decision rights.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, Item } from '../../src/contract';
import { createApiToken } from '../../src/server/commands/api-tokens';
import { createTestApp } from '../support/app';
import { readAnswer } from '../support/mcp';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'product_manager', 'developer']);
  base = `/api/workspaces/${team.workspaceId}`;
});
afterAll(() => ctx.close());

async function connectOverHttp(token: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), {
    fetch: async (url, init) => ctx.app.request(String(url), init),
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: 'headway-http-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

describe('MCP over streamable HTTP', () => {
  it('should act as the token’s user: a developer’s move becomes a proposal in the product manager’s inbox', async () => {
    const first = (
      await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title: 'Billing' })
    ).body;
    const second = (
      await team.product_manager.post<Item>(`${base}/items`, { type: 'feature', title: 'Exports' })
    ).body;
    const { token } = await createApiToken(ctx.handle.db, team.developer.userId, { name: 'assistant' });
    const client = await connectOverHttp(token);
    const found = readAnswer<{ title: string }[]>(
      await client.callTool({ name: 'search_items', arguments: { query: 'Exports' } }),
    );
    expect(found.data.map((i) => i.title)).toEqual(['Exports']);
    const proposed = readAnswer<{ applied: boolean }>(
      await client.callTool({
        name: 'propose_change',
        arguments: {
          item: `#${second.number}`,
          change: { kind: 'order', beforeId: first.id },
          reason: 'Asked twice',
        },
      }),
    );
    expect(proposed.isError).toBe(false);
    expect(proposed.data.applied).toBe(false);
    expect(proposed.text).toContain('Dana');
    await client.close();
    const inbox = (await team.product_manager.get<Inbox>(`${base}/inbox`)).body;
    expect(inbox.proposals.map((p) => [p.itemId, p.proposedByName, p.reason])).toEqual([
      [second.id, 'Jonas', 'Asked twice'],
    ]);
  });

  it('should refuse a request without a token, with a bad token, and with only the session cookie', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const bare = await ctx.app.request('/mcp', { method: 'POST', headers, body });
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const wrong = await ctx.app.request('/mcp', {
      method: 'POST',
      headers: { ...headers, authorization: 'Bearer hwt_not-a-token' },
      body,
    });
    expect(wrong.status).toBe(401);
    const cookie = await ctx.app.request('/mcp', {
      method: 'POST',
      headers: { ...headers, cookie: team.developer.cookie, 'x-csrf-token': team.developer.csrf },
      body,
    });
    expect(cookie.status).toBe(401);
  });
});
