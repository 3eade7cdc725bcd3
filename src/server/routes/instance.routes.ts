import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { HEADWAY_VERSION, InstanceSchema } from '../../contract';
import type { AppEnv } from '../context';
import { jsonResponses, send } from './openapi';

/** What a visitor may know before signing in: the version, and the demo accounts when the demo runs. */
export function registerInstanceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/instance',
      tags: ['auth'],
      summary: 'This server: its version, and the demo accounts when it runs the demo',
      security: [],
      responses: jsonResponses(200, InstanceSchema, 'About this server'),
    }),
    (c) => send(c, InstanceSchema, { version: HEADWAY_VERSION, demo: c.get('deps').demo ?? null }),
  );
}
