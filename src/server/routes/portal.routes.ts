import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ModeratePortalSchema,
  PortalQueueSchema,
  PortalReceiptSchema,
  PortalSettingsSchema,
  PortalStoppedSchema,
  PortalSubmissionSchema,
  PortalSubmissionViewSchema,
  PortalVerifiedSchema,
  PublicPortalSchema,
  StopPortalNoticesSchema,
  text,
  UpdatePortalSchema,
  VerifyPortalSchema,
} from '../../contract';
import { addressLimitKey, clientAddressOf } from '../auth/client-address';
import {
  approvePortalSubmission,
  listPortalQueue,
  rejectPortalSubmission,
} from '../commands/portal-moderation';
import { stopPortalNotices } from '../commands/portal-notices';
import { getPublicPortal, submitToPortal, verifyPortalSubmission } from '../commands/portal-public';
import { getPortalSettings, updatePortal } from '../commands/portal-settings';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonBody, jsonResponses, send, tooManyRequests, WorkspaceParams } from './openapi';

const PUBLIC = '/api/public/portal/{slug}';
const MEMBERS = '/api/workspaces/{workspaceId}/portal';
const SlugParams = z.object({ slug: text().max(100).describe('the portal’s address') });
const SubmissionParams = z.object({ workspaceId: text(), submissionId: text() });

/**
 * The public ideas portal (no sign-in, never a session) and, for members, its setting and its
 * moderation queue.
 */
export function registerPortalRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: PUBLIC,
      tags: ['portal'],
      summary: 'A published ideas portal: the ideas, their decision and why, and promised dates (no sign-in)',
      security: [],
      description:
        'Limited per client address (429 with Retry-After), since each read runs the plan forecast.',
      request: { params: SlugParams },
      responses: {
        ...jsonResponses(200, PublicPortalSchema, 'The portal; 404 when it is not published'),
        ...tooManyRequests('Too many reads of portal pages from this address'),
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'private, no-store');
      const portal = await getPublicPortal(
        c.get('deps').db,
        c.req.valid('param').slug,
        addressLimitKey(clientAddressOf(c)),
      );
      return send(c, PublicPortalSchema, portal);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${PUBLIC}/submissions`,
      tags: ['portal'],
      summary:
        'Send an idea, evidence, a vote or a follow; a link to confirm goes to the e-mail (no sign-in)',
      description:
        'Nothing is shown until the link is opened and a member approves it. Limited per client address, per e-mail and per portal (429 with Retry-After, nothing kept); 503 when the server sends no e-mail.',
      security: [],
      request: { params: SlugParams, ...jsonBody(PortalSubmissionSchema) },
      responses: {
        ...jsonResponses(201, PortalReceiptSchema, 'Kept until the e-mail is confirmed'),
        ...tooManyRequests('Too many submissions from this address, for this e-mail or to this portal'),
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'private, no-store');
      const receipt = await submitToPortal(c.get('deps').db, {
        mail: c.get('deps').mail,
        slug: c.req.valid('param').slug,
        addressKey: addressLimitKey(clientAddressOf(c)),
        submission: c.req.valid('json'),
      });
      return send(c, PortalReceiptSchema, receipt, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${PUBLIC}/verify`,
      tags: ['portal'],
      summary: 'Confirm a submission with the link’s token: a follow starts, anything else awaits moderation',
      security: [],
      request: { params: SlugParams, ...jsonBody(VerifyPortalSchema) },
      responses: jsonResponses(200, PortalVerifiedSchema, 'What the confirmation did'),
    }),
    async (c) => {
      c.header('Cache-Control', 'private, no-store');
      const verified = await verifyPortalSubmission(c.get('deps').db, {
        slug: c.req.valid('param').slug,
        token: c.req.valid('json').token,
      });
      return send(c, PortalVerifiedSchema, verified);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${PUBLIC}/stop`,
      tags: ['portal'],
      summary:
        'Stop every e-mail from this portal to the address a notice went to, with the token of its stop link (no sign-in)',
      description:
        'Opening it again changes nothing; confirming a new submission on the portal starts them again.',
      security: [],
      request: { params: SlugParams, ...jsonBody(StopPortalNoticesSchema) },
      responses: jsonResponses(200, PortalStoppedSchema, 'No more e-mails to that address'),
    }),
    async (c) => {
      c.header('Cache-Control', 'private, no-store');
      const stopped = await stopPortalNotices(c.get('deps').db, {
        slug: c.req.valid('param').slug,
        token: c.req.valid('json').token,
      });
      return send(c, PortalStoppedSchema, stopped);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: MEMBERS,
      tags: ['portal'],
      summary: 'The workspace’s ideas portal: published or not, its address, and how many submissions wait',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, PortalSettingsSchema, 'The portal'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, PortalSettingsSchema, await getPortalSettings(c.get('deps').db, actor));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: MEMBERS,
      tags: ['portal'],
      summary: 'Publish or unpublish the portal at an address (the roadmap decision’s holders)',
      request: { params: WorkspaceParams, ...jsonBody(UpdatePortalSchema) },
      responses: jsonResponses(200, PortalSettingsSchema, 'The portal as it now is'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const settings = await updatePortal({ db: c.get('deps').db, actor }, c.req.valid('json'));
      return send(c, PortalSettingsSchema, settings);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${MEMBERS}/submissions`,
      tags: ['portal'],
      summary: 'The moderation queue: confirmed submissions waiting for a member, oldest first',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, PortalQueueSchema, 'The queue'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, PortalQueueSchema, await listPortalQueue(c.get('deps').db, actor));
    },
  );

  for (const action of ['approve', 'reject'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `${MEMBERS}/submissions/{submissionId}/${action}`,
        tags: ['portal'],
        summary:
          action === 'approve'
            ? 'Approve a submission: it becomes evidence from the portal (a new idea also an item)'
            : 'Reject a submission: it never appears',
        request: { params: SubmissionParams, ...jsonBody(ModeratePortalSchema) },
        responses: jsonResponses(200, PortalSubmissionViewSchema, 'The submission as moderated'),
      }),
      async (c) => {
        const { workspaceId, submissionId } = c.req.valid('param');
        const actor = await requireMember(c, workspaceId);
        const ctx = { db: c.get('deps').db, actor };
        const moderate = action === 'approve' ? approvePortalSubmission : rejectPortalSubmission;
        return send(c, PortalSubmissionViewSchema, await moderate(ctx, submissionId, c.req.valid('json')));
      },
    );
  }
}
