/**
 * How each milestone's P85 moved since the start of the brief, and why where Headway can tell:
 * scope added or removed, estimates that grew or shrank, throughput that fell or rose, people who
 * left. "Then" is the plan forecast stored for the milestone on or before the start; where none
 * was stored the line says so instead of inventing one.
 */
import { countDaysBetween } from '../shared';
import type { BriefInput, BriefItemRef, BriefLine, MilestoneForecastMove } from './types';

/** Throughput since the start below this share of throughput before it counts as "fell". */
export const THROUGHPUT_FELL_BELOW = 0.8;
/** Throughput since the start above this multiple of throughput before it counts as "rose". */
export const THROUGHPUT_ROSE_ABOVE = 1.25;

/** "#12 Title" for an item, "#12, #13 and 2 more" for several. */
export function listItems(refs: readonly BriefItemRef[], shown = 3): string {
  const names = refs.slice(0, shown).map((r) => `#${r.number} ${r.title}`);
  const rest = refs.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A milestone as a line names it. */
export function milestoneName(m: { number: number | null; title: string }): string {
  return m.number === null ? m.title : `#${m.number} ${m.title}`;
}

/**
 * The reasons Headway can give for a milestone's P85 moving later (or earlier).
 * @param milestone the milestone with its stored forecast (then must be known)
 * @param input the brief's inputs (estimate changes, throughput, people who left)
 * @param later whether the P85 moved later
 * @returns the reasons, plain text; empty when none can be told
 */
export function explainMove(
  milestone: MilestoneForecastMove & { stored: NonNullable<MilestoneForecastMove['stored']> },
  input: Pick<BriefInput, 'since' | 'estimateChanges' | 'throughput' | 'peopleLeft'>,
  later: boolean,
): string[] {
  const reasons: string[] = [];
  const before = new Set(milestone.stored.itemIds);
  const nowIds = new Set(milestone.itemsNow.map((i) => i.itemId));
  const added = milestone.itemsNow.filter((i) => !before.has(i.itemId));
  const removed = milestone.stored.itemIds.filter((id) => !nowIds.has(id)).length;
  const changes = input.estimateChanges.filter(
    (c) => nowIds.has(c.itemId) && c.at.slice(0, 10) >= input.since && c.after !== null,
  );
  const grew = changes.filter((c) => c.before === null || (c.after as number) > c.before);
  const shrank = changes.filter((c) => c.before !== null && (c.after as number) < c.before);
  const t = input.throughput;
  const round = (n: number) => Math.round(n * 10) / 10;
  const rate = (from: number, to: number) => `from ${round(from)} to ${round(to)} items a week`;
  if (later) {
    if (added.length > 0) reasons.push(`scope added: ${listItems(added)}`);
    if (grew.length > 0) reasons.push(`${plural(grew.length, 'estimate')} grew: ${listItems(grew)}`);
    if (t && t.perWeekSince < t.perWeekBefore * THROUGHPUT_FELL_BELOW) {
      reasons.push(`throughput fell ${rate(t.perWeekBefore, t.perWeekSince)}`);
    }
    if (input.peopleLeft.length > 0) reasons.push(`left the team: ${input.peopleLeft.join(', ')}`);
  } else {
    if (removed > 0) reasons.push(`scope cut: ${plural(removed, 'item')} fewer`);
    if (shrank.length > 0) reasons.push(`${plural(shrank.length, 'estimate')} shrank: ${listItems(shrank)}`);
    if (t && t.perWeekSince > t.perWeekBefore * THROUGHPUT_ROSE_ABOVE) {
      reasons.push(`throughput rose ${rate(t.perWeekBefore, t.perWeekSince)}`);
    }
  }
  return reasons;
}

/**
 * One line per milestone whose P85 moved since the start, or whose P85 then is unknown.
 * Milestones whose P85 held get no line.
 * @param input the brief's inputs
 * @returns the lines, in the milestones' order
 */
export function buildForecastMoves(input: BriefInput): BriefLine[] {
  const lines: BriefLine[] = [];
  for (const m of input.milestones) {
    const href = `${input.basePath}/forecasts?mode=milestone&milestone=${encodeURIComponent(m.id)}`;
    const name = milestoneName(m);
    const now = m.p85Now ?? 'not forecast (no planned open work)';
    if (m.stored === null) {
      lines.push({
        text: `${name}: P85 now ${now}; P85 then unknown`,
        detail: `No forecast of this milestone was stored on or before ${input.since}, so Headway cannot say how it moved.`,
        href,
        itemId: m.id,
      });
      continue;
    }
    if (m.stored.p85 === m.p85Now) continue;
    const then = m.stored.p85 ?? 'not forecast';
    const days = m.stored.p85 && m.p85Now ? countDaysBetween(m.stored.p85, m.p85Now) : null;
    const later = days === null ? m.p85Now === null : days > 0;
    const moved =
      days === null ? '' : ` (${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'})`;
    const reasons = explainMove({ ...m, stored: m.stored }, input, later);
    lines.push({
      text: `${name}: P85 ${then} → ${now}${moved}`,
      detail:
        reasons.length > 0
          ? `Why: ${reasons.join('; ')}.`
          : 'Headway cannot tell why from scope, estimates, throughput or the team.',
      href,
      itemId: m.id,
    });
  }
  return lines;
}
