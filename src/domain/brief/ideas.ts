/**
 * The brief's lines about ideas: promised dates at risk, for whoever holds the decision and for
 * the owners of the accounts that asked, and the decisions on what a person's accounts asked for,
 * with the why they pass on to the requesters.
 */
import type { AccountIdeaDecision, BriefInput, BriefLine } from './types';

const VERBS = { accepted: 'Accepted', declined: 'Declined', parked: 'Parked' } as const;

const percent = (share: number) => `${Math.round(share * 100)} %`;

function askedBy(companies: readonly string[]): string {
  return companies.length === 0 ? '' : ` (asked for by ${companies.join(', ')})`;
}

/**
 * Promised dates at risk (lowest chance first), then the decisions since the start on ideas the
 * person's accounts asked for (newest first), then the companies left without an owner, each
 * linking to the Ideas page.
 * @param input the brief's input
 * @returns the lines of the brief's ideas section
 */
export function buildIdeas(input: BriefInput): BriefLine[] {
  const href = `${input.basePath}/ideas`;
  const atRisk = [...input.ideasAtRisk]
    .sort((a, b) => a.probability - b.probability || a.number - b.number)
    .map((idea) => ({
      text: `Promise at risk: #${idea.number} ${idea.title}${askedBy(idea.companies)} is ${percent(idea.probability)} likely by ${idea.targetDate}, below ${percent(idea.alertBelow)}`,
      detail: 'Tell the people who asked before the date slips, or change the plan.',
      href,
      itemId: idea.itemId,
    }));
  const decided = decidedSince(input).map((d) => ({
    text: `${VERBS[d.outcome]}${d.reviewOn ? ` until ${d.reviewOn}` : ''}: #${d.number} ${d.title}${askedBy(d.companies)} (decided by ${d.decidedBy} on ${d.at.slice(0, 10)})`,
    detail: `Why: ${d.reason}`,
    href,
    itemId: d.itemId,
  }));
  return [...atRisk, ...decided, ...unowned(input, href)];
}

/** One line naming the companies whose owner left, so someone chooses a new one. */
function unowned(input: BriefInput, href: string): BriefLine[] {
  if (input.unownedAccounts.length === 0) return [];
  const names = [...input.unownedAccounts]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a) => `${a.name} (was ${a.formerOwner}, left)`);
  return [
    {
      text: `No account owner: ${names.join(', ')}`,
      detail: 'Choose a new owner among the companies on the Ideas page.',
      href,
      itemId: null,
    },
  ];
}

/** The decisions on the person's accounts' ideas since the start, newest first, as the section lists them. */
function decidedSince(input: BriefInput): AccountIdeaDecision[] {
  return input.accountDecisions
    .filter((d) => d.at.slice(0, 10) >= input.since)
    .sort((a, b) => b.at.localeCompare(a.at) || a.number - b.number);
}

/**
 * The log entries of the decisions the ideas section shows (those it lists within its first
 * lines): the order and scope changes leave them out, so the person reads each decision once.
 * @param input the brief's input
 * @param maxLines the lines a section shows before it says how many more there are
 * @returns the ids of the decision-log entries shown in the ideas section
 */
export function shownIdeaDecisionIds(input: BriefInput, maxLines: number): Set<string> {
  const room = Math.max(0, maxLines - input.ideasAtRisk.length);
  return new Set(
    decidedSince(input)
      .slice(0, room)
      .map((d) => d.decisionId),
  );
}
