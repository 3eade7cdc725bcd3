import { describe, expect, it } from 'vitest';
import { findFirstStateOf, findWipStatus, moveState, resolveWorkflowState } from './workflow-states';

const states = [
  { id: 'a', builtinState: 'in_progress', position: 2 },
  { id: 'qa', builtinState: 'in_review', position: 4 },
  { id: 'review', builtinState: 'in_review', position: 3 },
  { id: 'new', builtinState: 'new', position: 0 },
];

describe('workflow states', () => {
  it('should pick the lowest position among the states of a built-in state', () => {
    expect(findFirstStateOf(states, 'in_review')?.id).toBe('review');
    expect(findFirstStateOf(states, 'done')).toBeUndefined();
  });

  it('should keep the named state when it stands for the item state, else fall back to the first', () => {
    expect(resolveWorkflowState(states, { state: 'in_review', workflowStateId: 'qa' })?.id).toBe('qa');
    expect(resolveWorkflowState(states, { state: 'in_review', workflowStateId: null })?.id).toBe('review');
    // An import moved the item on without knowing the workflow: the stale name is ignored.
    expect(resolveWorkflowState(states, { state: 'in_progress', workflowStateId: 'qa' })?.id).toBe('a');
  });

  it('should say when a column is full or over its limit', () => {
    expect(findWipStatus(3, null)).toBe('no_limit');
    expect(findWipStatus(2, 3)).toBe('under');
    expect(findWipStatus(3, 3)).toBe('at');
    expect(findWipStatus(4, 3)).toBe('over');
  });

  it('should move one state and keep the others in order', () => {
    expect(moveState(['a', 'b', 'c', 'd'], 'd', 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveState(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
    expect(moveState(['a', 'b', 'c'], 'c', -5)).toEqual(['c', 'a', 'b']);
  });
});
