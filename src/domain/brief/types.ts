/**
 * What the weekly brief is built from and what it answers. The server loads every input (no IO
 * here); the engine chooses what belongs in the brief since a date, words each line and gives it
 * the app path where it can be acted on.
 */

/** Kinds of decision waiting on one person (as the decision inbox groups them). */
export type WaitingKind = 'order' | 'estimate' | 'scope' | 'review';

/** An item as a line names it. */
export interface BriefItemRef {
  itemId: string;
  number: number;
  title: string;
}

/** Work waiting on the person's decision, since when it waits. */
export interface WaitingDecision extends BriefItemRef {
  kind: WaitingKind;
  /** ISO timestamp the wait started. */
  since: string;
  /** The open scope question, or why a parked idea due for review was parked; else null. */
  question: string | null;
}

/** One decision-log entry, as the log shows it. */
export interface LoggedDecision {
  id: string;
  decision: string;
  itemId: string | null;
  itemNumber: number | null;
  itemTitle: string | null;
  actorName: string;
  summary: string;
  rationale: string | null;
  /** ISO timestamp. */
  createdAt: string;
}

/** The plan forecast stored for a milestone on or before the start of the brief. */
export interface StoredMilestoneForecast {
  /** ISO timestamp it was made. */
  madeAt: string;
  p85: string | null;
  /** The items it covered. */
  itemIds: readonly string[];
}

/** A roadmap milestone with its P85 now and, where one was stored, then. */
export interface MilestoneForecastMove {
  id: string;
  number: number | null;
  title: string;
  targetDate: string | null;
  p85Now: string | null;
  /** The open items it holds now. */
  itemsNow: readonly BriefItemRef[];
  /** Null when no forecast of it was stored on or before the start of the brief. */
  stored: StoredMilestoneForecast | null;
}

/** An estimate change read from the decision log: the likely value before and after. */
export interface EstimateChange extends BriefItemRef {
  before: number | null;
  after: number | null;
  /** ISO timestamp. */
  at: string;
}

/** Completed items per week before and since the start of the brief. */
export interface ThroughputChange {
  perWeekBefore: number;
  perWeekSince: number;
}

/** A committed target date that moved, with its reason. */
export interface CommittedSlip extends BriefItemRef {
  fromDate: string;
  toDate: string | null;
  slipDays: number | null;
  reason: string;
  movedByName: string;
  /** ISO timestamp. */
  movedAt: string;
}

/** A started, unfinished item and its age. */
export interface AgingWork extends BriefItemRef {
  state: string;
  assigneeName: string | null;
  ageDays: number;
}

/** An estimate given since the start of the brief, beside its calibrated value. */
export interface CalibratedEstimate extends BriefItemRef {
  /** The likely value given, in days. */
  estimateDays: number;
  /** The same estimate calibrated on the team's record, in days. */
  calibratedDays: number;
  /** Whose record calibrated it, e.g. "Sam's 24 completed items". */
  basedOn: string;
}

/** A milestone the plan finishes after its target. */
export interface LateMilestone {
  id: string;
  number: number | null;
  title: string;
  targetDate: string;
  date: string;
  slipDays: number;
}

/** A problem the planner reports (an item nobody can do, a dependency cycle…). */
export interface PlanProblem {
  kind: string;
  message: string;
  itemIds: readonly string[];
}

/** An accepted idea whose promised date fell below the alert threshold, with who asked for it. */
export interface IdeaAtRisk extends BriefItemRef {
  targetDate: string;
  /** The chance of being done by the end of the target date, 0..1. */
  probability: number;
  /** The workspace's alert threshold, 0..1. */
  alertBelow: number;
  /** The companies that asked, as the person should hear them (their accounts, or all). */
  companies: readonly string[];
}

/** A decision on an idea that the person's accounts asked for. */
export interface AccountIdeaDecision extends BriefItemRef {
  /** The decision-log entry: the order and scope changes leave out the one the ideas section shows. */
  decisionId: string;
  outcome: 'accepted' | 'declined' | 'parked';
  reason: string;
  reviewOn: string | null;
  decidedBy: string;
  /** ISO timestamp. */
  at: string;
  /** The person's accounts that asked for it. */
  companies: readonly string[];
}

/** A company whose account owner left the team since the start and that has no owner yet. */
export interface UnownedAccount {
  name: string;
  /** The name of the member who owned it and left. */
  formerOwner: string;
}

/** Everything the brief is built from. */
export interface BriefInput {
  /** First day of the brief (YYYY-MM-DD, UTC), inclusive. */
  since: string;
  /** Today (YYYY-MM-DD, UTC). */
  today: string;
  /** The workspace's app path, e.g. "/w/acme": every link starts with it. */
  basePath: string;
  person: { name: string };
  /** What waits on the person's decision (any order). */
  waiting: readonly WaitingDecision[];
  /** Decision-log entries (any order, any date: the engine keeps those since the start). */
  decisions: readonly LoggedDecision[];
  milestones: readonly MilestoneForecastMove[];
  estimateChanges: readonly EstimateChange[];
  throughput: ThroughputChange | null;
  /** Names of people who left the team since the start. */
  peopleLeft: readonly string[];
  slips: readonly CommittedSlip[];
  aging: readonly AgingWork[];
  /** The 85th percentile of cycle time in days; null when too few items finished. */
  cycleTimeP85: number | null;
  estimates: readonly CalibratedEstimate[];
  lateMilestones: readonly LateMilestone[];
  problems: readonly PlanProblem[];
  /** Promised dates of ideas at risk that are the person's: they hold the decision or own an account that asked. */
  ideasAtRisk: readonly IdeaAtRisk[];
  /** Decisions on ideas the person's accounts asked for (any date: the engine keeps those since the start). */
  accountDecisions: readonly AccountIdeaDecision[];
  /** Companies left without an owner since the start when theirs left (for a founder; else empty). */
  unownedAccounts: readonly UnownedAccount[];
}

/** The sections of a brief, in the order they are read. */
export const BRIEF_SECTIONS = [
  'waiting',
  'changes',
  'ideas',
  'forecasts',
  'slips',
  'aging',
  'estimates',
  'risks',
] as const;
export type BriefSectionKind = (typeof BRIEF_SECTIONS)[number];

/** One line of the brief: plain text (renderers escape it) and where to act on it. */
export interface BriefLine {
  text: string;
  /** A second line of plain text (a why, a reason, a question), or null. */
  detail: string | null;
  /** App path where it can be acted on. */
  href: string;
  itemId: string | null;
}

/** A section: its title, its lines, what it says when it has none. */
export interface BriefSection {
  kind: BriefSectionKind;
  title: string;
  lines: BriefLine[];
  /** Shown instead of lines when there are none. */
  empty: string;
  /** Lines left out to keep the section short (the link in `moreHref` lists them all). */
  more: number;
  moreHref: string | null;
}

/** The weekly brief of one person since a date. */
export interface Brief {
  since: string;
  today: string;
  personName: string;
  sections: BriefSection[];
}
