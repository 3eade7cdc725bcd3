/**
 * Proposals: a member without a decision asks its holder for a change to the order or the scope,
 * with a reason. The proposal waits in the inbox of whoever holds the decision (see `findInbox`);
 * accepting applies the change through the same command as a direct change (`moveItem`,
 * `updateItem`), in one transaction, logged with the proposal's reason; declining logs the reason
 * given for it. Each answer bumps the proposal's version, so two answers never cross.
 */

import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CreateProposal, Proposal, ProposalStatus } from '../../contract';
import type { Database } from '../../db/client';
import { decisionLog, items, proposals, users } from '../../db/schema';
import { findEffectiveHolders } from '../../domain/decision-rights';
import { AppError, notFound } from '../errors';
import { type Actor, findTeam, isUuid, requireContributor, requireDecision } from '../policies/access';
import { importedName } from '../presenters/item';
import { type CommandContext, inTransaction } from './context';
import { recordDecision } from './decision-log';
import { loadRow } from './items';
import {
  applyChange,
  checkChange,
  decisionOfChange,
  describeChange,
  type Labelled,
  referencedIds,
} from './proposal-changes';

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

async function selectProposals(db: Database, where: SQL[]) {
  return db
    .select({
      proposal: proposals,
      itemNumber: items.number,
      itemTitle: items.title,
      proposedByName: proposer.name,
      decidedByName: decider.name,
    })
    .from(proposals)
    .innerJoin(items, eq(items.id, proposals.itemId))
    .leftJoin(proposer, eq(proposer.id, proposals.proposedBy))
    .leftJoin(decider, eq(decider.id, proposals.decidedBy))
    .where(and(...where))
    .orderBy(asc(proposals.createdAt), asc(proposals.id));
}

/** Rows → the API shape, with the change in words and who decides it now. */
async function presentProposals(
  db: Database,
  actor: Actor,
  rows: Awaited<ReturnType<typeof selectProposals>>,
): Promise<Proposal[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((r) => referencedIds(r.proposal.change)))];
  const others = new Map<string, Labelled>();
  if (ids.length > 0) {
    const found = await db
      .select({ id: items.id, number: items.number, title: items.title })
      .from(items)
      .where(and(eq(items.workspaceId, actor.workspaceId), inArray(items.id, ids)));
    for (const r of found) others.set(r.id, r);
  }
  const team = await findTeam(db, actor.workspaceId);
  return rows.map(({ proposal: p, itemNumber, itemTitle, proposedByName, decidedByName }) => ({
    id: p.id,
    itemId: p.itemId,
    itemNumber,
    itemTitle,
    decision: p.decision,
    change: p.change,
    summary: describeChange(p.change, { number: itemNumber, title: itemTitle }, others),
    reason: p.reason,
    status: p.status,
    proposedBy: p.proposedBy,
    proposedByName:
      proposedByName ?? (p.importedProposedBy ? importedName(p.importedProposedBy) : 'someone who left'),
    createdAt: p.createdAt.toISOString(),
    decidedBy: p.decidedBy,
    decidedByName:
      decidedByName ??
      (p.importedDecidedBy ? importedName(p.importedDecidedBy) : p.decidedBy ? 'someone who left' : null),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    response: p.response,
    decisionId: p.decisionId === null ? null : String(p.decisionId),
    holders: findEffectiveHolders(actor.matrix, p.decision, team).map((h) => ({
      userId: h.userId,
      name: h.name,
    })),
    version: p.version,
  }));
}

/**
 * Proposals of the workspace, oldest first.
 * @param filter.status only this state; filter.itemId only this item's
 */
export async function findProposals(
  db: Database,
  actor: Actor,
  filter: { status?: ProposalStatus | undefined; itemId?: string | undefined } = {},
): Promise<Proposal[]> {
  const where: SQL[] = [eq(proposals.workspaceId, actor.workspaceId)];
  if (filter.status) where.push(eq(proposals.status, filter.status));
  if (filter.itemId) where.push(eq(proposals.itemId, filter.itemId));
  return presentProposals(db, actor, await selectProposals(db, where));
}

/** One proposal of the workspace, or 404. */
export async function getProposal(db: Database, actor: Actor, proposalId: string): Promise<Proposal> {
  if (!isUuid(proposalId)) throw notFound('Proposal');
  const rows = await selectProposals(db, [
    eq(proposals.workspaceId, actor.workspaceId),
    eq(proposals.id, proposalId),
  ]);
  const [found] = await presentProposals(db, actor, rows);
  if (!found) throw notFound('Proposal');
  return found;
}

/**
 * Proposes a change to whoever holds its decision. Any contributor may propose; the change is
 * checked as it would be applied (the items exist, a cut item is not cut again…), so a proposal
 * its holder accepts does not fail on a mistake the proposer could have fixed.
 * @returns the open proposal, naming who decides it
 */
