/**
 * The workflow the flow metrics read: states in board order, each in a category, so the metrics
 * do not depend on what a team calls its states.
 */

/** Where a state sits in the life of an item, whatever its name. */
export const FLOW_CATEGORIES = ['backlog', 'unstarted', 'started', 'done', 'cancelled'] as const;
export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

/** One state of a workflow. */
export interface FlowState {
  name: string;
  category: FlowCategory;
  /** Work in this state waits on someone (a queue such as "ready for review"); feeds flow efficiency. */
  waiting?: boolean;
  /** Work in this state is blocked; feeds blocked time. */
  blocked?: boolean;
}

/** A workflow: its states in board order (the cumulative flow diagram stacks them so). */
export interface FlowWorkflow {
  states: readonly FlowState[];
}

/** An item entered a state at a moment (milliseconds since the epoch). */
export interface FlowTransition {
  state: string;
  at: number;
}

/** An item as the metrics read it: who holds it and every state it entered, oldest first. */
export interface FlowItem {
  id: string;
  /** Who the item is assigned to now (a key the caller chooses, e.g. an e-mail), or null. */
  assignee: string | null;
  /** Entries into states in time order; the first is the item's first state. */
  transitions: readonly FlowTransition[];
}

/** A workflow indexed for the metrics: each state's position and flags. */
export interface IndexedWorkflow {
  names: readonly string[];
  categories: readonly FlowCategory[];
  waiting: readonly boolean[];
  blocked: readonly boolean[];
  indexOf: ReadonlyMap<string, number>;
}

/**
 * Indexes a workflow by state name.
 * @param workflow the workflow
 * @returns positions, categories and flags by index
 */
export function indexWorkflow(workflow: FlowWorkflow): IndexedWorkflow {
  return {
    names: workflow.states.map((s) => s.name),
    categories: workflow.states.map((s) => s.category),
    waiting: workflow.states.map((s) => s.waiting === true),
    blocked: workflow.states.map((s) => s.blocked === true),
    indexOf: new Map(workflow.states.map((s, i) => [s.name, i])),
  };
}

/**
 * The position of a state in a workflow.
 * @param workflow the indexed workflow
 * @param name the state's name
 * @returns its index; throws on a state the workflow does not have (a caller's mistake)
 */
export function stateIndex(workflow: IndexedWorkflow, name: string): number {
  const index = workflow.indexOf.get(name);
  if (index === undefined) throw new Error(`state ${name} is not in the workflow`);
  return index;
}
