/**
 * The forecast tool: Monte Carlo answers with percentiles and what they are based on, through the
 * same commands as the forecast routes (each forecast is stored for the track record, as there).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { PlanForecastQuerySchema, ThroughputQuerySchema } from '../../contract';
import { forecastPlan } from '../commands/forecast-plan';
import { forecastThroughput } from '../commands/forecasts';
import { answer, type McpSession, openWorkspace, parseContract, resolveItemId, runTool } from './context';
import { WorkspaceField } from './item-tools';

const QUESTIONS = ['next_items', 'count_by_date', 'milestone'] as const;

const listPercentiles = (
  levels: { level: number; date?: string | null | undefined; count?: number | undefined }[],
) =>
  levels
    .map((p) => `P${Math.round(p.level * (p.level <= 1 ? 100 : 1))} ${p.date ?? p.count ?? 'never'}`)
    .join(', ');

export function registerForecastTool(server: McpServer, session: McpSession): void {
  server.registerTool(
    'forecast',
    {
      title: 'Forecast delivery',
      description:
        'Answer "when?" and "how many?" with probabilities, never a single date. Questions: `next_items` (when will the next N items be done? give `items`), `count_by_date` (how many items by a date? give `by`), `milestone` (when will a milestone or epic be done, and the chance of its target date? give `milestone`). next_items and count_by_date resample the team’s recent throughput; milestone simulates the roadmap with the team’s estimate accuracy. Returns percentiles (P50 = as likely as not; P85 = the date to commit to), the basis (history used, items counted, calibration on past forecasts, notes on unestimated work) and the forecast id. Status "insufficient-history" or "nothing-to-forecast" says what is missing: report it, do not invent a date.',
      inputSchema: {
        workspace: WorkspaceField,
        question: z.enum(QUESTIONS),
        items: z.number().int().min(1).max(100_000).optional().describe('next_items: how many items'),
        by: z.string().max(10).optional().describe('count_by_date: the day, YYYY-MM-DD'),
        milestone: z
          .string()
          .max(60)
          .optional()
          .describe('milestone: the initiative or epic, by number or id'),
        target: z
          .string()
          .max(10)
          .optional()
          .describe('milestone: the date to hit (default its target date)'),
        start: z.string().max(10).optional().describe('first forecast day, YYYY-MM-DD (default today, UTC)'),
        trials: z
          .number()
          .int()
          .min(50)
          .max(10_000)
          .optional()
          .describe('Monte Carlo trials (defaults are fine)'),
      },
      annotations: { readOnlyHint: false, idempotentHint: true },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const text = (n: number | undefined) => (n === undefined ? undefined : String(n));
        if (input.question === 'milestone') {
          if (!input.milestone)
            return refuseMissing('milestone', 'the milestone (an initiative or epic) by number or id');
          const milestone = await resolveItemId(ctx, input.milestone);
          const query = parseContract(PlanForecastQuerySchema, {
            milestone,
            target: input.target,
            start: input.start,
            trials: text(input.trials),
          });
          const result = await forecastPlan(ctx, query);
          if (result.status !== 'ok') return answer(`Nothing to forecast: ${result.reason}`, result);
          const s = result.subject;
          return answer(
            `${s.title}: ${listPercentiles(s.percentiles)}${s.probabilityOnTime === null ? '' : `; ${Math.round(s.probabilityOnTime * 100)} % chance by ${s.targetDate}`}.`,
            {
              forecastId: result.forecastId,
              method: result.method,
              start: result.start,
              trials: result.trials,
              subject: {
                title: s.title,
                targetDate: s.targetDate,
                percentiles: s.percentiles,
                probabilityOnTime: s.probabilityOnTime,
              },
              unestimated: result.unestimated,
              basis: { record: result.record, notes: result.notes, comparison: result.comparison },
              unplanned: result.unplanned,
            },
          );
        }
        if (input.question === 'next_items' && input.items === undefined)
          return refuseMissing('items', 'how many of the next items');
        if (input.question === 'count_by_date' && input.by === undefined)
          return refuseMissing('by', 'the day, YYYY-MM-DD');
        const query = parseContract(ThroughputQuerySchema, {
          ...(input.question === 'next_items' ? { items: text(input.items) } : { by: input.by }),
          start: input.start,
          trials: text(input.trials),
        });
        const result = await forecastThroughput(ctx, query);
        if (result.status !== 'ok') return answer(`Not enough history: ${result.reason}`, result);
        const asked =
          input.question === 'next_items'
            ? `The next ${result.items} items done by`
            : `Items done by ${result.by}`;
        return answer(`${asked}: ${listPercentiles(result.percentiles)} (${result.calibration.label}).`, {
          forecastId: result.forecastId,
          method: result.method,
          start: result.start,
          trials: result.trials,
          percentiles: result.percentiles,
          basis: { ...result.basis, windowDays: result.windowDays, calibration: result.calibration.label },
        });
      }),
  );
}

function refuseMissing(field: string, what: string) {
  return {
    content: [{ type: 'text' as const, text: `validation_failed: ${field}: give ${what} for this question` }],
    isError: true,
  };
}
