/**
 * GitHub issues as the REST API returns them: one JSON array, or the pages of
 * `gh api --paginate repos/O/R/issues?state=all` printed back to back (`[…][…]`, with or without
 * whitespace between them). Pull requests come back from the same endpoint and are skipped and
 * counted. Labels, milestones, assignees, `closed_at` and `state_reason` are read; estimates and
 * priorities do not exist in GitHub.
 */
import { parseIsoTimestamp } from './dates';
import { countSkipped, emptyExtras, type SourceItem, type SourceMilestone, type SourceParse } from './types';

/**
 * Splits text into its top-level JSON values (`[1][2]`, `[1]\n[2]`, `{…} {…}`) without parsing
 * them: strings and escapes are tracked so brackets inside strings do not count.
 * @returns the text of each value, or where the text stops making sense
 */
export function splitJsonValues(text: string): { values: string[]; error: string | null } {
  const values: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (char === 92 /* \ */) escaped = true;
      else if (char === 34 /* " */) inString = false;
      continue;
    }
    if (char === 34) {
      if (depth === 0) return { values, error: `a string outside any array or object at character ${i + 1}` };
      inString = true;
    } else if (char === 91 /* [ */ || char === 123 /* { */) {
      if (depth === 0) start = i;
      depth += 1;
    } else if (char === 93 /* ] */ || char === 125 /* } */) {
      depth -= 1;
      if (depth < 0) return { values, error: `an unmatched "${text[i]}" at character ${i + 1}` };
      if (depth === 0) values.push(text.slice(start, i + 1));
    } else if (
      depth === 0 &&
      !(char === 32 || char === 9 || char === 10 || char === 13 || char === 0xfeff || char === 44)
    ) {
      return { values, error: `unexpected "${text[i]}" between JSON values at character ${i + 1}` };
    }
  }
  if (depth !== 0 || inString)
    return { values, error: 'the text ends inside a JSON value (a truncated download?)' };
  return { values, error: null };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '');
const login = (value: Json | undefined): string | null =>
  isObject(value) && typeof value.login === 'string' ? value.login : null;

/**
 * Reads GitHub issues JSON.
 * @param json the file's text (one array, or several pages back to back)
 * @returns source items and milestones (pull requests skipped and counted); never throws on bad input
 */
