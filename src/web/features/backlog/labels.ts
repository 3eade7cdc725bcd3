import type { ItemState, ItemType } from '../../../contract';
import { ITEM_STATES, ITEM_TYPES } from '../../../contract/item-values';

export { ITEM_STATES, ITEM_TYPES };

// Records keyed by the contract's unions: a new state or type does not compile until labelled here.
export const STATE_LABELS: Record<ItemState, string> = {
  new: 'New',
  ready: 'Ready',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const TYPE_LABELS: Record<ItemType, string> = {
  initiative: 'Initiative',
  epic: 'Epic',
  feature: 'Feature',
  task: 'Task',
  bug: 'Bug',
};
