import type { Item, ItemPatch } from '../../api/types';

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  type: 'Type',
  parentId: 'Parent',
  state: 'State',
  estimate: 'Estimate',
  actualEffort: 'Actual effort',
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
export function describeConflict(options: { base: Item; patch: ItemPatch; current: Item }): {
  mine: FieldChange[];
  theirs: FieldChange[];
} {
  const { base, patch, current } = options;
  const mine: FieldChange[] = [];
  const theirs: FieldChange[] = [];
  const patched = new Set(Object.keys(patch).filter((k) => k !== 'rationale'));
  for (const field of patched) {
    const key = field as keyof Item;
    mine.push({
      field,
      label: FIELD_LABELS[field] ?? field,
      was: formatValue(base[key]),
      mine: formatValue(patch[field as keyof ItemPatch]),
      now: formatValue(current[key]),
    });
  }
  for (const field of Object.keys(FIELD_LABELS)) {
    if (patched.has(field)) continue;
    const key = field as keyof Item;
    if (!same(base[key], current[key])) {
      theirs.push({
        field,
        label: FIELD_LABELS[field] ?? field,
        was: formatValue(base[key]),
        mine: null,
        now: formatValue(current[key]),
      });
    }
  }
  return { mine, theirs };
}
