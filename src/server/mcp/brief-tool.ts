/**
 * The weekly brief as an MCP tool: what happened since a day and what waits on the user, the same
 * brief as the Brief page, `GET …/brief` and `headway brief`, built by the same command.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { BRIEF_DEFAULTS, BriefQuerySchema } from '../../contract';
import { renderBriefMarkdown } from '../../domain/brief';
import { getBrief } from '../commands/brief';
import { answer, type McpSession, openWorkspace, parseContract, runTool } from './context';
import { WorkspaceField } from './item-tools';

export function registerBriefTool(server: McpServer, session: McpSession): void {
  server.registerTool(
    'weekly_brief',
    {
      title: 'The weekly brief',
      description: `The user's weekly brief of a workspace since a day (default ${BRIEF_DEFAULTS.days} days ago): decisions waiting on them, oldest first; changes to the order and scope with who decided and why; each milestone's forecast move (P85 then → now, and why); committed dates that slipped; started work older than 85 % of finished work; estimates far off their calibration; and what the plan says is late. Returns the brief as Markdown (links relative to the web app) and as JSON. Use it to answer "what happened since last week, and what do I need to decide?"; answer proposals with answer_proposal.`,
      inputSchema: {
        workspace: WorkspaceField,
        since: z.string().max(10).optional().describe('first day covered, YYYY-MM-DD (UTC)'),
      },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const brief = await getBrief(ctx, parseContract(BriefQuerySchema, { since: input.since }));
        return answer(renderBriefMarkdown(brief, { origin: null }), brief);
      }),
  );
}
