import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AppliedRankingSchema,
  ApplyRankingSchema,
  CalibratedEstimateSchema,
  CalibrationQuerySchema,
  CalibrationReportSchema,
  CompareQuerySchema,
  CreateScoringFormulaSchema,
  RankingComparisonSchema,
  RankingQuerySchema,
  RankingSchema,
  RankSensitivitySchema,
  ScoringFormulaSchema,
  SensitivityQuerySchema,
  text,
  UpdateScoringFormulaSchema,
} from '../../contract';
import { buildCalibration, getCalibratedEstimate } from '../commands/calibration';
import { applyRanking, computeRanking } from '../commands/prioritization';
import { compareOrders, findRankSensitivity } from '../commands/ranking-analysis';
import {
  createScoringFormula,
  deleteScoringFormula,
  findScoringFormulas,
  updateScoringFormula,
} from '../commands/scoring-formulas';
import type { AppEnv } from '../context';
import { requireMember } from '../policies/access';
import { expectedVersion, ItemParams, jsonBody, jsonResponses, send, WorkspaceParams } from './openapi';

const FormulaList = z.object({ data: z.array(ScoringFormulaSchema) });
const FormulaParams = z.object({ workspaceId: text(), formulaId: text() });
const W = '/api/workspaces/{workspaceId}';
// The error responses every route documents, for the one route that answers 204 on success.
const { 200: _ok, ...errorResponses } = jsonResponses(200, z.null(), 'unused');

/** Ranking by frameworks and custom formulas, applying a computed order, and calibration. */
export function registerPrioritizationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: `${W}/ranking`,
      tags: ['prioritization'],
      summary: 'The open backlog ranked by a framework, with scores and inputs; items missing inputs apart',
      request: { params: WorkspaceParams, query: RankingQuerySchema },
      responses: jsonResponses(200, RankingSchema, 'The ranking'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      const { framework } = c.req.valid('query');
      return send(c, RankingSchema, await computeRanking(c.get('deps').db, actor.workspaceId, framework));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${W}/ranking/compare`,
      tags: ['prioritization'],
      summary: 'Compare two orders (frameworks or the manual order): Spearman, Kendall, biggest moves',
      request: { params: WorkspaceParams, query: CompareQuerySchema },
      responses: jsonResponses(200, RankingComparisonSchema, 'The comparison'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        RankingComparisonSchema,
        await compareOrders(c.get('deps').db, actor.workspaceId, c.req.valid('query')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${W}/ranking/sensitivity`,
      tags: ['prioritization'],
      summary:
        'Which inputs, moved one step (or a score from evidence to an end of its interval), would change the top of the ranking',
      request: { params: WorkspaceParams, query: SensitivityQuerySchema },
      responses: jsonResponses(200, RankSensitivitySchema, 'The sensitive inputs'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        RankSensitivitySchema,
        await findRankSensitivity(c.get('deps').db, actor.workspaceId, c.req.valid('query')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${W}/ranking/apply`,
      tags: ['prioritization'],
      summary: 'Rewrite the manual order to a computed one (the backlog_order decision, logged)',
      request: { params: WorkspaceParams, ...jsonBody(ApplyRankingSchema) },
      responses: jsonResponses(200, AppliedRankingSchema, 'The items placed, in order'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        AppliedRankingSchema,
        await applyRanking({ db: c.get('deps').db, actor }, c.req.valid('json')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${W}/formulas`,
      tags: ['prioritization'],
      summary: "The workspace's custom scoring formulas",
      request: { params: WorkspaceParams },
      responses: jsonResponses(200, FormulaList, 'Formulas by name'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(c, FormulaList, { data: await findScoringFormulas(c.get('deps').db, actor.workspaceId) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${W}/formulas`,
      tags: ['prioritization'],
      summary: 'Add a custom scoring formula (the prioritization_method decision)',
      request: { params: WorkspaceParams, ...jsonBody(CreateScoringFormulaSchema) },
      responses: jsonResponses(201, ScoringFormulaSchema, 'The formula'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        ScoringFormulaSchema,
        await createScoringFormula({ db: c.get('deps').db, actor }, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${W}/formulas/{formulaId}`,
      tags: ['prioritization'],
      summary: 'Rename or rewrite a formula; needs its current version',
      request: { params: FormulaParams, ...jsonBody(UpdateScoringFormulaSchema) },
      responses: jsonResponses(200, ScoringFormulaSchema, 'The updated formula'),
    }),
    async (c) => {
      const { workspaceId, formulaId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      const body = c.req.valid('json');
      const version = expectedVersion(c, body.version);
      return send(
        c,
        ScoringFormulaSchema,
        await updateScoringFormula({ db: c.get('deps').db, actor }, { ...body, formulaId, version }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${W}/formulas/{formulaId}`,
      tags: ['prioritization'],
      summary: 'Remove a formula (the prioritization_method decision)',
      request: { params: FormulaParams },
      responses: { ...errorResponses, 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { workspaceId, formulaId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      await deleteScoringFormula({ db: c.get('deps').db, actor }, { formulaId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${W}/calibration`,
      tags: ['estimation'],
      summary: 'How estimates compare with actual effort, overall and per estimator or item type',
      request: { params: WorkspaceParams, query: CalibrationQuerySchema },
      responses: jsonResponses(200, CalibrationReportSchema, 'The calibration report'),
    }),
    async (c) => {
      const actor = await requireMember(c, c.req.valid('param').workspaceId);
      return send(
        c,
        CalibrationReportSchema,
        await buildCalibration(c.get('deps').db, actor.workspaceId, c.req.valid('query')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${W}/items/{itemId}/calibrated-estimate`,
      tags: ['estimation'],
      summary: "An item's estimate raw and calibrated with the team's history, side by side",
      request: { params: ItemParams },
      responses: jsonResponses(200, CalibratedEstimateSchema, 'Raw and calibrated'),
    }),
    async (c) => {
      const { workspaceId, itemId } = c.req.valid('param');
      const actor = await requireMember(c, workspaceId);
      return send(
        c,
        CalibratedEstimateSchema,
        await getCalibratedEstimate(c.get('deps').db, actor.workspaceId, itemId),
      );
    },
  );
}
