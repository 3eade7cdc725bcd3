import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  MilestoneForecastsQuerySchema,
  MilestoneForecastsSchema,
  PlanForecastQuerySchema,
  PlanForecastSchema,
  ThroughputForecastSchema,
  ThroughputQuerySchema,
  TrackRecordSchema,
} from '../../contract';
import { forecastPlan } from '../commands/forecast-plan';
import { getTrackRecord } from '../commands/forecast-track-record';
import { forecastThroughput } from '../commands/forecasts';
import { forecastMilestones } from '../commands/milestone-forecasts';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { jsonResponses, send, WorkspaceParams } from './openapi';

export function registerForecastRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/forecasts/throughput',
      tags: ['forecasts'],
      summary:
        'Monte Carlo from the team’s completions: when will N items be done (items=N), or how many by a date (by=YYYY-MM-DD); stored for the track record',
      request: { params: WorkspaceParams, query: ThroughputQuerySchema },
      responses: jsonResponses(
        200,
        ThroughputForecastSchema,
        'Percentiles, or status "insufficient-history" with what is needed',
      ),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        ThroughputForecastSchema,
        await forecastThroughput({ db: c.get('deps').db, actor }, c.req.valid('query')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/forecasts/plan',
      tags: ['forecasts'],
      summary:
        'Monte Carlo through the roadmap scheduler for a milestone or a set of items: date percentiles per item and milestone, and P(on time); stored',
      request: { params: WorkspaceParams, query: PlanForecastQuerySchema },
      responses: jsonResponses(200, PlanForecastSchema, 'The plan forecast'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        PlanForecastSchema,
        await forecastPlan({ db: c.get('deps').db, actor }, c.req.valid('query')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/forecasts/milestones',
      tags: ['forecasts'],
      summary:
        'P50, P85 and P(on time) of every roadmap milestone from one plan simulation, for the roadmap; not stored',
      request: { params: WorkspaceParams, query: MilestoneForecastsQuerySchema },
      responses: jsonResponses(200, MilestoneForecastsSchema, 'The milestone forecasts'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        MilestoneForecastsSchema,
        await forecastMilestones({ db: c.get('deps').db, actor }, c.req.valid('query')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/forecasts/track-record',
      tags: ['forecasts'],
      summary: 'Stored forecasts whose work has finished, scored against what happened, and the calibration',
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, TrackRecordSchema, 'The track record'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, TrackRecordSchema, await getTrackRecord(c.get('deps').db, actor.workspaceId));
    },
  );
}
