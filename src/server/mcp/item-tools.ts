/**
 * Reading tools: find items, read one with its recent decisions, and explain why the roadmap
 * starts an item when it does.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import {
  ITEM_STATES,
  ITEM_TYPES,
  type Item,
  ItemListQuerySchema,
  type Roadmap,
  RoadmapQuerySchema,
} from '../../contract';
import { findDecisions } from '../commands/decision-log';
import { findItems, getItem } from '../commands/item-reads';
import { findProposals } from '../commands/proposals';
import { getRoadmap } from '../commands/roadmap';
import { answer, type McpSession, openWorkspace, parseContract, resolveItemId, runTool } from './context';

/** The workspace field every tool takes. */
export const WorkspaceField = z
  .string()
  .max(200)
  .optional()
  .describe('workspace id, slug or name; may be left out when the user belongs to one workspace only');
export const ItemField = z.string().max(60).describe('the item: its number ("12" or "#12") or its id');

/** An item in few words, for lists. */
export function summarizeItem(item: Item) {
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    type: item.type,
    state: item.state,
    parentId: item.parentId,
    estimateDays: item.estimate
      ? {
          optimistic: item.estimate.optimistic,
          likely: item.estimate.likely,
          pessimistic: item.estimate.pessimistic,
        }
      : null,
    targetDate: item.targetDate,
    assigneeId: item.assigneeId,
    version: item.version,
  };
}

/** Why an item starts when it does, in sentences, following what it waits for. */
export function explainItemPlan(roadmap: Roadmap, itemId: string) {
  const planned = roadmap.items.find((i) => i.itemId === itemId);
  if (!planned) {
    const unplanned = roadmap.unplanned.find((u) => u.itemId === itemId);
    const problems = roadmap.problems.filter((p) => p.itemIds.includes(itemId)).map((p) => p.message);
    return {
      planned: false as const,
      reason: unplanned?.reason ?? 'not open: done, cancelled or not a plannable item',
      problems,
    };
  }
  const byId = new Map(roadmap.items.map((i) => [i.itemId, i]));
  const waitsFor = planned.dependsOn
    .map((id) => byId.get(id))
    .filter((d) => d !== undefined)
    .map((d) => ({ number: d.number, title: d.title, finish: d.finish, why: d.reason.text }));
  const milestone = roadmap.milestones.find((m) => m.id === planned.milestoneId);
  return {
    planned: true as const,
    number: planned.number,
    title: planned.title,
    person: planned.personName,
    start: planned.start,
    finish: planned.finish,
    effortDays: planned.effortDays,
    positionInOrder: planned.rank + 1,
    bucket: planned.bucket,
    critical: planned.critical,
    why: planned.reason.text,
    reasonKind: planned.reason.kind,
    waitsFor,
    milestone: milestone
      ? {
          title: milestone.title,
          date: milestone.date,
          targetDate: milestone.targetDate,
          slipDays: milestone.slipDays,
        }
      : null,
    planRules: roadmap.rules,
  };
}

export function registerItemTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'search_items',
    {
      title: 'Search work items',
      description:
        'Find work items (initiatives, epics, features, tasks, bugs) in the product order, the order the team works in. Use it to look up an item’s number or id before reading, explaining, estimating or proposing a change. Text matches the title and description; "#12" or "12" finds item 12. Returns up to `limit` items with number, id, title, type, state, estimate in days, target date and version.',
      inputSchema: {
        workspace: WorkspaceField,
        query: z.string().max(200).optional().describe('text in the title or description, or an item number'),
        state: z.enum(ITEM_STATES).optional(),
        type: z.enum(ITEM_TYPES).optional(),
        limit: z.number().int().min(1).max(100).default(20).describe('how many items, 1 to 100 (default 20)'),
      },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const query = parseContract(ItemListQuerySchema, {
          limit: input.limit,
          q: input.query,
          state: input.state,
          type: input.type,
        });
        const page = await findItems(ctx.db, ctx.actor.workspaceId, query);
        return answer(
          `${page.data.length} item${page.data.length === 1 ? '' : 's'} in ${ctx.actor.workspaceName}, in the product order${page.nextCursor ? ' (more match: narrow the search)' : ''}.`,
          page.data.map(summarizeItem),
        );
      }),
  );

  server.registerTool(
    'get_item',
    {
      title: 'Read one item',
      description:
        'Read one work item in full: description, estimate, scores, dependencies, labels, its latest decisions (who decided what and why) and the open proposals about it. Use it before changing or explaining an item. Returns the item and its version (needed by set_estimate to avoid overwriting someone’s change).',
      inputSchema: { workspace: WorkspaceField, item: ItemField },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const itemId = await resolveItemId(ctx, input.item);
        const item = await getItem(ctx.db, ctx.actor.workspaceId, itemId);
        const decisions = await findDecisions(ctx.db, ctx.actor.workspaceId, { itemId, limit: 10 });
        const proposals = await findProposals(ctx.db, ctx.actor, { itemId, status: 'open' });
        return answer(`#${item.number} “${item.title}” (${item.type}, ${item.state.replace('_', ' ')}).`, {
          item,
          recentDecisions: decisions.data.map((d) => ({
            decision: d.decision,
            by: d.actorName,
            at: d.createdAt,
            summary: d.summary,
            why: d.rationale,
          })),
          openProposals: proposals.map((p) => ({
            id: p.id,
            summary: p.summary,
            by: p.proposedByName,
            reason: p.reason,
          })),
        });
      }),
  );

  server.registerTool(
    'explain_plan',
    {
      title: 'Explain when an item starts',
      description:
        'Explain why the roadmap plans an item when it does: who does it, start and finish dates, and the reason it cannot start earlier (it waits for another item, for a person busy with earlier work in the order, for a skill, a fixed date…), with what it waits for and its milestone. Use it to answer "when will X start/finish and why?". For dates with uncertainty, use forecast instead; this is the single most likely plan.',
      inputSchema: {
        workspace: WorkspaceField,
        item: ItemField,
        start: z.string().max(10).optional().describe('first plan day, YYYY-MM-DD (default today, UTC)'),
      },
      annotations: { readOnlyHint: true },
    },
    (input) =>
      runTool(async () => {
        const ctx = await openWorkspace(session, input.workspace);
        const itemId = await resolveItemId(ctx, input.item);
        const query = parseContract(RoadmapQuerySchema, { start: input.start });
        const roadmap = await getRoadmap(ctx.db, ctx.actor.workspaceId, query);
        const explained = explainItemPlan(roadmap, itemId);
        const summary = explained.planned
          ? `#${explained.number} starts ${explained.start} and finishes ${explained.finish}${explained.person ? ` (${explained.person})` : ''}: ${explained.why}`
          : `The item is not on the roadmap: ${explained.reason}.`;
        return answer(summary, explained);
      }),
  );
}
