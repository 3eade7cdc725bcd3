/**
 * The assessment tools: the questionnaire, and the assessment run on answers (stored as the
 * workspace's next assessment only when asked, which is the team decision, as over HTTP).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { ASSESSMENT_VARIANTS, CreateAssessmentSchema } from '../../contract';
import { type AssessmentReport, assessSetup, validateAnswers } from '../../domain/assessment';
import { describeQuestionnaire } from '../commands/assessment-prefill';
import { createAssessment } from '../commands/assessments';
import { AppError } from '../errors';
import { answer, type McpSession, openWorkspace, parseContract, runTool } from './context';
import { WorkspaceField } from './item-tools';

/** The report in the few lines a model needs first: scores, the worst findings, the plan's actions. */
function digest(report: AssessmentReport) {
  return {
    overall: { score: report.scores.overall, band: report.scores.band },
    areas: report.scores.areas.map((a) => ({ area: a.area, score: a.score, band: a.band })),
    findings: report.findings.map((f) => ({
      id: f.id,
      title: f.title,
      severity: f.severity,
      why: f.why,
      recommendation: f.recommendation,
    })),
    plan: report.plan.horizons.map((h) => ({
      horizon: h.horizon,
      actions: h.actions.map((a) => ({ title: a.title, owner: a.owner, kind: a.kind, details: a.details })),
    })),
    unanswered: report.unanswered,
  };
}

export function registerAssessmentTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'assessment_questionnaire',
    {
      title: 'The assessment questionnaire',
      description:
        'The questions of the development-setup assessment (short or full), with their ids, kinds and allowed options. Call it before run_assessment to know which answers to give.',
      inputSchema: { variant: z.enum(ASSESSMENT_VARIANTS).default('short') },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      runTool(async () => {
        const questionnaire = describeQuestionnaire(input.variant);
        return answer(`The ${input.variant} questionnaire, in asking order.`, questionnaire);
      }),
  );

  server.registerTool(
    'run_assessment',
    {
      title: 'Assess the development setup',
      description:
        'Run the assessment of a company’s development setup on answers keyed by question id (see assessment_questionnaire): scores per area, DORA tiers, findings with why and what to do, and a growth plan by horizon. Every bad answer is listed with what to fix. With save=true the result is stored as the workspace’s next assessment, which is the team decision (the founder by default); without it nothing is stored and any member may run it.',
      inputSchema: {
        workspace: WorkspaceField,
        variant: z.enum(ASSESSMENT_VARIANTS).default('short'),
        answers: z.record(z.string(), z.unknown()).describe('answers keyed by question id'),
        doraYear: z.number().int().optional().describe('the DORA report year to compare with'),
        save: z.boolean().default(false).describe('store it in the workspace (team decision)'),
      },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const request = parseContract(CreateAssessmentSchema, {
          variant: input.variant,
          answers: input.answers,
          doraYear: input.doraYear,
        });
        if (input.save) {
          const stored = await createAssessment(ctx, request);
          return answer(`Assessment ${stored.number} stored in ${ctx.actor.workspaceName}.`, {
            number: stored.number,
            ...digest(stored.report),
          });
        }
        const check = validateAnswers(request.answers, { short: request.variant === 'short' });
        if (check.problems.length > 0) {
          throw new AppError(
            'validation_failed',
            `${check.problems.length} bad answer(s): ${check.problems.map((p) => `${p.questionId}: ${p.message}`).join('; ')}`,
          );
        }
        const report = assessSetup({
          answers: check.answers,
          short: request.variant === 'short',
          company: ctx.actor.workspaceName,
          ...(request.doraYear === undefined ? {} : { doraYear: request.doraYear }),
        });
        return answer('Assessed (not stored: pass save=true to keep it).', digest(report));
      }),
  );
}
