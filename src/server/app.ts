import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { LIMITS } from '../contract';
import type { AppEnv, ServerDeps } from './context';
import { AppError, describeZodError, errorBody, sqlStateOf, statusFor } from './errors';
import { registerMcpRoute } from './mcp/http';
import { Metrics } from './metrics';
import { authenticate } from './middleware/authenticate';
import { requestContext } from './middleware/request-context';
import { securityHeaders } from './middleware/security-headers';
import { requireWellFormedText } from './middleware/well-formed-text';
import { registerActivityRoutes } from './routes/activity.routes';
import { registerAssessmentLinkRoutes } from './routes/assessment-links.routes';
import { registerAssessmentRoutes } from './routes/assessments.routes';
import { registerAuthRoutes } from './routes/auth.routes';
import { registerBriefRoutes } from './routes/brief.routes';
import { registerCompanyRoutes } from './routes/companies.routes';
import { registerCycleRoutes } from './routes/cycles.routes';
import { registerDeliveryEventRoutes } from './routes/delivery-events.routes';
import { registerDiscoveryRoutes } from './routes/discovery.routes';
import { registerEstimationScaleRoutes } from './routes/estimation-scale.routes';
import { registerEstimationSessionRoutes } from './routes/estimation-sessions.routes';
import { registerEvidenceNoteRoutes } from './routes/evidence-notes.routes';
import { registerExportRoutes } from './routes/exports.routes';
import { registerForecastRoutes } from './routes/forecasts.routes';
import { registerForeignImportRoutes } from './routes/foreign-import.routes';
import { registerGettingStartedRoutes } from './routes/getting-started.routes';
import { registerGithubRoutes } from './routes/github.routes';
import {
  IMPORT_FIELDS_ALLOWANCE,
  importTooLarge,
  isForeignImportPath,
  isMultipart,
} from './routes/import-upload';
import { registerInstanceRoutes } from './routes/instance.routes';
import { registerItemRoutes } from './routes/items.routes';
import { registerLiveRoutes } from './routes/live.routes';
import { registerMetricsRoutes } from './routes/metrics.routes';
import { ResponseCheckError } from './routes/openapi';
import { measureRequests, registerOperationsRoutes } from './routes/operations.routes';
import { registerPlanStartRoutes } from './routes/plan-start.routes';
import { registerPortalRoutes } from './routes/portal.routes';
import { registerPrioritizationRoutes } from './routes/prioritization.routes';
import { registerProposalRoutes } from './routes/proposals.routes';
import { registerPublicAssessmentRoutes } from './routes/public-assessment.routes';
import { registerRoadmapRoutes } from './routes/roadmap.routes';
import { registerSavedViewRoutes } from './routes/saved-views.routes';
import { registerTokenRoutes } from './routes/tokens.routes';
import { importLimitsOf, registerTransferRoutes } from './routes/transfer.routes';
import { registerWebhookRoutes } from './routes/webhooks.routes';
import { registerWorkflowRoutes } from './routes/workflow.routes';
import { registerWorkspaceRoutes } from './routes/workspaces.routes';

function notJson(): AppError {
  return new AppError(
    'unsupported_media_type',
    'Send the body as JSON with "Content-Type: application/json"',
  );
}

function fail(c: Context<AppEnv>, error: AppError) {
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
  return c.json(errorBody(error), statusFor(error.code));
}

/**
 * The answer to an error thrown by a route: AppErrors as they say, collisions as 409, anything
 * else logged and answered 500 without details.
 */
export function answerError(error: Error, c: Context<AppEnv>) {
  if (error instanceof AppError) return fail(c, error);
  if (error instanceof HTTPException) {
    if (error.status === 400 && /json/i.test(error.message)) {
      return fail(
        c,
        new AppError('bad_request', 'The body is not valid JSON: check quotes, commas and brackets'),
      );
    }
    if (error.status === 413) return fail(c, new AppError('payload_too_large', 'The body is too large'));
    return fail(c, new AppError(error.status >= 500 ? 'internal' : 'bad_request', error.message));
  }
  const code = sqlStateOf(error);
  if (code === '40001' || code === '40P01' || code === '23505') {
    return fail(c, new AppError('conflict', 'Another change collided with this one: try again'));
  }
  c.get('logger')?.error({ err: error }, 'unhandled error');
  const request = `request ${c.get('requestId')}`;
  const written = error instanceof ResponseCheckError && !['GET', 'HEAD'].includes(c.req.method);
  return fail(
    c,
    new AppError(
      'internal',
      written
        ? `Something went wrong on our side while answering (${request}): the change was saved; reload to see it`
        : `Something went wrong on our side (${request}); nothing was changed`,
    ),
  );
}

/**
 * The HTTP application: JSON API under /api (validated with zod, documented at
 * /api/openapi.json) and, when built, the web app at /.
 */
