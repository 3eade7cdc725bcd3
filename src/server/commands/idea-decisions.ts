/**
 * Decisions on ideas: accept into the roadmap, decline, or park until a review day. Each is an
 * entry of the decision log (the scope decision: what is in or out), with the reason and the
 * evidence the idea had at that moment, so the people who asked can later read what was decided
 * and why, and the team can compare the prediction with what happened.
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DecideIdea, IdeaDecision, IdeaOutcome } from '../../contract';
import type { Database } from '../../db/client';
import { decisionLog, evidence, items, users } from '../../db/schema';
import { tallySources, toImportance } from '../../domain/discovery';
import { RICE_IMPACT_SCALE } from '../../domain/prioritization';
import { AppError, notFound } from '../errors';
import { isUuid, requireContributor, requireDecision } from '../policies/access';
import { label } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';
import { summarizeIdeas } from './idea-demand';
import { loadUserNames } from './user-names';

const VERBS: Record<IdeaOutcome, string> = {
  accepted: 'Accepted',
  declined: 'Declined',
  parked: 'Parked',
};

/** What a decision entry keeps under `details.idea`. */
interface IdeaDetails {
  outcome: IdeaOutcome;
  reviewOn: string | null;
  snapshot: IdeaDecision['snapshot'];
}

/** An item's RICE score as a number (impact may be stored by its key, "high"), or null without one. */
function riceScoreOf(
  scores: Record<string, number | string>,
  key: 'rice_reach' | 'rice_impact',
): number | null {
  const value = scores[key];
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return RICE_IMPACT_SCALE.find((option) => key === 'rice_impact' && option.key === value)?.value ?? null;
}

/**
 * Who set an idea's RICE reach and impact, by name: the people the track record credits with
 * those predictions. An input set before Headway recorded it, or by an import without an
 * account, has no one (null), and the track record falls back on whoever accepted the idea.
 */
async function riceSetters(
  db: Database,
  provenance: Record<string, { by: string | null }>,
): Promise<{ reachBy: string | null; impactBy: string | null }> {
  const reachId = provenance.rice_reach?.by ?? null;
  const impactId = provenance.rice_impact?.by ?? null;
  const named = await loadUserNames(db, [reachId, impactId]);
  return {
    reachBy: reachId ? (named.get(reachId) ?? null) : null,
    impactBy: impactId ? (named.get(impactId) ?? null) : null,
  };
}

/** The sources of an idea's evidence: notes and distinct accounts per source. */
async function tallyIdeaSources(db: Database, workspaceId: string, itemId: string) {
  const rows = await db
    .select({
      id: evidence.id,
      source: evidence.sourceType,
      companyId: evidence.companyId,
      requesterEmail: evidence.requesterEmail,
      importance: evidence.importance,
      givenAt: evidence.givenAt,
    })
    .from(evidence)
    .where(and(eq(evidence.workspaceId, workspaceId), eq(evidence.itemId, itemId)));
  return tallySources(
    rows.map((row) => ({
      ...row,
      ideaId: itemId,
      importance: toImportance(row.importance),
      givenAt: row.givenAt.getTime(),
    })),
  );
}

function readIdeaDetails(details: Record<string, unknown>): IdeaDetails | null {
  const idea = details.idea as IdeaDetails | undefined;
  return idea && typeof idea === 'object' && typeof idea.outcome === 'string' ? idea : null;
}

/**
 * The current decision on each idea of the workspace: its latest decision-log entry about ideas
 * (an amended why reads as amended).
 * @param db the database
 * @param workspaceId the workspace
 * @returns the decisions by item id
 */
