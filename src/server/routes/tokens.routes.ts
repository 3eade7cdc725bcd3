import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ApiTokenListSchema, CreatedTokenSchema, CreateTokenSchema, text } from '../../contract';
import { takeAttempts } from '../auth/throttle';
import { LIMIT_POLICIES } from '../auth/throttle-policy';
import { createApiToken, findApiTokens, revokeApiToken } from '../commands/api-tokens';
import type { AppEnv } from '../context';
import { AppError, notFound } from '../errors';
import { isUuid, requireUser } from '../policies/access';
import { jsonBody, jsonResponses, send, tooManyRequests } from './openapi';

const { 200: _ok, ...errorResponses } = jsonResponses(200, z.null(), 'unused');

/** API tokens: a person's own credentials for the CLI and integrations, apart from sessions. */
export function registerTokenRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['auth'],
      summary: 'Create an API token for the CLI or an integration (from a signed-in session)',
      request: jsonBody(CreateTokenSchema),
      responses: {
        ...jsonResponses(201, CreatedTokenSchema, 'The token, shown once'),
        ...tooManyRequests('Too many tokens created in the last hour'),
      },
    }),
    async (c) => {
      const userId = requireUser(c);
      // A stolen token must not be able to mint more tokens that outlive its revocation.
      if (c.get('caller')?.via !== 'session') {
        throw new AppError(
          'forbidden',
          'API tokens are created from a signed-in session (Settings → API tokens) or with `headway token create`, not with another token',
        );
      }
      const { db } = c.get('deps');
      await takeAttempts(db, [{ policy: LIMIT_POLICIES.tokenCreation, key: userId }]);
      return send(c, CreatedTokenSchema, await createApiToken(db, userId, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      tags: ['auth'],
      summary: 'My API tokens: name, created, last used, expiry (never the secret)',
      responses: jsonResponses(200, ApiTokenListSchema, 'My tokens that are not revoked, newest first'),
    }),
    async (c) => {
      const userId = requireUser(c);
      return send(c, ApiTokenListSchema, { data: await findApiTokens(c.get('deps').db, userId) });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/tokens/{tokenId}',
      tags: ['auth'],
      summary: 'Revoke one of my API tokens; it stops working at once',
      request: { params: z.object({ tokenId: text() }) },
      responses: { ...errorResponses, 204: { description: 'Revoked' } },
    }),
    async (c) => {
      const userId = requireUser(c);
      const { tokenId } = c.req.valid('param');
      if (!isUuid(tokenId)) throw notFound('API token');
      await revokeApiToken(c.get('deps').db, userId, tokenId);
      return c.body(null, 204);
    },
  );
}
