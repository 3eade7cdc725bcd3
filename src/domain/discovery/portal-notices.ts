/**
 * What the people who asked for an idea on a workspace's ideas portal are due to be told by
 * e-mail: the decision on it and its why, once per decision, and, for an accepted idea, that the
 * forecast's chance of its promised date fell below the workspace's threshold, once per date.
 * Pure: the caller reads the ideas, the addresses and what was already told, and keeps what it sends.
 */

/** The kinds of notice: a decision logged on the idea, or its promised date at risk. */
export const PORTAL_NOTICE_KINDS = ['decision', 'at-risk'] as const;
export type PortalNoticeKind = (typeof PORTAL_NOTICE_KINDS)[number];

/** An idea as the notices read it. */
export interface NoticeIdea {
  itemId: string;
  /** Its latest decision (the log entry's id, increasing), or none. */
  decision: { id: number; outcome: 'accepted' | 'declined' | 'parked'; decidedAt: number } | null;
  /** For an accepted idea with a promised date: the chance of meeting it (null: done or not planned). */
  promise: { targetDate: string; probability: number | null } | null;
}

/** An address tied to an idea by an approved submission, and when it first sent one (epoch ms). */
export interface NoticeSubscriber {
  itemId: string;
  email: string;
  since: number;
}

/** A notice already sent: its key is the decision's id, or the promised date. */
export interface ToldNotice {
  itemId: string;
  email: string;
  kind: PortalNoticeKind;
  key: string;
}

/** A notice to send now. */
export interface DueNotice {
  kind: PortalNoticeKind;
  itemId: string;
  email: string;
  key: string;
}

const slot = (itemId: string, email: string) => `${itemId}\u0000${email}`;

/**
 * The notices due: per address on an idea, the latest decision when it is newer than the last
 * decision that address was told and was taken after the address first wrote (what it read on the
 * portal then needs no e-mail), and the at-risk notice when an accepted idea's chance of its
 * promised date is below `alertBelow` and that date was not yet the subject of one.
 * @param input the ideas, the addresses on them, the notices already sent, and the threshold (0–1)
 * @returns the notices to send, per address and idea the decision first
 */
export function findDueNotices(input: {
  ideas: readonly NoticeIdea[];
  subscribers: readonly NoticeSubscriber[];
  told: readonly ToldNotice[];
  alertBelow: number;
}): DueNotice[] {
  const lastDecision = new Map<string, number>();
  const warned = new Set<string>();
  for (const notice of input.told) {
    const at = slot(notice.itemId, notice.email);
    if (notice.kind === 'decision') {
      const id = Number(notice.key);
      if (Number.isFinite(id)) lastDecision.set(at, Math.max(lastDecision.get(at) ?? -1, id));
    } else warned.add(`${at}\u0000${notice.key}`);
  }
  const ideas = new Map(input.ideas.map((idea) => [idea.itemId, idea]));
  // One notice per address and idea, however many times it wrote: from when it first did.
  const first = new Map<string, NoticeSubscriber>();
  for (const s of input.subscribers) {
    const seen = first.get(slot(s.itemId, s.email));
    if (!seen || s.since < seen.since) first.set(slot(s.itemId, s.email), s);
  }
  const due: DueNotice[] = [];
  for (const { itemId, email, since } of first.values()) {
    const idea = ideas.get(itemId);
    if (!idea?.decision) continue;
    const at = slot(itemId, email);
    const { decision, promise } = idea;
    if (decision.id > (lastDecision.get(at) ?? -1) && decision.decidedAt > since)
      due.push({ kind: 'decision', itemId, email, key: String(decision.id) });
    if (
      decision.outcome === 'accepted' &&
      promise !== null &&
      promise.probability !== null &&
      promise.probability < input.alertBelow &&
      !warned.has(`${at}\u0000${promise.targetDate}`)
    )
      due.push({ kind: 'at-risk', itemId, email, key: promise.targetDate });
  }
  return due;
}
