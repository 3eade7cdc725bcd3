import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  BriefEmailSettingSchema,
  BriefQuerySchema,
  BriefSchema,
  PortfolioSchema,
  SentBriefSchema,
  UpdateBriefEmailSettingSchema,
} from '../../contract';
import { getBrief } from '../commands/brief';
import { getBriefByEmail, setBriefByEmail } from '../commands/brief-email';
import { getPortfolio } from '../commands/portfolio';
import type { AppEnv } from '../context';
import { sendBriefDigest } from '../mail/brief-digest';
import { requireMember, requireUser } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

/** The weekly brief: what happened since a date, on one page, for the member asking; and the portfolio across workspaces. */
export function registerBriefRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/brief',
      tags: ['delivery'],
      summary:
        'The weekly brief of the member asking since a date: decisions waiting on them, order and scope changes with who decided, milestone forecast moves and why, slips, aging work, estimates far off their calibration, what the plan says is at risk',
      request: { params: WorkspaceParams, query: BriefQuerySchema },
      responses: jsonResponses(
        200,
        BriefSchema,
        'The brief, each line with the app path where it can be acted on',
      ),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, BriefSchema, await getBrief({ db: c.get('deps').db, actor }, c.req.valid('query')));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/portfolio',
      tags: ['delivery'],
      summary:
        'The brief’s headlines of every workspace I belong to, each with my role’s rights there: what waits on me, milestone chances and health, the last assessment’s score; the one that needs me most first',
      responses: jsonResponses(
        200,
        PortfolioSchema,
        'One entry per workspace; one whose figures failed says why instead of failing the whole',
      ),
    }),
    async (c) => {
      const userId = requireUser(c);
      const logger = c.get('logger');
      const portfolio = await getPortfolio(c.get('deps').db, userId, {
        onFailure: (workspaceId, err) => logger?.error({ err, workspaceId }, 'portfolio: a workspace failed'),
      });
      return send(c, PortfolioSchema, portfolio);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/brief/email',
      tags: ['delivery'],
      summary: 'Whether I get my weekly brief by e-mail here, and whether the server can send e-mail at all',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, BriefEmailSettingSchema, 'My setting'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const { db, mail } = c.get('deps');
      return send(c, BriefEmailSettingSchema, {
        enabled: await getBriefByEmail(db, actor),
        mailConfigured: Boolean(mail),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/workspaces/{workspaceId}/brief/email',
      tags: ['delivery'],
      summary: 'Get my weekly brief by e-mail here (on the operator’s schedule), or stop',
      request: { params: WorkspaceParams, ...jsonBody(UpdateBriefEmailSettingSchema) },
      responses: jsonResponses(200, BriefEmailSettingSchema, 'My setting as stored'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const { db, mail } = c.get('deps');
      const enabled = await setBriefByEmail({ db, actor }, c.req.valid('json').enabled);
      return send(c, BriefEmailSettingSchema, { enabled, mailConfigured: Boolean(mail) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/brief/send',
      tags: ['delivery'],
      summary:
        'E-mail me my weekly brief now (the HTML digest and its Markdown), as `headway brief --send` does; 400 naming the setting to fix when the server has no e-mail; 503 with the reason when the e-mail server cannot be reached or refuses it',
      request: { params: WorkspaceParams, query: BriefQuerySchema },
      responses: jsonResponses(200, SentBriefSchema, 'Where it went'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const { db, mail } = c.get('deps');
      const sent = await sendBriefDigest(db, { config: mail ?? null, actor, query: c.req.valid('query') });
      return send(c, SentBriefSchema, { to: sent.to, subject: sent.subject });
    },
  );
}
