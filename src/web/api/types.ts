import type {
  DecisionLogEntry,
  DecisionRights,
  Inbox,
  Item,
  Member,
  MovedItem,
  Proposal,
  ProposalChange,
  SavedView,
  SavedViewQuery,
  TargetDateSlip,
  User,
  WaitsOnWhom,
  Workspace,
} from '../../contract';

// Shapes of API answers, from the shared contract types (types only: no zod in the bundle).
export type {
  DecisionLogEntry,
  DecisionRights,
  Inbox,
  Item,
  Member,
  MovedItem,
  Proposal,
  ProposalChange,
  SavedView,
  SavedViewQuery,
  TargetDateSlip,
  User,
  WaitsOnWhom,
  Workspace,
};

/** Filters of the decision log page, as the API takes them. */
export interface DecisionLogFilters {
  decision?: string | undefined;
  actorId?: string | undefined;
  itemNumber?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Me {
  user: User;
  workspaces: Workspace[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface StateChange {
  id: string;
  itemId: string;
  fromState: Item['state'] | null;
  toState: Item['state'];
  changedBy: string | null;
  /** Who the imported file says moved it (an e-mail, not an account). */
  importedChangedBy: string | null;
  changedAt: string;
}

export interface Comment {
  id: string;
  itemId: string;
  authorId: string | null;
  authorName: string;
  /** The author an imported file names (an e-mail, not an account). */
  importedAuthor: string | null;
  body: string;
  createdAt: string;
}

export interface Invitation {
  id: string;
  token: string;
  path: string;
  role: Member['role'];
  fte: number;
  skills: string[];
  expiresAt: string;
}

export interface ItemFilters {
  type?: Item['type'] | undefined;
  state?: Item['state'] | undefined;
  assigneeId?: string | undefined;
  label?: string | undefined;
  q?: string | undefined;
}

/** Fields a PATCH may set (besides the version it is based on). */
export interface ItemPatch {
  title?: string;
  description?: string;
  type?: Item['type'];
  parentId?: string | null;
  state?: Item['state'];
  /** A workflow state of the workspace; sets `state` to the built-in state it stands for. */
  workflowStateId?: string;
  estimate?: { optimistic: number; likely: number; pessimistic: number } | null;
  actualEffort?: number | null;
  storyPoints?: number | null;
  scores?: Item['scores'];
  skills?: string[];
  labels?: string[];
  assigneeId?: string | null;
  targetDate?: string | null;
  scopeQuestion?: string | null;
  rationale?: string;
}

/** Where a move places an item: after another (null = top) or before another (null = bottom). */
export type MoveTarget = { afterId: string | null } | { beforeId: string | null };
