/**
 * The demand behind ideas: every item that has evidence, its distinct accounts, companies,
 * revenue and importance, and its reach among the accounts heard from, with the interval the
 * sample allows (the engine in `domain/discovery`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Idea } from '../../contract';
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
import { findMembersByEmail } from './companies';

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

/** The owner of an account that asked for an idea (a member's user id), and that account. */
export interface AccountOwner {
  userId: string;
  company: string;
}

/** An idea's demand, before its decision and promise are added (see listIdeas). */
export type IdeaDemand = Omit<Idea, 'decision' | 'promise' | 'adoption'> & {
  targetDate: string | null;
  accountOwners: AccountOwner[];
};

/**
 * The workspace's ideas with the demand behind them, most accounts first (then revenue, then
 * number): what listIdeas shows and what a decision keeps as its evidence.
 * @param db the database
 * @param workspaceId the workspace
 * @returns each idea with its demand and reach, the accounts heard, and the unlinked evidence
 */
export async function summarizeIdeas(
  db: Database,
  workspaceId: string,
): Promise<{ ideas: IdeaDemand[]; accountsHeard: number; unlinkedEvidence: number }> {
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
        version: items.version,
        targetDate: items.targetDate,
      })
      .from(evidence)
      .innerJoin(items, eq(items.id, evidence.itemId))
      .where(eq(evidence.workspaceId, workspaceId)),
    db
      .select({
        id: companies.id,
        name: companies.name,
        arr: companies.arr,
        tier: companies.tier,
        segment: companies.segment,
        ownerUserId: companies.ownerUserId,
        importedOwner: companies.importedOwner,
      })
      .from(companies)
      .where(eq(companies.workspaceId, workspaceId)),
    db
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.workspaceId, workspaceId), isNull(evidence.itemId))),
  ]);
  const directory = new Map<string, Company & { name: string }>(
    companyRows.map((company) => [company.id, company]),
  );
  // An owner a file named by e-mail is theirs once that person is a member here.
  const members = companyRows.some((c) => c.ownerUserId === null && c.importedOwner !== null)
    ? await findMembersByEmail(db, workspaceId)
    : new Map<string, string>();
  const ownerOf = new Map<string, string>();
  for (const c of companyRows) {
    const owner = c.ownerUserId ?? (c.importedOwner === null ? undefined : members.get(c.importedOwner));
    if (owner !== undefined) ownerOf.set(c.id, owner);
  }
  const byIdea = new Map<string, { notes: EvidenceNote[]; row: (typeof rows)[number] }>();
  for (const row of rows) {
    if (row.itemId === null) continue;
    const entry = byIdea.get(row.itemId) ?? { notes: [], row };
    entry.notes.push(toNote(row));
    byIdea.set(row.itemId, entry);
  }
  const heard = countAccounts(rows.map(toNote)).map((account) => account.key);
  const ideas: IdeaDemand[] = [...byIdea.entries()].map(([itemId, { notes, row }]) => {
    const demand = summarizeDemand(itemId, notes, directory);
    const reach = estimateReach({
      asked: countAccounts(notes),
      heard,
      companies: directory,
      population: null,
      weighting: 'accounts',
    });
    const companyIds = [...new Set(notes.flatMap((note) => (note.companyId ? [note.companyId] : [])))];
    return {
      accountOwners: companyIds.flatMap((id) => {
        const userId = ownerOf.get(id);
        const company = directory.get(id)?.name;
        return userId !== undefined && company !== undefined ? [{ userId, company }] : [];
      }),
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
      version: row.version,
      targetDate: row.targetDate,
      companies: [
        ...new Set(notes.flatMap((note) => (note.companyId ? [directory.get(note.companyId)?.name] : []))),
      ]
        .filter((name): name is string => name !== undefined)
        .sort((a, b) => a.localeCompare(b)),
    };
  });
  ideas.sort((a, b) => b.accounts - a.accounts || b.revenue - a.revenue || a.number - b.number);
  return { ideas, accountsHeard: heard.length, unlinkedEvidence: unlinked.length };
}