export async function createProposal(ctx: CommandContext, input: CreateProposal): Promise<Proposal> {
  const { actor } = ctx;
  requireContributor(actor);
  return inTransaction(ctx, async ({ db: tx }) => {
    const item = await loadRow(tx, actor.workspaceId, input.itemId);
    await checkChange(tx, actor.workspaceId, item, input.change);
    const [row] = await tx
      .insert(proposals)
      .values({
        workspaceId: actor.workspaceId,
        itemId: item.id,
        decision: decisionOfChange(input.change),
        change: input.change,
        reason: input.reason,
        proposedBy: actor.userId,
      })
      .returning({ id: proposals.id });
    if (!row) throw new Error('insert returned no row');
    return getProposal(tx, actor, row.id);
  });
}

/** Loads an open proposal for an answer: 409 when it was answered already or changed since. */
async function loadOpenProposal(db: Database, actor: Actor, proposalId: string, version: number) {
  const current = await getProposal(db, actor, proposalId);
  await requireDecision(db, actor, current.decision);
  if (current.status !== 'open') {
    throw new AppError(
      'conflict',
      `This proposal was already ${current.status} by ${current.decidedByName ?? 'someone'}`,
      { details: { current } },
    );
  }
  if (current.version !== version) {
    throw new AppError(
      'version_conflict',
      `This proposal changed since you loaded it (now version ${current.version}): reload it`,
      { details: { current } },
    );
  }
  return current;
}

/** Closes an open proposal with its answer, only if nobody answered it meanwhile. */
async function closeProposal(
  tx: Database,
  actor: Actor,
  proposal: Proposal,
  answer: { status: 'accepted' | 'declined'; response?: string; decisionId: number },
) {
  const [row] = await tx
    .update(proposals)
    .set({
      status: answer.status,
      response: answer.response ?? null,
      decisionId: answer.decisionId,
      decidedBy: actor.userId,
      decidedAt: new Date(),
      version: sql`${proposals.version} + 1`,
    })
    .where(
      and(
        eq(proposals.id, proposal.id),
        eq(proposals.version, proposal.version),
        eq(proposals.status, 'open'),
      ),
    )
    .returning({ id: proposals.id });
  if (!row) throw new AppError('conflict', 'Someone answered this proposal at the same moment: reload it');
}

/**
 * Accepts a proposal: applies its change as the accepting member, through the same command as a
 * direct change, and logs it with the proposal's reason; all in one transaction.
 * @returns the accepted proposal, with the decision-log entry of the change
 */
export async function acceptProposal(
  ctx: CommandContext,
  input: { proposalId: string; version: number },
): Promise<Proposal> {
  const { actor } = ctx;
  requireContributor(actor);
  return inTransaction(ctx, async (tx) => {
    const proposal = await loadOpenProposal(tx.db, actor, input.proposalId, input.version);
    // The item may have changed since: a change that no longer applies is refused, the proposal stays open.
    const { decisionId } = await applyChange(tx, {
      itemId: proposal.itemId,
      change: proposal.change,
      rationale: proposal.reason,
    });
    // The change's entry says whose proposal it was.
    await tx.db
      .update(decisionLog)
      .set({
        details: sql`${decisionLog.details} || ${JSON.stringify({ proposalId: proposal.id, proposedBy: proposal.proposedByName })}::jsonb`,
      })
      .where(eq(decisionLog.id, decisionId));
    await closeProposal(tx.db, actor, proposal, { status: 'accepted', decisionId });
    return getProposal(tx.db, actor, proposal.id);
  });
}

/**
 * Declines a proposal with a reason, logged as a decision of the same kind, changing nothing else.
 * @returns the declined proposal
 */
export async function declineProposal(
  ctx: CommandContext,
  input: { proposalId: string; version: number; reason: string },
): Promise<Proposal> {
  const { actor } = ctx;
  requireContributor(actor);
  return inTransaction(ctx, async ({ db: tx }) => {
    const proposal = await loadOpenProposal(tx, actor, input.proposalId, input.version);
    const entry = await recordDecision(tx, {
      workspaceId: actor.workspaceId,
      decision: proposal.decision,
      itemId: proposal.itemId,
      actorId: actor.userId,
      summary: `Declined ${proposal.proposedByName}’s proposal: ${proposal.summary}`,
      rationale: input.reason,
      details: { proposalId: proposal.id, change: proposal.change, proposalReason: proposal.reason },
    });
    await closeProposal(tx, actor, proposal, {
      status: 'declined',
      response: input.reason,
      decisionId: entry.id,
    });
    return getProposal(tx, actor, proposal.id);
  });
}

/** The open proposals the actor decides, oldest first (their share of the inbox). */
export async function findProposalsToDecide(db: Database, actor: Actor): Promise<Proposal[]> {
  const open = await findProposals(db, actor, { status: 'open' });
  return open.filter((p) => p.holders.some((h) => h.userId === actor.userId));
}
