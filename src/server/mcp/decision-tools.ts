/**
 * Tools that decide or ask for a decision, each through the same command as the HTTP API and so
 * under the same decision rights: propose (or make) an order or scope change, answer a proposal,
 * set an estimate, read the decision inbox.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import {
  AcceptProposalSchema,
  CreateProposalSchema,
  DeclineProposalSchema,
  EstimateInputSchema,
  ProposalChangeSchema,
  UpdateItemSchema,
} from '../../contract';
import { loadRow, updateItem } from '../commands/items';
import { applyChange, decisionOfChange } from '../commands/proposal-changes';
import { acceptProposal, createProposal, declineProposal } from '../commands/proposals';
import { findInbox } from '../commands/waiting';
import { mayDecide } from '../policies/access';
import { answer, type McpSession, openWorkspace, parseContract, resolveItemId, runTool } from './context';
import { ItemField, summarizeItem, WorkspaceField } from './item-tools';

export function registerDecisionTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'propose_change',
    {
      title: 'Propose an order or scope change',
      description:
        'Ask for a change to the backlog order or the scope, with the reason. Changes: {kind:"order", beforeId|afterId} places the item right before/after another item (afterId null = top, beforeId null = bottom); {kind:"cut"} cuts it from scope; {kind:"restore"} brings a cut item back; {kind:"move_to", parentId} puts it under a milestone/initiative (null takes it out). Use item ids from search_items for beforeId/afterId/parentId. If the user holds that decision, the change is made at once and logged with the reason; otherwise it becomes a proposal in the inbox of the person who decides (named in the answer). Returns whether it was applied or proposed.',
      inputSchema: {
        workspace: WorkspaceField,
        item: ItemField,
        change: ProposalChangeSchema,
        reason: z.string().max(2000).describe('why, in a sentence or two: the person who decides reads it'),
      },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const itemId = await resolveItemId(ctx, input.item);
        const proposal = parseContract(CreateProposalSchema, {
          itemId,
          change: input.change,
          reason: input.reason,
        });
        if (await mayDecide(ctx.db, ctx.actor, decisionOfChange(proposal.change))) {
          const { decisionId } = await applyChange(ctx, { ...proposal, rationale: proposal.reason });
          const item = await loadRow(ctx.db, ctx.actor.workspaceId, itemId);
          return answer(
            `Applied: the decision is yours, so the change was made and logged (decision ${decisionId}).`,
            {
              applied: true,
              decisionId: String(decisionId),
              item: { number: item.number, title: item.title, state: item.state, parentId: item.parentId },
            },
          );
        }
        const created = await createProposal(ctx, proposal);
        return answer(
          `Proposed: “${created.summary}” waits in the inbox of ${created.holders.map((h) => h.name).join(' or ')}, who decides${created.decision === 'scope' ? ' scope' : ' the order'}.`,
          { applied: false, proposal: created },
        );
      }),
  );

  server.registerTool(
    'list_inbox',
    {
      title: 'What waits on my decision',
      description:
        'The user’s decision inbox: open proposals they decide (with id and version, to answer with answer_proposal), and work waiting on their decision: new items to place in the order, items to estimate, scope questions. Oldest first. Use it to see what the user should decide next.',
      inputSchema: {
        workspace: WorkspaceField,
        limit: z
          .number()
          .int()
          .min(1)
          .max(200)
          .default(30)
          .describe('how many waiting items to list (default 30)'),
      },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const inbox = await findInbox(ctx.db, ctx.actor);
        const { order, estimate, scope } = inbox.counts;
        return answer(
          `${inbox.proposals.length} proposal${inbox.proposals.length === 1 ? '' : 's'} to answer; ${order} to order, ${estimate} to estimate, ${scope} scope question${scope === 1 ? '' : 's'}.`,
          {
            proposals: inbox.proposals.map((p) => ({
              id: p.id,
              version: p.version,
              summary: p.summary,
              reason: p.reason,
              proposedBy: p.proposedByName,
              createdAt: p.createdAt,
            })),
            counts: inbox.counts,
            waiting: inbox.entries.slice(0, input.limit),
          },
        );
      }),
  );

  server.registerTool(
    'answer_proposal',
    {
      title: 'Accept or decline a proposal',
      description:
        'Answer a proposal in the user’s inbox (see list_inbox). accept applies the change and logs it with the proposal’s reason; decline needs a reason, which is logged and shown to the proposer. Only the person who holds the decision may answer. Give the proposal’s version as listed: if it changed meanwhile, the answer is refused and nothing changes.',
      inputSchema: {
        workspace: WorkspaceField,
        proposalId: z.string().max(40),
        version: z.number().int().min(1),
        answer: z.enum(['accept', 'decline']),
        reason: z.string().max(2000).optional().describe('decline: why (required)'),
      },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const { proposalId } = input;
        const done =
          input.answer === 'accept'
            ? await acceptProposal(ctx, {
                proposalId,
                ...parseContract(AcceptProposalSchema, { version: input.version }),
              })
            : await declineProposal(ctx, {
                proposalId,
                ...parseContract(DeclineProposalSchema, {
                  version: input.version,
                  reason: input.reason ?? '',
                }),
              });
        return answer(`${done.status === 'accepted' ? 'Accepted' : 'Declined'}: ${done.summary}.`, done);
      }),
  );

  server.registerTool(
    'set_estimate',
    {
      title: 'Set an item’s estimate',
      description:
        'Record a three-point estimate in working days at full time (optimistic ≤ likely ≤ pessimistic) on a feature, task or bug. Estimates are the tech side’s decision (by default the CTO, a CTPO or a developer): for anyone else the answer says who to ask. Give the item’s version from get_item to be sure nobody changed it meanwhile; without it the current version is used. The estimate is logged as the user’s decision with the rationale.',
      inputSchema: {
        workspace: WorkspaceField,
        item: ItemField,
        optimistic: z.number().min(0).max(10_000),
        likely: z.number().min(0).max(10_000),
        pessimistic: z.number().min(0).max(10_000),
        version: z.number().int().min(1).optional(),
        rationale: z.string().max(2000).optional().describe('why this size: logged with the decision'),
      },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const itemId = await resolveItemId(ctx, input.item);
        const estimate = parseContract(EstimateInputSchema, {
          optimistic: input.optimistic,
          likely: input.likely,
          pessimistic: input.pessimistic,
        });
        const version = input.version ?? (await loadRow(ctx.db, ctx.actor.workspaceId, itemId)).version;
        const update = parseContract(UpdateItemSchema, { version, estimate, rationale: input.rationale });
        const item = await updateItem(ctx, { ...update, itemId, version });
        return answer(
          `Estimated #${item.number} at ${estimate.optimistic}/${estimate.likely}/${estimate.pessimistic} days (optimistic/likely/pessimistic).`,
          summarizeItem(item),
        );
      }),
  );
}
