/**
 * A RICE reach from customer evidence instead of a typed guess: the share of the accounts heard
 * that asked for the idea, times the accounts in the segment, stored as the item's `rice_reach`
 * with its interval and what it rests on, credited to whoever applied it (source "evidence").
 */
import type { ApplyEvidenceReach, Item } from '../../contract';
import { AppError } from '../errors';
import { requireContributor, requireDecision } from '../policies/access';
import type { CommandContext } from './context';
import { summarizeIdeas } from './idea-demand';
import { getItem } from './item-reads';
import { updateItem } from './items';

/**
 * Sets an idea's RICE reach from its evidence. The other scores stay as they are; like any score
 * change it is the backlog-order decision's, carries the item's version (stale → 409) and is
 * logged as the item's update is.
 * @param ctx the database and the member applying it
 * @param itemId the idea (an item with evidence)
 * @param input the version seen and the accounts in the segment
 * @returns the item as it now is
 */
export async function applyEvidenceReach(
  ctx: CommandContext,
  itemId: string,
  input: ApplyEvidenceReach,
): Promise<Item> {
  // Scores are the backlog order's decision: a member without it is refused before anything is read.
  requireContributor(ctx.actor);
  await requireDecision(ctx.db, ctx.actor, 'backlog_order');
  const item = await getItem(ctx.db, ctx.actor.workspaceId, itemId);
  const idea = (await summarizeIdeas(ctx.db, ctx.actor.workspaceId)).ideas.find((i) => i.itemId === itemId);
  if (!idea) {
    throw new AppError(
      'validation_failed',
      `#${item.number} has no customer evidence yet: link notes to it first, then its reach can come from them`,
    );
  }
  const { share, low, high, asked, heard } = idea.reach;
  const { population } = input;
  const reach = Math.round(share * population * 100) / 100;
  return updateItem(
    ctx,
    { itemId, version: input.version, scores: { ...item.scores, rice_reach: reach } },
    {
      source: 'evidence',
      range: {
        low: Math.round(low * population * 100) / 100,
        high: Math.round(high * population * 100) / 100,
      },
      basis: `${asked} of ${heard} accounts heard asked, of ${population.toLocaleString('en-US')} in the segment`,
    },
  );
}
