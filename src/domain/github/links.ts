/**
 * How GitHub's issues and pull requests become Headway history. Pure: the server reads them from
 * the API or a webhook and writes what these functions decide.
 *
 * - An issue is an item keyed `#N` (the key a GitHub file import gives it too): new when opened,
 *   done when closed as completed, cancelled when closed as not planned or a duplicate.
 * - A pull request names the work it carries by key in its branch, title or body: `#N` is the
 *   repository's issue N, `HW-N` is the Headway item numbered N. Opening it starts those items;
 *   merging it finishes the Headway items it names (an issue finishes when GitHub closes it).
 * - A pull request that names no known item is an item of its own (a task keyed `#N`): started
 *   when opened, done when merged, cancelled when closed without merging.
 */

/** What a pull request names: repository issues by number, Headway items by number. */
export interface PullRequestRefs {
  issues: number[];
  items: number[];
}

const ISSUE_REF = /(?:^|[^\w/#&])#(\d{1,9})\b/g;
const ITEM_REF = /\bHW-(\d{1,9})\b/gi;

function numbersIn(text: string, pattern: RegExp): number[] {
  const found = new Set<number>();
  for (const match of text.matchAll(pattern)) found.add(Number(match[1]));
  return [...found];
}

/**
 * The keys a pull request's branch, title and body name; its own number is never one of them.
 * @param pull the branch name, title, body and number of the pull request
 * @returns issue numbers (`#12`) and Headway item numbers (`HW-12`, any case), each once, in order
 */
export function findPullRequestRefs(pull: {
  number: number;
  branch: string;
  title: string;
  body: string;
}): PullRequestRefs {
  // A branch cannot hold "#": `hw-12-fix` and `12-fix` name items the way branch tools write them.
  const branchItems = numbersIn(pull.branch, /(?:^|[/_-])hw-(\d{1,9})(?=$|[/_-])/gi);
  const text = `${pull.title}\n${pull.body}`;
  const issues = numbersIn(text, ISSUE_REF).filter((n) => n !== pull.number);
  const items = [...new Set([...branchItems, ...numbersIn(text, ITEM_REF)])];
  return { issues, items };
}

/** The Headway states a synced item can be in. */
export type SyncedState = 'new' | 'in_progress' | 'done' | 'cancelled';

/** An issue as its state says: open, or closed for a reason. */
export interface IssueState {
  state: 'open' | 'closed';
  stateReason: string | null;
}

/**
 * The state an issue's item should have.
 * @param issue the issue's state and reason
 * @param current the item's state now (null for a new item): an open issue a pull request
 *   started stays started
 */
export function stateOfIssue(issue: IssueState, current: string | null): SyncedState | null {
  if (issue.state === 'closed') {
    return issue.stateReason === 'not_planned' || issue.stateReason === 'duplicate' ? 'cancelled' : 'done';
  }
  if (current === 'in_progress' || current === 'in_review' || current === 'ready') return null;
  return 'new';
}

/** A pull request's own item: started while open, done once merged, cancelled when closed unmerged. */
export function stateOfPullRequest(pull: { state: 'open' | 'closed'; mergedAt: string | null }): SyncedState {
  if (pull.mergedAt) return 'done';
  return pull.state === 'closed' ? 'cancelled' : 'in_progress';
}

/** The label that marks an issue as an incident in production (any case). */
export const INCIDENT_LABEL = 'incident';

/**
 * The incident an issue stands for, or null: an issue labelled `incident` opened an incident when
 * it was created and resolved it when it was closed. One closed as not planned or as a duplicate
 * was no incident (a false alarm, or counted under the other issue), so it stands for none.
 * @param issue the issue's labels, state, reason and times (ISO 8601)
 */
export function incidentOfIssue(issue: {
  labels: readonly string[];
  state: 'open' | 'closed';
  stateReason: string | null;
  createdAt: string;
  closedAt: string | null;
}): { openedAt: string; resolvedAt: string | null } | null {
  if (!issue.labels.some((label) => label.trim().toLowerCase() === INCIDENT_LABEL)) return null;
  if (stateOfIssue({ state: issue.state, stateReason: issue.stateReason }, null) === 'cancelled') return null;
  const resolvedAt = issue.state === 'closed' ? issue.closedAt : null;
  // A clock that put the closing before the opening: the incident lasted no time at all.
  return {
    openedAt: issue.createdAt,
    resolvedAt:
      resolvedAt === null
        ? null
        : Date.parse(resolvedAt) < Date.parse(issue.createdAt)
          ? issue.createdAt
          : resolvedAt,
  };
}
