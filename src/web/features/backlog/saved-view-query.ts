import { describeScoreKey } from '../../../domain/prioritization';
import type { SavedView, SavedViewQuery } from '../../api/types';
import { STATE_LABELS, TYPE_LABELS } from './labels';

// Keyed by the contract's query type: a key added there does not compile until it is listed here.
const KEYS: Record<keyof SavedViewQuery, true> = {
  type: true,
  state: true,
  assignee: true,
  label: true,
  q: true,
  view: true,
  score: true,
  closed: true,
};

/** The backlog URL parameters a saved view holds; the open item (`item`) is not one of them. */
export const VIEW_KEYS = Object.keys(KEYS) as (keyof SavedViewQuery)[];

/**
 * The saved-view query of the backlog's URL: its view keys that carry a value, and only those.
 * The values are as typed in the URL; the server checks each one before it keeps the view.
 */
export function queryFromParams(params: URLSearchParams): SavedViewQuery {
  const query: Record<string, string> = {};
  for (const key of VIEW_KEYS) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return query as SavedViewQuery;
}

/** True when the URL shows exactly the view: every view key equal, none more, none less. */
export function showsView(params: URLSearchParams, view: Pick<SavedView, 'query'>): boolean {
  const query = view.query as Record<string, string | undefined>;
  return VIEW_KEYS.every((key) => (params.get(key) || undefined) === (query[key] || undefined));
}

/** The URL changes that apply a view: its values, and every other view key cleared. */
export function changesFor(view: Pick<SavedView, 'query'>): Record<string, string | null> {
  const query = view.query as Record<string, string | undefined>;
  return Object.fromEntries(VIEW_KEYS.map((key) => [key, query[key] ?? null]));
}

/**
 * A view's query in words, e.g. "type Bug, state Ready, grouped", for the save dialog.
 * @param query the view keys and their values
 * @param memberName the name of an assignee by user id, when known
 */
export function describeQuery(query: SavedViewQuery, memberName: (id: string) => string | undefined): string {
  const parts: string[] = [];
  if (query.q) parts.push(`search “${query.q}”`);
  if (query.type) parts.push(`type ${TYPE_LABELS[query.type] ?? query.type}`);
  if (query.state) parts.push(`state ${STATE_LABELS[query.state] ?? query.state}`);
  if (query.assignee) parts.push(`assigned to ${memberName(query.assignee) ?? 'a former member'}`);
  if (query.label) parts.push(`label “${query.label}”`);
  if (query.closed === 'show') parts.push('done and cancelled shown');
  if (query.view === 'grouped') parts.push('grouped under parents');
  if (query.score) parts.push(`score column ${describeScoreKey(query.score)}`);
  return parts.length > 0 ? parts.join(', ') : 'the whole backlog, no filter';
}
