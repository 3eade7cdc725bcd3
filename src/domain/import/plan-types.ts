/** What an import would create: the normalised plan every format ends in. */
import type { ImportMapping, PersonMatch } from './mapping';
import type { ImportFormat, ImportItemState, ImportItemType, ImportProblem, StateCategory } from './types';

/** Headway's limits on item fields (kept equal to the contract's LIMITS by a test). */
export const IMPORT_LIMITS = {
  titleChars: 300,
  descriptionChars: 50_000,
  labelsPerItem: 30,
  labelChars: 40,
  /** An item's key in its tool, kept to match it on the next import. */
  keyChars: 200,
} as const;

/** A three-point estimate in working days, with where its range came from. */
export interface PlannedEstimate {
  optimistic: number;
  likely: number;
  pessimistic: number;
  basis: string;
}

/** One item to create (or update, on re-import, by its external key). */
export interface PlannedItem {
  key: string;
  /** Source row; null for items made from something else (a GitHub milestone). */
  row: number | null;
  type: ImportItemType;
  title: string;
  description: string;
  state: ImportItemState;
  category: StateCategory;
  parentKey: string | null;
  labels: string[];
  storyPoints: number | null;
  estimate: PlannedEstimate | null;
  /** Time spent, in working days. */
  actualEffortDays: number | null;
  /** Person keys (see PlannedPerson). */
  assignee: string | null;
  creator: string | null;
  /** The priority as the file wrote it. */
  priority: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  startedAt: string | null;
  /** When it was done, or cancelled (by its state). */
  closedAt: string | null;
  targetDate: string | null;
}

/** `item` waits for `dependsOn` to finish. */
export interface PlannedDependency {
  item: string;
  dependsOn: string;
  row: number;
  column: string;
}

/** A person named in the file and who they become. */
export interface PlannedPerson {
  key: string;
  name: string | null;
  email: string | null;
  match: PersonMatch;
  /** How many items name them (assignee or creator). */
  items: number;
}

/** One state change, derived from the file's timestamps. */
export interface PlannedHistoryEntry {
  item: string;
  from: ImportItemState | null;
  to: ImportItemState;
  at: string;
}

/** The whole plan: nothing in it has been written. */
export interface ImportPlan {
  format: ImportFormat;
  mapping: ImportMapping;
  items: PlannedItem[];
  dependencies: PlannedDependency[];
  people: PlannedPerson[];
  history: PlannedHistoryEntry[];
  problems: ImportProblem[];
  skipped: Record<string, number>;
  assumptions: string[];
}
