/**
 * Resources: the roadmap and the decision log of each of the user's workspaces, as JSON, for a
 * client to attach as context. The workspace in the address must be one of the user's.
 */
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { findDecisions } from '../commands/decision-log';
import { getRoadmap } from '../commands/roadmap';
import { findWorkspacesOf } from '../commands/workspaces';
import { type McpSession, openWorkspace } from './context';

/** How many of the newest decisions the decision-log resource holds. */
const DECISIONS_SHOWN = 200;

function asJson(uri: URL, data: unknown): ReadResourceResult {
  return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(data, null, 2) }] };
}

/** The one value of a template variable (the SDK gives a list for exploded variables). */
function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function registerResources(server: McpServer, session: McpSession): void {
  const listFor = (kind: 'roadmap' | 'decisions', title: string) => async () => ({
    resources: (await findWorkspacesOf(session.db, session.userId)).map((w) => ({
      uri: `headway://workspaces/${w.id}/${kind}`,
      name: `${w.name}: ${title}`,
      mimeType: 'application/json',
    })),
  });

  server.registerResource(
    'roadmap',
    new ResourceTemplate('headway://workspaces/{workspaceId}/roadmap', {
      list: listFor('roadmap', 'roadmap'),
    }),
    {
      title: 'Roadmap',
      description:
        'The open work planned on the team in the product order from today: who does what from when to when and why it starts then, milestones with their planned and target dates, the critical chain, load per person, now/next/later, and what could not be planned.',
      mimeType: 'application/json',
    },
    async (uri, variables) => {
      const ctx = await openWorkspace(session, single(variables.workspaceId));
      return asJson(uri, await getRoadmap(ctx.db, ctx.actor.workspaceId));
    },
  );

  server.registerResource(
    'decision-log',
    new ResourceTemplate('headway://workspaces/{workspaceId}/decisions', {
      list: listFor('decisions', 'decision log'),
    }),
    {
      title: 'Decision log',
      description: `The newest ${DECISIONS_SHOWN} decisions of the workspace: who decided what (order, scope, estimates, dates…), when and why.`,
      mimeType: 'application/json',
    },
    async (uri, variables) => {
      const ctx = await openWorkspace(session, single(variables.workspaceId));
      const page = await findDecisions(ctx.db, ctx.actor.workspaceId, { limit: DECISIONS_SHOWN });
      return asJson(uri, page.data);
    },
  );
}
