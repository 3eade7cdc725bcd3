/**
 * Re-importing a file into a workspace that already holds its items: which of an item's fields
 * the file changes. Only the fields a tool like Jira or Linear owns are compared; what Headway
 * adds (scores, skills, order, assignment made here) is never touched by a re-import.
 */
import type { ImportItemState, ImportItemType } from './types';

/** The fields a re-import compares and, when they differ, updates. */
export const REIMPORT_FIELDS = [
  'title',
  'description',
  'type',
  'state',
  'labels',
  'storyPoints',
  'estimate',
  'parent',
  'targetDate',
] as const;
export type ReimportField = (typeof REIMPORT_FIELDS)[number];

/** An item's values for the fields a re-import compares; `parent` is the parent's id, or null. */
export interface ReimportValues {
  title: string;
  description: string;
  type: ImportItemType;
  state: ImportItemState;
  labels: readonly string[];
  storyPoints: number | null;
  estimate: { optimistic: number; likely: number; pessimistic: number } | null;
  parent: string | null;
  targetDate: string | null;
}

function sameEstimate(a: ReimportValues['estimate'], b: ReimportValues['estimate']): boolean {
  if (a === null || b === null) return a === b;
  return a.optimistic === b.optimistic && a.likely === b.likely && a.pessimistic === b.pessimistic;
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i]);
}

/**
 * The fields whose value in the file differs from the item's, in REIMPORT_FIELDS order.
 * @param current the item as it is in the workspace
 * @param next the item as the file has it
 * @returns the fields to update; empty when the item is unchanged
 */
export function findChangedFields(current: ReimportValues, next: ReimportValues): ReimportField[] {
  const same: Record<ReimportField, boolean> = {
    title: current.title === next.title,
    description: current.description === next.description,
    type: current.type === next.type,
    state: current.state === next.state,
    labels: sameLabels(current.labels, next.labels),
    storyPoints: current.storyPoints === next.storyPoints,
    estimate: sameEstimate(current.estimate, next.estimate),
    parent: current.parent === next.parent,
    targetDate: current.targetDate === next.targetDate,
  };
  return REIMPORT_FIELDS.filter((field) => !same[field]);
}