export function createApp(deps: ServerDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('validation_failed', describeZodError(result.error), {
          details: { issues: result.error.issues },
        });
      }
    },
  });

  app.use('*', securityHeaders({ publicUrl: deps.publicUrl }));
  app.use('*', requestContext(deps));
  const metrics = deps.metrics ?? new Metrics();
  app.use('*', measureRequests(metrics));
  app.use('/api/*', compress());
  app.use('/api/*', async (c, next) => {
    const method = c.req.method;
    const carriesBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
    const type = c.req.header('content-type');
    // A Jira, Linear, GitHub or CSV file may also come as a multipart upload.
    const upload = isForeignImportPath(c.req.path);
    if (carriesBody && type && !type.toLowerCase().startsWith('application/json')) {
      if (!(upload && isMultipart(type))) throw notJson();
    }
    const isImport = upload || c.req.path.endsWith('/import');
    const isPublic = c.req.path.startsWith('/api/public/');
    const fileLimit = importLimitsOf(deps).maxBytes;
    // An upload carries its fields and framing besides the file, which the route measures itself.
    const limit = upload
      ? fileLimit + IMPORT_FIELDS_ALLOWANCE
      : isImport
        ? fileLimit
        : isPublic
          ? LIMITS.publicAssessmentBytes
          : LIMITS.bodyBytes;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        if (upload) {
          const length = Number(c.req.header('content-length'));
          throw importTooLarge(fileLimit, Number.isFinite(length) ? length : null, 'The upload');
        }
        throw new AppError(
          'payload_too_large',
          c.req.path.startsWith('/api/public/portal/')
            ? `The body is larger than ${Math.round(limit / 1024)} kB, far more than a portal submission holds: send a shorter text`
            : isPublic
              ? `Your answers are larger than ${Math.round(limit / 1024)} kB, far more than the questionnaire needs: send only the options and numbers it asks for`
              : `The body is larger than ${Math.round(limit / 1024)} kB: send less at once`,
        );
      },
    })(c, async () => {
      // Without a content type the validator would read the body as {}: refuse it instead of
      // acting on a request whose fields were never read. The text is cached for the validator.
      if (carriesBody && !type && (await c.req.text()).trim() !== '') throw notJson();
      await next();
    });
  });
  app.use('/api/*', requireWellFormedText());
  registerOperationsRoutes(app, metrics);
  app.use('/api/*', authenticate());

  app.get('/api/health', async (c) => {
    await deps.db.execute(sql`select 1`);
    return c.json({ status: 'ok' });
  });
  registerInstanceRoutes(app);
  registerAuthRoutes(app);
  registerTokenRoutes(app);
  registerWorkspaceRoutes(app);
  registerGettingStartedRoutes(app);
  // Before the item routes, so `items/export.csv` is not read as an item id.
  registerExportRoutes(app);
  registerItemRoutes(app);
  registerSavedViewRoutes(app);
  registerRoadmapRoutes(app);
  registerForecastRoutes(app);
  registerMetricsRoutes(app);
  registerWorkflowRoutes(app);
  registerCycleRoutes(app);
  registerBriefRoutes(app);
  registerDeliveryEventRoutes(app);
  registerDiscoveryRoutes(app);
  registerEvidenceNoteRoutes(app);
  registerCompanyRoutes(app);
  registerGithubRoutes(app);
  registerActivityRoutes(app);
  registerProposalRoutes(app);
  registerTransferRoutes(app);
  registerForeignImportRoutes(app);
  registerAssessmentRoutes(app);
  registerAssessmentLinkRoutes(app);
  registerPlanStartRoutes(app);
  registerPublicAssessmentRoutes(app);
  registerPortalRoutes(app);
  registerPrioritizationRoutes(app);
  registerEstimationSessionRoutes(app);
  registerEstimationScaleRoutes(app);
  registerWebhookRoutes(app);
  registerLiveRoutes(app, metrics);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'headway_session',
    description: 'The session cookie set by sign-in; writes also need the X-CSRF-Token header',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (hwt_…) created in Settings → API tokens or with `headway token create`',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    security: [{ session: [] }, { token: [] }],
    info: {
      title: 'Headway API',
      version: '0.1.0',
      description:
        'The product function of a software company, as software. Errors are `{ error: { code, message, details? } }`. Authenticate with the session cookie (send X-CSRF-Token on writes) or `Authorization: Bearer <token>`.',
    },
  });

  registerMcpRoute(app);

  app.all('/api/*', (c) =>
    fail(c, new AppError('not_found', `No API route ${c.req.method} ${c.req.path}: see /api/openapi.json`)),
  );

  if (deps.webRoot && existsSync(join(deps.webRoot, 'index.html'))) {
    const root = deps.webRoot;
    const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
    app.use('/assets/*', async (c, next) => {
      await next();
      // Asset names carry a content hash: a browser may keep them for good. Set on the finished
      // response, because serveStatic builds its response before its onFound hook runs.
      if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use(
      '/assets/*',
      // The build writes .br and .gz next to every asset; send those to browsers that take them.
      serveStatic({ root, precompressed: true }),
    );
    // A missing hashed asset is a 404, not the app's index.html cached for a year.
    app.get('/assets/*', (c) => c.text('No such asset: reload the page to get the current app', 404));
    app.use('*', serveStatic({ root, precompressed: true }));
    app.get('*', (c) => c.html(indexHtml));
  } else {
    app.get('/', (c) =>
      c.text(
        'Headway API is running. The web app is not built: run `npm run build` and restart. API: /api/openapi.json',
      ),
    );
  }

  app.onError(answerError);

  return app;
}
