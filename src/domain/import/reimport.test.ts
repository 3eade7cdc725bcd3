import { describe, expect, it } from 'vitest';
import { findChangedFields, REIMPORT_FIELDS, type ReimportValues } from './reimport';

const ITEM: ReimportValues = {
  title: 'Rate limits',
  description: 'Per token',
  type: 'feature',
  state: 'ready',
  labels: ['api', 'security'],
  storyPoints: 3,
  estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
  parent: null,
  targetDate: null,
};

describe('findChangedFields', () => {
  it('should find nothing when the file has the same values', () => {
    expect(
      findChangedFields(ITEM, { ...ITEM, labels: [...ITEM.labels], estimate: { ...ITEM.estimate! } }),
    ).toEqual([]);
  });

  it('should name each field that differs, in the order of REIMPORT_FIELDS', () => {
    const next: ReimportValues = {
      ...ITEM,
      state: 'done',
      title: 'Rate limits per token',
      estimate: { optimistic: 1, likely: 3, pessimistic: 4 },
      labels: ['api'],
      parent: 'epic-id',
    };
    expect(findChangedFields(ITEM, next)).toEqual(['title', 'state', 'labels', 'estimate', 'parent']);
  });

  it('should see a value cleared or set as a change', () => {
    expect(
      findChangedFields(ITEM, { ...ITEM, estimate: null, storyPoints: null, targetDate: '2026-03-01' }),
    ).toEqual(['storyPoints', 'estimate', 'targetDate']);
  });

  it('should find every field when everything differs', () => {
    const next: ReimportValues = {
      title: 'x',
      description: 'y',
      type: 'bug',
      state: 'cancelled',
      labels: ['security', 'api'],
      storyPoints: 5,
      estimate: null,
      parent: 'p',
      targetDate: '2026-01-01',
    };
    expect(findChangedFields(ITEM, next)).toEqual([...REIMPORT_FIELDS]);
  });
});
