/**
 * The shapes shared by every importer: what a parser reads out of a file (source items), what the
 * user can edit (the mapping, see ./mapping-types.ts) and what an import would create (the plan).
 */

/** The foreign formats the parsers read. Headway JSON has its own path. */
export const IMPORT_FORMATS = ['jira', 'linear', 'github', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where an item stands, whatever the tool called its status. */
export const STATE_CATEGORIES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

/** Headway's item states and types (kept equal to the contract's lists by a test). */
export const IMPORT_ITEM_STATES = ['new', 'ready', 'in_progress', 'in_review', 'done', 'cancelled'] as const;
export type ImportItemState = (typeof IMPORT_ITEM_STATES)[number];
export const IMPORT_ITEM_TYPES = ['initiative', 'epic', 'feature', 'task', 'bug'] as const;
export type ImportItemType = (typeof IMPORT_ITEM_TYPES)[number];

/** The category each Headway state belongs to. */
export const CATEGORY_OF_STATE: Readonly<Record<ImportItemState, StateCategory>> = {
  new: 'todo',
  ready: 'todo',
  in_progress: 'in_progress',
  in_review: 'in_progress',
  done: 'done',
  cancelled: 'cancelled',
};

/**
 * Something found in a file. `row` counts records as a spreadsheet shows them (the header is row
 * 1, the first data row is 2; for JSON, the position of the issue in the file, from 1); null when
 * the problem concerns the whole file. An `error` stops the import until it is fixed (a setting,
 * the mapping or the file); a `warning` says what the import will do about it.
 */
export interface ImportProblem {
  file?: string;
  row: number | null;
  column: string | null;
  message: string;
  why: string;
  severity: 'error' | 'warning';
  /** When the problem is dates that read several ways: the date formats that fit, to pick one. */
  dateFormats?: string[];
}

/** A person as the file names them. Files carry an email, a display name, a login, or several. */
export interface SourcePerson {
  name: string | null;
  email: string | null;
}

/** What kind of link a source row states, from the row's own point of view. */
export type SourceLinkKind = 'blocks' | 'blocked_by' | 'relates' | 'duplicates';

/** A link to another item of the file, by key (or alternative key). */
export interface SourceLink {
  kind: SourceLinkKind;
  ref: string;
  column: string;
}

/** Values that Headway has no field for; the mapping may turn some into labels. */
export interface SourceExtras {
  components: string[];
  fixVersions: string[];
  sprints: string[];
  project: string | null;
  cycle: string | null;
  milestone: string | null;
  team: string | null;
}

/** Extra fields that can become labels (see ImportMapping.labelsFrom). */
export const EXTRA_LABEL_FIELDS = [
  'components',
  'fixVersions',
  'sprints',
  'project',
  'cycle',
  'milestone',
  'team',
] as const;
export type ExtraLabelField = (typeof EXTRA_LABEL_FIELDS)[number];

/** One issue as a parser read it, before any mapping. Times are ISO 8601 UTC strings. */
export interface SourceItem {
  row: number;
  /** The key other rows use to refer to it (Jira issue key, Linear ID, GitHub "#number"). */
  key: string;
  /** Other spellings references may use (Jira's numeric Issue id, Linear's UUID). */
  altKeys: string[];
  title: string;
  /** Markdown (wiki markup is converted by the Jira parser). */
  description: string;
  /** The tool's status name ("" when the file has none). */
  status: string;
  /** The category the file itself states for this row, if any (Jira's Status Category, GitHub's state). */
  statusCategory: StateCategory | null;
  /** Jira's resolution ("Done", "Won't Do"…) or GitHub's state_reason. */
  resolution: string | null;
  type: string;
  priority: string | null;
  labels: string[];
  points: number | null;
  /** Original time estimate in hours. */
  timeEstimateHours: number | null;
  /** Time logged in hours. */
  timeSpentHours: number | null;
  parentRef: { ref: string; column: string } | null;
  assignee: SourcePerson | null;
  creator: SourcePerson | null;
  createdAt: string | null;
  updatedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  /** YYYY-MM-DD. */
  dueDate: string | null;
  links: SourceLink[];
  extras: SourceExtras;
}

/** A milestone found in the file (GitHub), which the mapping may turn into an initiative. */
export interface SourceMilestone {
  key: string;
  title: string;
  description: string;
  dueDate: string | null;
  closed: boolean;
  createdAt: string | null;
}

/** What a parser returns: never throws on bad input; everything wrong is a problem. */
export interface SourceParse {
  format: ImportFormat;
  items: SourceItem[];
  milestones: SourceMilestone[];
  /** Rows left out on purpose, by reason ("archived", "pull request", "empty row"…). */
  skipped: Record<string, number>;
  problems: ImportProblem[];
  /** What the parser had to assume (time zone, date format…), to show beside the dry run. */
  assumptions: string[];
}

/** Creates an empty extras record. */
export function emptyExtras(): SourceExtras {
  return {
    components: [],
    fixVersions: [],
    sprints: [],
    project: null,
    cycle: null,
    milestone: null,
    team: null,
  };
}

/** Adds one to a skipped-count record. */
export function countSkipped(skipped: Record<string, number>, reason: string): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/**
 * Looks a file-given name up in a table, own entries only: a status, type or person called
 * "constructor" or "valueOf" must not find Object.prototype's members.
 */
export function lookUp<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Sets an own entry, even for a key such as "__proto__" that plain assignment would not store. */
export function setOwn<T>(table: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(table, key, { value, enumerable: true, writable: true, configurable: true });
}