export function parseGithubIssues(json: string): SourceParse {
  const result: SourceParse = {
    format: 'github',
    items: [],
    milestones: [],
    skipped: {},
    problems: [],
    assumptions: [],
  };
  const fileProblem = (message: string, why: string) =>
    result.problems.push({ row: null, column: null, message, why, severity: 'error' });
  const split = splitJsonValues(json);
  if (split.error) {
    fileProblem(
      `the file is not JSON as the GitHub API returns it: ${split.error}`,
      'nothing can be imported from a file that is cut or mixed with other text',
    );
    return result;
  }
  if (split.values.length === 0) {
    fileProblem(
      'the file holds no JSON array',
      'a GitHub issues export is an array of issues (or several arrays, one per page)',
    );
    return result;
  }
  const issues: Json[] = [];
  for (const [page, value] of split.values.entries()) {
    let parsed: Json;
    try {
      parsed = JSON.parse(value) as Json;
    } catch (error) {
      fileProblem(
        `page ${page + 1} is not valid JSON: ${(error as Error).message}`,
        'nothing is imported from a file with a broken page',
      );
      return result;
    }
    if (!Array.isArray(parsed)) {
      const message =
        isObject(parsed) && typeof parsed.message === 'string' ? `: "${parsed.message.slice(0, 100)}"` : '';
      fileProblem(
        `page ${page + 1} is not an array of issues${message}`,
        'an API error or another kind of file was saved instead of the issues',
      );
      return result;
    }
    issues.push(...parsed);
  }
  const milestones = new Map<string, SourceMilestone>();
  issues.forEach((issue, index) => {
    const row = index + 1;
    if (!isObject(issue) || typeof issue.number !== 'number') {
      result.problems.push({
        row,
        column: 'number',
        message: 'the entry is not an issue (no number)',
        why: 'it is left out',
        severity: 'warning',
      });
      countSkipped(result.skipped, 'not an issue');
      return;
    }
    if (issue.pull_request !== undefined) {
      countSkipped(result.skipped, 'pull request');
      return;
    }
    const read = (field: string) => {
      const value = text(issue[field]);
      if (value === '') return null;
      const parsed = parseIsoTimestamp(value);
      if (parsed === null) {
        result.problems.push({
          row,
          column: field,
          message: `"${value.slice(0, 40)}" is not an ISO 8601 time`,
          why: 'the item is imported without it',
          severity: 'warning',
        });
      }
      return parsed;
    };
    const state = text(issue.state);
    const reason = text(issue.state_reason) || null;
    const closedAt = read('closed_at');
    const cancelled = state === 'closed' && (reason === 'not_planned' || reason === 'duplicate');
    const milestone = isObject(issue.milestone) ? issue.milestone : null;
    let milestoneKey: string | null = null;
    if (milestone && typeof milestone.number === 'number') {
      milestoneKey = `milestone-${milestone.number}`;
      if (!milestones.has(milestoneKey)) {
        milestones.set(milestoneKey, {
          key: milestoneKey,
          title: text(milestone.title).trim() || `Milestone ${milestone.number}`,
          description: text(milestone.description),
          dueDate: parseIsoTimestamp(text(milestone.due_on))?.slice(0, 10) ?? null,
          closed: text(milestone.state) === 'closed',
          createdAt: parseIsoTimestamp(text(milestone.created_at)),
        });
      }
    }
    const assignees = Array.isArray(issue.assignees)
      ? issue.assignees.map(login).filter((l) => l !== null)
      : [];
    const firstAssignee = assignees[0] ?? login(issue.assignee);
    if (assignees.length > 1) {
      result.problems.push({
        row,
        column: 'assignees',
        message: `#${issue.number} has ${assignees.length} assignees (${assignees.join(', ')})`,
        why: `a Headway item has one assignee: ${firstAssignee} is kept`,
        severity: 'warning',
      });
    }
    const parentUrl = text(issue.parent_issue_url);
    const parentNumber = /\/issues\/(\d+)$/.exec(parentUrl)?.[1];
    const item: SourceItem = {
      row,
      key: `#${issue.number}`,
      altKeys: [String(issue.number)],
      title: text(issue.title).trim(),
      description: text(issue.body),
      status: state === 'closed' ? `closed${reason ? ` (${reason})` : ''}` : 'open',
      statusCategory:
        state === 'closed' ? (cancelled ? 'cancelled' : 'done') : state === 'open' ? 'todo' : null,
      resolution: reason,
      type: isObject(issue.type) ? text(issue.type.name) : '',
      priority: null,
      labels: Array.isArray(issue.labels)
        ? issue.labels.map((l) => (isObject(l) ? text(l.name) : text(l))).filter((l) => l !== '')
        : [],
      points: null,
      timeEstimateHours: null,
      timeSpentHours: null,
      parentRef: parentNumber ? { ref: `#${parentNumber}`, column: 'parent_issue_url' } : null,
      assignee: firstAssignee ? { name: firstAssignee, email: null } : null,
      creator: login(issue.user) ? { name: login(issue.user), email: null } : null,
      createdAt: read('created_at'),
      updatedAt: read('updated_at'),
      startedAt: null,
      completedAt: state === 'closed' && !cancelled ? closedAt : null,
      cancelledAt: cancelled ? closedAt : null,
      dueDate: null,
      links: [],
      extras: { ...emptyExtras(), milestone: milestoneKey },
    };
    result.items.push(item);
  });
  result.milestones = [...milestones.values()];
  if (result.items.length > 0) {
    result.assumptions.push(
      "GitHub's issue list gives dependency counts only, not which issues block which: no dependencies are imported.",
      'GitHub people are logins without emails: map them to members or give an email to invite them.',
    );
  }
  return result;
}
