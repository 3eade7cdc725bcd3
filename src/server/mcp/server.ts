/**
 * Headway as an MCP server: an assistant works inside the user's decision rights. Every tool acts
 * as the API token's user and calls the same commands as the HTTP API, so a decision that is not
 * the user's is refused with who decides, and an order or scope change becomes a proposal in that
 * person's inbox.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { HEADWAY_VERSION } from '../../contract/version';
import { findWorkspacesOf } from '../commands/workspaces';
import { registerAssessmentTools } from './assessment-tool';
import { registerBriefTool } from './brief-tool';
import { answer, type McpSession, runTool } from './context';
import { registerDecisionTools } from './decision-tools';
import { registerEvidenceTools } from './evidence-tools';
import { registerForecastTool } from './forecast-tool';
import { registerItemTools } from './item-tools';
import { registerResources } from './resources';

const INSTRUCTIONS = `Headway is the product function of a software company: what is built, when and in which order.
Decisions have owners (the backlog order and scope belong to the product function, estimates to the tech side).
You act as the user whose token this is, with exactly their rights. When a tool refuses because a decision is not theirs, say who decides; for order and scope changes, offer propose_change, which puts the change in that person's inbox.
Dates are forecasts with probabilities: quote P50 and P85 from the forecast tool, never a single certain date.`;

/**
 * An MCP server acting as one user.
 * @param session the database and the user the API token belongs to
 */
export function createMcpServer(session: McpSession): McpServer {
  const server = new McpServer({ name: 'headway', version: HEADWAY_VERSION }, { instructions: INSTRUCTIONS });
  server.registerTool(
    'list_workspaces',
    {
      title: 'My workspaces',
      description:
        'The workspaces the user belongs to, with their role in each. Every other tool takes a `workspace` (id, slug or name), which may be left out when there is only one.',
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    () =>
      runTool(async () => {
        const workspaces = await findWorkspacesOf(session.db, session.userId);
        return answer(
          `${workspaces.length} workspace${workspaces.length === 1 ? '' : 's'}.`,
          workspaces.map((w) => ({ id: w.id, name: w.name, slug: w.slug, role: w.role })),
        );
      }),
  );
  registerItemTools(server, session);
  registerForecastTool(server, session);
  registerDecisionTools(server, session);
  registerBriefTool(server, session);
  registerAssessmentTools(server, session);
  registerEvidenceTools(server, session);
  registerResources(server, session);
  return server;
}
