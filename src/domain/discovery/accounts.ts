/**
 * Customer evidence counted per account. An idea's demand is measured in accounts, not in notes:
 * one company's ten notes count once, and its importance is what it said last. A note without a
 * company counts for the person who gave it (their e-mail), and a note with neither for itself.
 */

/** How much an account said an idea matters: 0 not important … 3 critical. */
export const IMPORTANCES = [0, 1, 2, 3] as const;
export type Importance = (typeof IMPORTANCES)[number];

/**
 * An importance read from storage or input.
 * @param value a whole number
 * @returns it as an importance, clamped to 0–3
 */
export function toImportance(value: number): Importance {
  return IMPORTANCES[Math.min(3, Math.max(0, Math.round(value)))] ?? 0;
}

/** One piece of evidence: a quote or note, from someone, about an idea. */
export interface EvidenceNote {
  id: string;
  ideaId: string;
  /** The requester's company, when known. */
  companyId: string | null;
  /** The requester's e-mail, when known (lower case). */
  requesterEmail: string | null;
  importance: Importance;
  /** When the note was given, in milliseconds since the epoch. */
  givenAt: number;
}

/** A customer account: what revenue weighting and segments need of it. */
export interface Company {
  id: string;
  /** Annual recurring revenue, in the workspace's currency; null when unknown. */
  arr: number | null;
  tier: string | null;
  segment: string | null;
}

/** One account's standing on one idea. */
export interface AccountSignal {
  /** `company:<id>`, `person:<email>` or `note:<id>`. */
  key: string;
  companyId: string | null;
  /** The importance of the account's latest note. */
  importance: Importance;
  notes: number;
  lastGivenAt: number;
}

/**
 * Who a note speaks for.
 * @param note the note
 * @returns the account key: its company, else its requester, else the note itself
 */
export function accountKeyOf(note: EvidenceNote): string {
  if (note.companyId !== null) return `company:${note.companyId}`;
  if (note.requesterEmail !== null) return `person:${note.requesterEmail}`;
  return `note:${note.id}`;
}

/** The later of two notes: by time given, then by id so the answer never depends on order. */
function isLater(note: EvidenceNote, than: { givenAt: number; id: string }): boolean {
  return note.givenAt > than.givenAt || (note.givenAt === than.givenAt && note.id > than.id);
}

/**
 * The accounts that gave evidence, each once, with the importance of its latest note.
 * @param notes notes about one idea (or several merged ones), in any order
 * @returns one signal per account, sorted by key
 */
export function countAccounts(notes: readonly EvidenceNote[]): AccountSignal[] {
  const latest = new Map<string, { note: EvidenceNote; count: number }>();
  for (const note of notes) {
    const key = accountKeyOf(note);
    const seen = latest.get(key);
    if (seen === undefined) latest.set(key, { note, count: 1 });
    else {
      seen.count += 1;
      if (isLater(note, seen.note)) seen.note = note;
    }
  }
  return [...latest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { note, count }]) => ({
      key,
      companyId: note.companyId,
      importance: note.importance,
      notes: count,
      lastGivenAt: note.givenAt,
    }));
}

/** What a list of ideas shows for each: accounts, notes, revenue behind it, importance. */
export interface IdeaDemand {
  ideaId: string;
  /** Distinct accounts that gave evidence. */
  accounts: number;
  evidence: number;
  /** The summed ARR of the distinct companies that asked (unknown ARR counts 0). */
  revenue: number;
  /** Accounts whose ARR is unknown, so the revenue is a floor. */
  revenueUnknown: number;
  /** The sum over accounts of their latest importance (0–3 each). */
  importance: number;
}

/**
 * An idea's demand from its notes.
 * @param ideaId the idea
 * @param notes its notes
 * @param companies the workspace's companies by id
 * @returns the idea's accounts, evidence count, revenue and importance
 */
export function summarizeDemand(
  ideaId: string,
  notes: readonly EvidenceNote[],
  companies: ReadonlyMap<string, Company>,
): IdeaDemand {
  const accounts = countAccounts(notes);
  let revenue = 0;
  let revenueUnknown = 0;
  let importance = 0;
  for (const account of accounts) {
    importance += account.importance;
    const arr = account.companyId === null ? null : (companies.get(account.companyId)?.arr ?? null);
    if (arr === null) revenueUnknown += 1;
    else revenue += arr;
  }
  return {
    ideaId,
    accounts: accounts.length,
    evidence: notes.length,
    revenue,
    revenueUnknown,
    importance,
  };
}

/**
 * Merges duplicate ideas into one: every note follows the kept idea, nothing is dropped.
 * @param keptId the idea that stays
 * @param notes the notes of the kept idea and of its duplicates
 * @returns the same notes, all about the kept idea
 */
export function mergeEvidence(keptId: string, notes: readonly EvidenceNote[]): EvidenceNote[] {
  return notes.map((note) => (note.ideaId === keptId ? note : { ...note, ideaId: keptId }));
}
