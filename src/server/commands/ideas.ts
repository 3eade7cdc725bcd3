/**
 * Ideas with the demand behind them: every item that has evidence, its distinct accounts,
 * revenue and importance, and its reach among the accounts heard from, with the interval the
 * sample allows (the engine in `domain/discovery`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Idea, IdeaList } from '../../contract';
import type { Database } from '../../db/client';
import { companies, evidence, items } from '../../db/schema';
import {
  type Company,
  countAccounts,
  type EvidenceNote,
  estimateReach,
  summarizeDemand,
  toImportance,
} from '../../domain/discovery';
import type { Actor } from '../policies/access';

function toNote(row: {
  id: string;
  itemId: string | null;
  companyId: string | null;
  requesterEmail: string | null;
  importance: number;
  givenAt: Date;
}): EvidenceNote {
  return {
    id: row.id,
    ideaId: row.itemId ?? '',
    companyId: row.companyId,
    requesterEmail: row.requesterEmail,
    importance: toImportance(row.importance),
    givenAt: row.givenAt.getTime(),
  };
}

/**
 * The workspace's ideas, most accounts first (then revenue, then number).
 * @param db the database
 * @param actor a member of the workspace
 * @returns each idea with its demand and reach, the accounts heard, and the unlinked evidence
 */
export async function listIdeas(db: Database, actor: Actor): Promise<IdeaList> {
  const workspaceId = actor.workspaceId;
  const [rows, companyRows, unlinked] = await Promise.all([
    db
      .select({
        id: evidence.id,
        itemId: evidence.itemId,
        companyId: evidence.companyId,
        requesterEmail: evidence.requesterEmail,
        importance: evidence.importance,
        givenAt: evidence.givenAt,
        number: items.number,
        title: items.title,
        state: items.state,
        externalKey: items.externalKey,
      })
      .from(evidence)
      .innerJoin(items, eq(items.id, evidence.itemId))
      .where(eq(evidence.workspaceId, workspaceId)),
    db
      .select({
        id: companies.id,
        arr: companies.arr,
        tier: companies.tier,
        segment: companies.segment,
      })
      .from(companies)
      .where(eq(companies.workspaceId, workspaceId)),
    db
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.workspaceId, workspaceId), isNull(evidence.itemId))),
  ]);
  const directory = new Map<string, Company>(companyRows.map((company) => [company.id, company]));
  const byIdea = new Map<string, { notes: EvidenceNote[]; row: (typeof rows)[number] }>();
  for (const row of rows) {
    if (row.itemId === null) continue;
    const entry = byIdea.get(row.itemId) ?? { notes: [], row };
    entry.notes.push(toNote(row));
    byIdea.set(row.itemId, entry);
  }
  const heard = countAccounts(rows.map(toNote)).map((account) => account.key);
  const ideas: Idea[] = [...byIdea.entries()].map(([itemId, { notes, row }]) => {
    const demand = summarizeDemand(itemId, notes, directory);
    const reach = estimateReach({
      asked: countAccounts(notes),
      heard,
      companies: directory,
      population: null,
      weighting: 'accounts',
    });
    return {
      ref: row.externalKey ?? `#${row.number}`,
      itemId,
      number: row.number,
      title: row.title,
      state: row.state,
      accounts: demand.accounts,
      evidence: demand.evidence,
      revenue: demand.revenue,
      revenueUnknown: demand.revenueUnknown,
      importance: demand.importance,
      reach: {
        share: reach.share,
        low: reach.low,
        high: reach.high,
        asked: reach.asked,
        heard: reach.heard,
        credibility: reach.credibility,
      },
    };
  });
  ideas.sort((a, b) => b.accounts - a.accounts || b.revenue - a.revenue || a.number - b.number);
  return { ideas, accountsHeard: heard.length, unlinkedEvidence: unlinked.length };
}
