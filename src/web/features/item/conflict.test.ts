import { describe, expect, it } from 'vitest';
import type { Item } from '../../api/types';
import { describeConflict, formatValue } from './conflict';

const base = {
  id: 'i1',
  number: 3,
  title: 'Export to CSV',
  state: 'new',
  estimate: null,
  labels: [],
  scores: {},
  assigneeId: null,
  version: 2,
} as unknown as Item;

describe('describeConflict', () => {
  it('should list my field with what I saw, what I wanted and what is there now', () => {
    const current = { ...base, title: 'Export to CSV files', version: 3 };
    const { mine } = describeConflict({ base, patch: { title: 'Export to CSV and Excel' }, current });
    expect(mine).toEqual([
      {
        field: 'title',
        label: 'Title',
        was: 'Export to CSV',
        mine: 'Export to CSV and Excel',
        now: 'Export to CSV files',
      },
    ]);
  });

  it('should list fields someone else changed meanwhile, with readable labels, when I did not touch them', () => {
    const current = { ...base, state: 'in_progress', assigneeId: 'u9', version: 3 } as Item;
    const { theirs } = describeConflict({
      base,
      patch: { title: 'New title' },
      current,
      nameOf: (id) => (id === 'u9' ? 'Jo Developer' : undefined),
    });
    expect(theirs.map((c) => [c.label, c.was, c.now])).toEqual([
      ['State', 'New', 'In progress'],
      ['Assignee', '—', 'Jo Developer'],
    ]);
  });
});

describe('formatValue', () => {
  it('should show a three-point estimate as optimistic / likely / pessimistic days', () => {
    expect(formatValue({ optimistic: 2, likely: 3, pessimistic: 6, unit: 'days' })).toBe('2 / 3 / 6 days');
  });

  it('should show a dash when the value is empty', () => {
    expect([formatValue(null), formatValue(''), formatValue([])]).toEqual(['—', '—', '—']);
  });
});
