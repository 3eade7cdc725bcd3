import { isOneOf } from '../../../domain/shared';
import type { Item, ItemPatch } from '../../api/types';
import { ITEM_STATES, ITEM_TYPES, STATE_LABELS, TYPE_LABELS } from '../backlog/labels';

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  type: 'Type',
  parentId: 'Parent',
  state: 'State',
  estimate: 'Estimate',
  actualEffort: 'Actual effort',
  storyPoints: 'Story points',
  scores: 'Scores',
  skills: 'Skills',
  labels: 'Labels',
  assigneeId: 'Assignee',
  targetDate: 'Target date',
  scopeQuestion: 'Scope question',
  dependsOn: 'Dependencies',
  rank: 'Place in the order',
};

/** A value as a person reads it in a comparison. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((v) => (typeof v === 'object' && v ? formatValue(v) : String(v))).join(', ');
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('optimistic' in record && 'likely' in record && 'pessimistic' in record) {
      return `${record.optimistic} / ${record.likely} / ${record.pessimistic} days`;
    }
    if ('itemId' in record) return String(record.itemId).slice(0, 8);
    const entries = Object.entries(record);
    return entries.length === 0 ? '—' : entries.map(([k, v]) => `${k} ${String(v)}`).join(', ');
  }
  return String(value);
}

/** A field's value as a person reads it: state and type labels, people by name. */
export function formatField(
  field: string,
  value: unknown,
  nameOf?: (userId: string) => string | undefined,
): string {
  if (field === 'state' && typeof value === 'string')
    return isOneOf(ITEM_STATES, value) ? STATE_LABELS[value] : value;
  if (field === 'type' && typeof value === 'string')
    return isOneOf(ITEM_TYPES, value) ? TYPE_LABELS[value] : value;
  if (field === 'assigneeId' && typeof value === 'string') return nameOf?.(value) ?? formatValue(value);
  return formatValue(value);
}

function same(a: unknown, b: unknown): boolean {
  return formatValue(a) === formatValue(b);
}

export interface FieldChange {
  field: string;
  label: string;
  was: string;
  mine: string | null;
  now: string;
}

/**
 * What a conflict is about: the fields I tried to change (what I saw, what I wanted, what is
 * there now) and the fields someone else changed meanwhile.
 */
export function describeConflict(options: {
  base: Item;
  patch: ItemPatch;
  current: Item;
  nameOf?: (userId: string) => string | undefined;
}): {
  mine: FieldChange[];
  theirs: FieldChange[];
} {
  const { base, patch, current, nameOf } = options;
  const show = (field: string, value: unknown) => formatField(field, value, nameOf);
  const mine: FieldChange[] = [];
  const theirs: FieldChange[] = [];
  const patched = new Set(Object.keys(patch).filter((k) => k !== 'rationale'));
  for (const field of patched) {
    const key = field as keyof Item;
    mine.push({
      field,
      label: FIELD_LABELS[field] ?? field,
      was: show(field, base[key]),
      mine: show(field, patch[field as keyof ItemPatch]),
      now: show(field, current[key]),
    });
  }
  for (const field of Object.keys(FIELD_LABELS)) {
    if (patched.has(field)) continue;
    const key = field as keyof Item;
    if (!same(base[key], current[key])) {
      theirs.push({
        field,
        label: FIELD_LABELS[field] ?? field,
        was: show(field, base[key]),
        mine: null,
        now: show(field, current[key]),
      });
    }
  }
  return { mine, theirs };
}
