/** Builds source items for tests: only what a test names differs from an empty row. */
import { emptyExtras, type SourceItem, type SourceParse } from './types';

/** A source item with defaults for every field. */
export function buildSourceItem(overrides: Partial<SourceItem> & { key: string }): SourceItem {
  return {
    row: 2,
    altKeys: [],
    title: `Item ${overrides.key}`,
    description: '',
    status: 'To Do',
    statusCategory: null,
    resolution: null,
    type: 'Task',
    priority: null,
    labels: [],
    points: null,
    timeEstimateHours: null,
    timeSpentHours: null,
    parentRef: null,
    assignee: null,
    creator: null,
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedAt: null,
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
    dueDate: null,
    links: [],
    extras: emptyExtras(),
    ...overrides,
  };
}

/** A parse result around the given items. */
export function buildSourceParse(items: SourceItem[], overrides: Partial<SourceParse> = {}): SourceParse {
  return { format: 'jira', items, milestones: [], skipped: {}, problems: [], assumptions: [], ...overrides };
}
