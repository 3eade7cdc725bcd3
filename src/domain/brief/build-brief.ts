/**
 * The weekly brief: what a part-time product owner needs to know since a date, on one page.
 * Each section keeps only what belongs to it (decisions waiting on the person, order and scope
 * changes with who decided, forecast moves, slips, aging work, estimates far off their
 * calibration, what the plan says is at risk), and every line links to where it can be acted on.
 */
import { countDaysBetween } from '../shared';
import { buildForecastMoves, milestoneName } from './forecast-moves';
import { buildIdeas, shownIdeaDecisionIds } from './ideas';
import type { Brief, BriefInput, BriefLine, BriefSection, BriefSectionKind, WaitingKind } from './types';

/** Lines a section shows before it says how many more there are and links to all of them. */
export const MAX_LINES_PER_SECTION = 20;
/** An estimate whose calibrated value is this many times larger (or smaller) is far off. */
export const FAR_OFF_RATIO = 1.5;
/** The decisions whose log entries are changes of order and scope. */
export const ORDER_AND_SCOPE_DECISIONS = ['backlog_order', 'scope', 'roadmap', 'prioritization_method'];

const WAITING_LABELS: Record<WaitingKind, string> = {
  order: 'To place in the order',
  estimate: 'To estimate',
  scope: 'Scope question',
  review: 'Parked idea due for review',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** True when an ISO timestamp falls on or after the first day of the brief. */
function isSince(iso: string, since: string): boolean {
  return iso.slice(0, 10) >= since;
}

function itemHref(input: BriefInput, itemId: string): string {
  return `${input.basePath}/backlog?item=${encodeURIComponent(itemId)}`;
}

function section(
  kind: BriefSectionKind,
  title: string,
  empty: string,
  lines: BriefLine[],
  moreHref: string | null = null,
): BriefSection {
  const shown = lines.slice(0, MAX_LINES_PER_SECTION);
  return { kind, title, lines: shown, empty, more: lines.length - shown.length, moreHref };
}

/** Decisions waiting on the person, oldest first, each linking to the item where it is answered. */
export function buildWaiting(input: BriefInput): BriefLine[] {
  return [...input.waiting]
    .sort((a, b) => a.since.localeCompare(b.since) || a.number - b.number)
    .map((w) => {
      const days = Math.max(0, countDaysBetween(w.since.slice(0, 10), input.today));
      const text =
        w.kind === 'review'
          ? `Parked idea #${w.number} ${w.title} is due for review since ${w.since.slice(0, 10)}`
          : `${WAITING_LABELS[w.kind]}: #${w.number} ${w.title} (waiting ${days === 0 ? 'since today' : plural(days, 'day')})`;
      return {
        text,
        detail: w.question,
        href: itemHref(input, w.itemId),
        itemId: w.itemId,
      };
    });
}

/**
 * Changes of order and scope since the start, newest first, with who decided and why; leaves out
 * the decisions on ideas the ideas section already shows the person with their accounts' names.
 */
export function buildChanges(input: BriefInput): BriefLine[] {
  const shownWithIdeas = shownIdeaDecisionIds(input, MAX_LINES_PER_SECTION);
  return input.decisions
    .filter(
      (d) =>
        ORDER_AND_SCOPE_DECISIONS.includes(d.decision) &&
        isSince(d.createdAt, input.since) &&
        !shownWithIdeas.has(d.id),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .map((d) => ({
      text: `${d.summary} (decided by ${d.actorName} on ${d.createdAt.slice(0, 10)})`,
      detail: d.rationale ? `Why: ${d.rationale}` : null,
      href: d.itemId
        ? itemHref(input, d.itemId)
        : `${input.basePath}/decisions?decision=${d.decision}&from=${input.since}`,
      itemId: d.itemId,
    }));
}

/** Committed target dates moved since the start, newest first, with their reasons. */
export function buildSlips(input: BriefInput): BriefLine[] {
  return input.slips
    .filter((s) => isSince(s.movedAt, input.since))
    .sort((a, b) => b.movedAt.localeCompare(a.movedAt))
    .map((s) => {
      const how =
        s.toDate === null
          ? 'cleared'
          : s.slipDays === null || s.slipDays === 0
            ? s.toDate
            : `${s.toDate} (${plural(Math.abs(s.slipDays), 'day')} ${s.slipDays > 0 ? 'later' : 'earlier'})`;
      return {
        text: `#${s.number} ${s.title}: committed date ${s.fromDate} → ${how}`,
        detail: `Why: ${s.reason} (moved by ${s.movedByName} on ${s.movedAt.slice(0, 10)})`,
        href: itemHref(input, s.itemId),
        itemId: s.itemId,
      };
    });
}

/** Started work older than the 85th percentile of cycle time, oldest first. */
export function buildAging(input: BriefInput): BriefLine[] {
  const p85 = input.cycleTimeP85;
  if (p85 === null) return [];
  const rounded = Math.round(p85 * 10) / 10;
  return input.aging
    .filter((a) => a.ageDays > p85)
    .sort((a, b) => b.ageDays - a.ageDays || a.number - b.number)
    .map((a) => ({
      text: `#${a.number} ${a.title}: ${a.state.replace('_', ' ')} for ${plural(Math.floor(a.ageDays), 'day')}, past the 85th percentile of cycle time (${rounded} days)`,
      detail: a.assigneeName ? `With ${a.assigneeName}` : 'Nobody is assigned',
      href: itemHref(input, a.itemId),
      itemId: a.itemId,
    }));
}

/** Estimates given since the start whose calibrated value is far from them, farthest first. */
export function buildEstimates(input: BriefInput): BriefLine[] {
  const ratio = (e: { estimateDays: number; calibratedDays: number }) => e.calibratedDays / e.estimateDays;
  const farness = (r: number) => Math.max(r, 1 / r);
  return input.estimates
    .filter((e) => e.estimateDays > 0 && e.calibratedDays > 0 && farness(ratio(e)) >= FAR_OFF_RATIO)
    .sort((a, b) => farness(ratio(b)) - farness(ratio(a)) || a.number - b.number)
    .map((e) => ({
      text: `#${e.number} ${e.title}: estimated ${round(e.estimateDays)} days, calibrated ${round(e.calibratedDays)} days (${round(ratio(e))}×)`,
      detail: `Calibrated on ${e.basedOn}`,
      href: itemHref(input, e.itemId),
      itemId: e.itemId,
    }));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** What the plan says is at risk: milestones planned after their target, then the planner's problems. */
export function buildRisks(input: BriefInput): BriefLine[] {
  const roadmap = `${input.basePath}/roadmap`;
  const late = [...input.lateMilestones]
    .sort((a, b) => b.slipDays - a.slipDays)
    .map((m) => ({
      text: `${milestoneName(m)}: planned for ${m.date}, ${plural(m.slipDays, 'day')} after its target ${m.targetDate}`,
      detail: null,
      href: roadmap,
      itemId: m.id,
    }));
  const problems = input.problems.map((p) => {
    const only = p.itemIds.length === 1 ? (p.itemIds[0] as string) : null;
    return { text: p.message, detail: null, href: only ? itemHref(input, only) : roadmap, itemId: only };
  });
  return [...late, ...problems];
}

/**
 * Builds the weekly brief of one person since a date.
 * @param input everything the server loaded (see {@link BriefInput}); nothing is read here
 * @returns the sections in reading order, each with its lines, or what it says when empty
 */
export function buildBrief(input: BriefInput): Brief {
  const base = input.basePath;
  const changesHref = `${base}/decisions?decision=${ORDER_AND_SCOPE_DECISIONS.join(',')}&from=${input.since}`;
  const aging =
    input.cycleTimeP85 === null
      ? 'Too little work finished in the last 90 days to know the 85th percentile of cycle time.'
      : 'No started work is older than the 85th percentile of cycle time.';
  return {
    since: input.since,
    today: input.today,
    personName: input.person.name,
    sections: [
      section(
        'waiting',
        'Decisions waiting on you',
        'Nothing waits on your decision.',
        buildWaiting(input),
        `${base}/inbox`,
      ),
      section(
        'changes',
        'Order and scope changes',
        `Nobody changed the order or the scope since ${input.since}.`,
        buildChanges(input),
        changesHref,
      ),
      section(
        'ideas',
        'Promises at risk and decisions for your accounts',
        `No promised date of an idea of yours is at risk, and no idea your accounts asked for was decided since ${input.since}.`,
        buildIdeas(input),
        `${base}/ideas`,
      ),
      section('forecasts', 'Forecast moves', 'No milestone forecast moved.', buildForecastMoves(input)),
      section(
        'slips',
        'Committed dates that slipped',
        `No committed date moved since ${input.since}.`,
        buildSlips(input),
      ),
      section('aging', 'Aging work', aging, buildAging(input), `${base}/delivery`),
      section(
        'estimates',
        'Estimates far off their calibration',
        `No estimate given since ${input.since} is ${FAR_OFF_RATIO}× or more off its calibrated value.`,
        buildEstimates(input),
      ),
      section(
        'risks',
        'At risk in the plan',
        'The plan meets every target and reports no problem.',
        buildRisks(input),
        `${base}/roadmap`,
      ),
    ],
  };
}