export async function findIdeaDecisions(
  db: Database,
  workspaceId: string,
): Promise<Map<string, IdeaDecision>> {
  const rows = await db
    .select({
      id: decisionLog.id,
      itemId: decisionLog.itemId,
      details: decisionLog.details,
      rationale: decisionLog.rationale,
      createdAt: decisionLog.createdAt,
      actorName: users.name,
      importedActor: decisionLog.importedActor,
    })
    .from(decisionLog)
    .leftJoin(users, eq(users.id, decisionLog.actorId))
    .where(
      and(
        eq(decisionLog.workspaceId, workspaceId),
        eq(decisionLog.decision, 'scope'),
        isNotNull(decisionLog.itemId),
        isNull(decisionLog.amendsId),
        sql`${decisionLog.details} -> 'idea' is not null`,
      ),
    )
    .orderBy(desc(decisionLog.id));
  const decisions = new Map<string, IdeaDecision>();
  for (const row of rows) {
    const idea = readIdeaDetails(row.details);
    if (!row.itemId || !idea || decisions.has(row.itemId)) continue;
    decisions.set(row.itemId, {
      outcome: idea.outcome,
      reason: row.rationale ?? '',
      reviewOn: idea.reviewOn,
      decidedAt: row.createdAt.toISOString(),
      decidedBy: row.actorName ?? row.importedActor,
      decisionId: row.id,
      snapshot: idea.snapshot,
    });
  }
  return decisions;
}

/**
 * Decides an idea: accepted into the roadmap, declined, or parked until a review day. Only who
 * holds the scope decision may (a refusal names them); the entry keeps the reason and the
 * evidence at the time (accounts, notes, revenue, reach with its interval, the sources that fed
 * it) and the idea's reach and impact scores: the prediction its adoption is later compared with. The item's version
 * is bumped, so a decision made on a stale page answers 409.
 * @param ctx the database and the member deciding
 * @param itemId the idea (a backlog item)
 * @param input the outcome, the reason, the review day when parked, and the version decided on
 * @returns the decision as it now stands
 */
export async function decideIdea(
  ctx: CommandContext,
  itemId: string,
  input: DecideIdea,
): Promise<IdeaDecision> {
  const { actor } = ctx;
  requireContributor(actor);
  if (!isUuid(itemId)) throw notFound('Idea');
  await requireDecision(ctx.db, actor, 'scope');
  return inTransaction(
    ctx,
    async ({ db: tx }) => {
      const [item] = await tx
        .select({
          id: items.id,
          number: items.number,
          title: items.title,
          version: items.version,
          scores: items.scores,
          scoreProvenance: items.scoreProvenance,
        })
        .from(items)
        .where(and(eq(items.id, itemId), eq(items.workspaceId, actor.workspaceId)))
        .for('update');
      if (!item) throw notFound('Idea');
      if (item.version !== input.version) {
        throw new AppError(
          'version_conflict',
          `Someone changed #${item.number} since you loaded it (now version ${item.version}): reload the ideas and decide again`,
          { details: { currentVersion: item.version } },
        );
      }
      const demand = (await summarizeIdeas(tx, actor.workspaceId)).ideas.find((i) => i.itemId === itemId);
      const snapshot: IdeaDecision['snapshot'] = {
        accounts: demand?.accounts ?? 0,
        evidence: demand?.evidence ?? 0,
        revenue: demand?.revenue ?? 0,
        reach: demand?.reach ?? null,
        sources: await tallyIdeaSources(tx, actor.workspaceId, itemId),
        estimate: {
          reach: riceScoreOf(item.scores, 'rice_reach'),
          impact: riceScoreOf(item.scores, 'rice_impact'),
          ...(await riceSetters(tx, item.scoreProvenance)),
        },
      };
      const reviewOn = input.outcome === 'parked' ? (input.reviewOn ?? null) : null;
      const entry = await recordDecision(tx, {
        workspaceId: actor.workspaceId,
        decision: 'scope',
        itemId,
        actorId: actor.userId,
        summary: `${VERBS[input.outcome]} the idea ${label(item)}${reviewOn ? ` until ${reviewOn}` : ''} (${snapshot.accounts} account${snapshot.accounts === 1 ? '' : 's'}, ${snapshot.evidence} note${snapshot.evidence === 1 ? '' : 's'})`,
        rationale: input.reason,
        details: { idea: { outcome: input.outcome, reviewOn, snapshot } satisfies IdeaDetails },
      });
      await tx
        .update(items)
        .set({ version: sql`${items.version} + 1`, updatedAt: new Date() })
        .where(eq(items.id, itemId));
      const decision = (await findIdeaDecisions(tx, actor.workspaceId)).get(itemId);
      if (decision?.decisionId !== entry.id) throw new Error('the decision just written was not read back');
      return decision;
    },
    () => ({ kind: 'itemChanged', itemIds: [itemId] }),
  );
}
