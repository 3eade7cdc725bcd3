/**
 * MCP over streamable HTTP at /mcp, in stateless mode: each POST carries its own API token, gets a
 * server acting as that token's user, and is answered as JSON. Only a Bearer token is accepted
 * (never the session cookie), so a page on another site cannot make a signed-in browser call a
 * tool, and no CSRF token is needed.
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Hono } from 'hono';
import { LIMITS } from '../../contract';
import { resolveApiToken } from '../commands/api-tokens';
import type { AppEnv } from '../context';
import { AppError } from '../errors';
import { createMcpServer } from './server';

export const MCP_PATH = '/mcp';

/** Mounts the MCP endpoint on the app; errors before the protocol (no token) use the API's error shape. */
export function registerMcpRoute(app: Hono<AppEnv>): void {
  app.all(MCP_PATH, async (c) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new AppError(
        'unauthenticated',
        'Send an API token as "Authorization: Bearer <token>": create one in Settings → API tokens or with `headway token create`',
      );
    }
    const db = c.get('deps').db;
    const { userId } = await resolveApiToken(db, match[1]);
    const server = createMcpServer({ db, userId });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      maxRequestBodySize: LIMITS.bodyBytes,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      // Stateless: the JSON answer is complete, so this request's server has nothing left to do.
      await server.close();
    }
  });
}
