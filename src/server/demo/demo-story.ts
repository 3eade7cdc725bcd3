/**
 * The demo's decision story: the roadmap published a quarter ago committed the initiatives'
 * target dates; three of them slipped since, each with the reason the CPO gave; the order, the
 * estimates and the method carry their whys. Everything is plain Headway JSON added to the demo
 * file, so it loads through the ordinary import.
 */

import type { HeadwayExport } from '../../contract';
import { MS_PER_DAY } from '../../domain/shared';

type Decision = HeadwayExport['decisions'][number];
type Item = HeadwayExport['items'][number];

const SLIP_REASONS = [
  'The payment provider moved the launch of its invoicing API by three weeks.',
  'Two developers were pulled onto the security audit the enterprise pilot asked for.',
  'Scope grew after user interviews: roles need an audit trail before we can ship.',
] as const;

const ORDER_WHYS = [
  'Blocks the billing launch: everything after it waits on this.',
  'Top request from the three enterprise trials this month.',
  'Cheap and removes a support ticket a day.',
  'Churn interviews named this as the reason to leave.',
  'Needed before the SSO work can start.',
  'Sales promised it to the pilot customer for the renewal.',
] as const;

const ESTIMATE_WHYS = [
  'Same shape as the CSV export we built last quarter.',
  'Needs a migration and a backfill, hence the long tail.',
  'Mostly UI: the API already exists.',
  'Unknown third-party API: the range is wide on purpose.',
] as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

const label = (it: Item) => `#${it.number} “${it.title}”`;

/**
 * Adds the decision story to a demo workspace file: committed target dates, slips with reasons
 * (each with its delivery-dates decision), ordering decisions with whys, whys on some estimates,
 * and the method and team decisions that set the workspace up.
 * @param doc the demo file, changed in place
 * @param options.now the demo's "now"; options.cpo and options.founder are emails
 */
export function addDecisionStory(
  doc: HeadwayExport,
  options: { now: Date; cpo: string; founder: string },
): void {
  const at = (daysAgo: number, hour = 10) =>
    new Date(options.now.getTime() - daysAgo * MS_PER_DAY + (hour - 12) * 3_600_000).toISOString();
  const decisions: Decision[] = doc.decisions;
  const push = (d: Omit<Decision, 'details'> & { details?: Record<string, unknown> }): Decision => {
    const entry = { details: {}, ...d };
    decisions.push(entry);
    return entry;
  };

  push({
    decision: 'team',
    item: null,
    actor: options.founder,
    summary: 'Changed decision rights (3 cells)',
    rationale: 'Dana owns the order and the roadmap; Sam owns estimates. I stop deciding both.',
    at: at(170),
  });
  push({
    decision: 'prioritization_method',
    item: null,
    actor: options.cpo,
    summary: 'Chose RICE to rank the backlog',
    rationale: 'Reach matters most while we look for product-market fit; WSJF once we sell to enterprises.',
    at: at(160),
  });

  // The plan published a quarter ago committed every initiative's target date.
  const initiatives = doc.items.filter((it) => it.type === 'initiative' && it.targetDate);
  const committedAt = at(100, 16);
  for (const it of initiatives) it.targetDateCommittedAt = committedAt;
  push({
    decision: 'roadmap',
    item: null,
    actor: options.cpo,
    summary: `Published roadmap version 1; committed ${initiatives.length} target dates`,
    rationale: 'The quarter plan agreed with the founders and the board.',
    at: committedAt,
  });

  // Three committed dates slipped since, later each time, with the reason given when moved.
  const slips: Array<{ slip: Omit<HeadwayExport['slips'][number], 'decision'>; entry: Decision }> = [];
  initiatives.slice(0, SLIP_REASONS.length).forEach((it, i) => {
    const to = it.targetDate as string;
    const late = [21, 14, 30][i] ?? 14;
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - late * MS_PER_DAY).toISOString().slice(0, 10);
    const when = at([45, 25, 9][i] ?? 20, 11);
    const reason = SLIP_REASONS[i] as string;
    const entry = push({
      decision: 'delivery_dates',
      item: it.number,
      actor: options.cpo,
      summary: `Moved the committed target date of ${label(it)} from ${from} to ${to} (${daysBetween(from, to)} days later)`,
      rationale: reason,
      details: { before: from, after: to, slip: true },
      at: when,
    });
    slips.push({ slip: { item: it.number, from, to, reason, by: options.cpo, at: when }, entry });
  });

  // The order at the top of the backlog, each placement with its why.
  const top = doc.items
    .filter(
      (it) => it.orderedAt && it.state !== 'done' && it.state !== 'cancelled' && it.type !== 'initiative',
    )
    .sort((a, b) => (a.rank < b.rank ? -1 : 1))
    .slice(0, ORDER_WHYS.length);
  top.forEach((it, i) => {
    const previous = top[i - 1];
    push({
      decision: 'backlog_order',
      item: it.number,
      actor: options.cpo,
      summary: previous ? `Moved ${label(it)} after #${previous.number}` : `Moved ${label(it)} to the top`,
      rationale: ORDER_WHYS[i] as string,
      details: {},
      at: at(30 - i * 4, 9),
    });
  });

  // About a third of the estimates say why they are the size they are.
  decisions
    .filter((d) => d.decision === 'estimates' && d.rationale === null)
    .forEach((d, i) => {
      if (i % 3 === 0) d.rationale = ESTIMATE_WHYS[(i / 3) % ESTIMATE_WHYS.length] as string;
    });

  decisions.sort((a, b) => a.at.localeCompare(b.at));
  doc.slips = slips.map(({ slip, entry }) => ({ ...slip, decision: decisions.indexOf(entry) }));
}
