/**
 * Discovery through MCP: read the ideas with the customer evidence behind them, and record what
 * customers said, through the same commands as the HTTP API (evidence is never locked in).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { EVIDENCE_RECORDS_MAX, EvidenceRecordSchema, ReceiveEvidenceSchema } from '../../contract';
import { receiveEvidence } from '../commands/evidence-in';
import { listIdeas } from '../commands/ideas';
import { answer, type McpSession, openWorkspace, parseContract, runTool } from './context';
import { WorkspaceField } from './item-tools';

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function registerEvidenceTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'list_ideas',
    {
      title: 'Ideas and the evidence behind them',
      description:
        'Ideas with the customer evidence behind them: distinct accounts that asked (one company’s many notes count once), their revenue, reach among the accounts heard with its 90 % interval (a sample of three says so), the decision taken with its reason, and for an accepted idea the chance of its promised date. Use it to say who asked for what and how sure that is; promised dates at risk are listed under `alerts`.',
      inputSchema: { workspace: WorkspaceField },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const list = await listIdeas(ctx.db, ctx.actor);
        const top = list.ideas
          .slice(0, 3)
          .map(
            (idea) =>
              `${idea.ref} ${idea.title} (${idea.accounts} accounts, reach ${percent(idea.reach.share)})`,
          );
        return answer(
          `${list.ideas.length} ideas from ${list.accountsHeard} accounts heard${top.length > 0 ? `; most asked: ${top.join('; ')}` : ''}.`,
          list,
        );
      }),
  );

  server.registerTool(
    'add_evidence',
    {
      title: 'Record what customers said',
      description: `Record customer notes (a quote from a call, a support ticket, a sales note) as evidence, with the evidence CSV’s fields: \`text\` (required), \`requester_email\` (their company is found from its domain), \`company\`, \`source_type\` (support, sales, interview, portal, email or other), \`source_url\`, \`idea_ref\` ("#12" for an item, or the title of a new idea), \`importance\` 0–3, \`external_id\` (sending it again updates the note). All notes are written or none; problems name the note by its position. Up to ${EVIDENCE_RECORDS_MAX} at once; \`dryRun\` checks without writing.`,
      inputSchema: {
        workspace: WorkspaceField,
        evidence: z.array(EvidenceRecordSchema).min(1).max(EVIDENCE_RECORDS_MAX),
        dryRun: z.boolean().optional(),
      },
      annotations: { readOnlyHint: false, idempotentHint: false },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const report = await receiveEvidence(
          ctx,
          parseContract(ReceiveEvidenceSchema, { evidence: input.evidence, dryRun: input.dryRun }),
        );
        const errors = report.problems.filter((p) => p.severity === 'error');
        const summary =
          errors.length > 0
            ? `Nothing written: ${errors.map((p) => `note ${p.row}${p.column ? ` ${p.column}` : ''}: ${p.message}`).join('; ')}.`
            : `${report.written ? 'Recorded' : 'Would record'} ${report.evidenceCreated} new and ${report.evidenceUpdated} updated notes on ${report.ideas} ideas (${report.ideasCreated} new).`;
        return answer(summary, report);
      }),
  );
}
