/**
 * A workspace's own workflow: states a team names and orders, each mapped to one of Headway's
 * built-in item states (whose category the metrics read), with an optional WIP limit.
 */

/** A workflow state as these rules read it. */
export interface WorkflowStateRef {
  id: string;
  /** The built-in item state the workflow state stands for (an item in it has that state). */
  builtinState: string;
  /** Board order: lower comes first. */
  position: number;
}

/**
 * The first workflow state (in board order) that stands for a built-in state: where an item goes
 * when only its built-in state is set.
 * @param states the workspace's workflow states
 * @param builtinState the built-in state
 * @returns the state, or undefined when none maps to it
 */
export function findFirstStateOf<S extends WorkflowStateRef>(
  states: readonly S[],
  builtinState: string,
): S | undefined {
  let first: S | undefined;
  for (const s of states) {
    if (s.builtinState === builtinState && (first === undefined || s.position < first.position)) first = s;
  }
  return first;
}

/**
 * The workflow state an item is in: the one it names when that state stands for the item's
 * built-in state, otherwise the first that does (an item that never named one, or whose built-in
 * state was set by a path that knows nothing of the workflow, such as an import).
 * @param states the workspace's workflow states
 * @param item the item's built-in state and the workflow state it names, if any
 * @returns the state, or undefined when no state maps to the item's built-in state
 */
export function resolveWorkflowState<S extends WorkflowStateRef>(
  states: readonly S[],
  item: { state: string; workflowStateId: string | null },
): S | undefined {
  if (item.workflowStateId !== null) {
    const named = states.find((s) => s.id === item.workflowStateId);
    if (named && named.builtinState === item.state) return named;
  }
  return findFirstStateOf(states, item.state);
}

/** Where a column stands against its WIP limit. */
export type WipStatus = 'no_limit' | 'under' | 'at' | 'over';

/**
 * Compares a state's work in progress with its limit.
 * @param count the items in the state
 * @param limit the state's WIP limit, or null for none
 * @returns no_limit, under, at (full: one more goes over) or over
 */
export function findWipStatus(count: number, limit: number | null): WipStatus {
  if (limit === null) return 'no_limit';
  if (count > limit) return 'over';
  return count === limit ? 'at' : 'under';
}

/**
 * Gives states consecutive positions 0, 1, 2 … with one of them moved to a new index.
 * @param ids the states' ids in their current board order
 * @param movedId the state to move
 * @param toIndex its new index (clamped to the list)
 * @returns the ids in their new order
 */
export function moveState(ids: readonly string[], movedId: string, toIndex: number): string[] {
  const rest = ids.filter((id) => id !== movedId);
  const at = Math.max(0, Math.min(rest.length, toIndex));
  return [...rest.slice(0, at), movedId, ...rest.slice(at)];
}
