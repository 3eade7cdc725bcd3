import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CompanyListSchema,
  CompanySchema,
  CreateCompanySchema,
  text,
  UpdateCompanySchema,
} from '../../contract';
import { createCompany, listCompanies, updateCompany } from '../commands/companies';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const P = '/api/workspaces/{workspaceId}/companies';
const CompanyParams = z.object({ workspaceId: text(), companyId: text() });

/** Customer accounts: revenue, tier, segment and the member who owns the account. */
export function registerCompanyRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: P,
      tags: ['discovery'],
      summary: 'Every company of the workspace, by name, with its account owner',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, CompanyListSchema, 'The companies'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, CompanyListSchema, await listCompanies(c.get('deps').db, actor));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: P,
      tags: ['discovery'],
      summary: 'Add a company; its account owner must be a member of the workspace',
      request: { params: WorkspaceParams, ...jsonBody(CreateCompanySchema) },
      responses: jsonResponses(201, CompanySchema, 'The new company'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const company = await createCompany({ db: c.get('deps').db, actor }, c.req.valid('json'));
      return send(c, CompanySchema, company, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${P}/{companyId}`,
      tags: ['discovery'],
      summary:
        "Change a company or its account owner (a member, or null for none); needs the company's version",
      request: { params: CompanyParams, ...jsonBody(UpdateCompanySchema) },
      responses: jsonResponses(200, CompanySchema, 'The company as it now is'),
    }),
    async (c) => {
      const { workspaceId, companyId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const company = await updateCompany({ db: c.get('deps').db, actor }, companyId, c.req.valid('json'));
      return send(c, CompanySchema, company);
    },
  );
}
