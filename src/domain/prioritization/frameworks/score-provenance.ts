import type { StoredScores } from './score-keys';

/**
 * How a score input came to be set: typed by a person in Headway, written by an import, or
 * computed from customer evidence (a reach: the share of accounts heard that asked, times the
 * accounts in the segment) by the person who applied it.
 */
export const SCORE_SOURCES = ['typed', 'imported', 'evidence'] as const;
export type ScoreSource = (typeof SCORE_SOURCES)[number];

/** Who last set one score input and when, as stored beside the scores: an account id, never a name. */
export interface ScoreSetting {
  /** The account that set it; null when an import ran without one. */
  by: string | null;
  /** ISO 8601 instant. */
  at: string;
  source: ScoreSource;
  /**
   * The e-mail a Headway JSON file named as the setter when it has no account here (kept as
   * written, never linked to a local account); absent otherwise.
   */
  importedBy?: string;
  /** For a score computed from evidence: its interval, and what it rests on in words. */
  range?: { low: number; high: number };
  basis?: string;
}

/** Score key → who last set it. A key without an entry was set before Headway recorded this. */
export type ScoreProvenance = Readonly<Record<string, ScoreSetting>>;

const sameValue = (a: number | string | undefined, b: number | string | undefined) => a === b;

/**
 * The provenance after the scores record of an item is replaced: an input added or given a new
 * value is set by `setting`; a removed input loses its entry; an input left as it was keeps who
 * set it, so saving the whole record to change one input does not claim the others.
 * @param input.before the scores before the write
 * @param input.provenance who set each of them
 * @param input.after the scores written
 * @param input.setting who writes now, and when
 * @returns the provenance of `after`, one entry per input that has one
 */
export function trackScoreSettings(input: {
  before: StoredScores;
  provenance: ScoreProvenance;
  after: StoredScores;
  setting: ScoreSetting;
}): Record<string, ScoreSetting> {
  const { before, provenance, after, setting } = input;
  const next: Record<string, ScoreSetting> = {};
  for (const key of Object.keys(after)) {
    const unchanged = Object.hasOwn(before, key) && sameValue(before[key], after[key]);
    const kept = unchanged && Object.hasOwn(provenance, key) ? provenance[key] : undefined;
    if (kept) next[key] = kept;
    else if (!unchanged) next[key] = { ...setting };
  }
  return next;
}

/**
 * The provenance of a scores record written whole by one setter (a new item, an import).
 * @param scores the scores written
 * @param setting who writes them, and when
 * @returns one entry per input
 */
export function settingsForAll(scores: StoredScores, setting: ScoreSetting): Record<string, ScoreSetting> {
  return Object.fromEntries(Object.keys(scores).map((key) => [key, { ...setting }]));
}
