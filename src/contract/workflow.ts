import { z } from 'zod';
import { FLOW_CATEGORIES, type FlowCategory } from '../domain/flow/workflow';
import { IdSchema, int4, text } from './common';
import { ITEM_STATES } from './item-values';

export { FLOW_CATEGORIES };

type ItemState = (typeof ITEM_STATES)[number];

/** The category each built-in item state belongs to: a workflow state's category follows its built-in state. */
export const BUILTIN_STATE_CATEGORIES: Readonly<Record<ItemState, FlowCategory>> = {
  new: 'backlog',
  ready: 'unstarted',
  in_progress: 'started',
  in_review: 'started',
  done: 'done',
  cancelled: 'cancelled',
};

/** The workflow every workspace starts with: one state per built-in state, named as Headway names them. */
export const DEFAULT_WORKFLOW_STATES: readonly { name: string; builtinState: ItemState }[] = [
  { name: 'New', builtinState: 'new' },
  { name: 'Ready', builtinState: 'ready' },
  { name: 'In progress', builtinState: 'in_progress' },
  { name: 'In review', builtinState: 'in_review' },
  { name: 'Done', builtinState: 'done' },
  { name: 'Cancelled', builtinState: 'cancelled' },
];

/** The most states a workflow may have, and the highest WIP limit. */
export const WORKFLOW_LIMITS = { states: 30, nameChars: 40, wipLimit: 1000 } as const;

const StateNameSchema = text()
  .trim()
  .min(1, 'a state needs a name')
  .max(WORKFLOW_LIMITS.nameChars, `keep a state's name to ${WORKFLOW_LIMITS.nameChars} characters`);
const WipLimitSchema = int4()
  .min(1, 'a WIP limit is at least 1 (send null for no limit)')
  .max(WORKFLOW_LIMITS.wipLimit, `a WIP limit is at most ${WORKFLOW_LIMITS.wipLimit}`)
  .nullable();

const WaitingSchema = z
  .boolean()
  .describe(
    'work in it waits on someone (flow efficiency counts the time as waiting); only a started state can wait',
  );
const BlockedSchema = z
  .boolean()
  .describe(
    'work in it is blocked: the metrics measure the time as blocked time, and flow efficiency counts it as waiting too; only a started state can be blocked',
  );

export const WorkflowStateSchema = z.object({
  id: IdSchema,
  name: z.string(),
  category: z.enum(FLOW_CATEGORIES),
  /** The built-in item state it stands for: an item in this state has it. */
  builtinState: z.enum(ITEM_STATES),
  /** Board order, 0 first. */
  position: z.number().int(),
  wipLimit: z.number().int().nullable(),
  /** Work here waits on someone (e.g. "Waiting for QA"): flow efficiency counts it as waiting. */
  waiting: z.boolean(),
  /** Work here is blocked (e.g. "Blocked"): measured as blocked time, and as waiting by flow efficiency. */
  blocked: z.boolean(),
  /** Features, tasks and bugs in the state now. */
  itemCount: z.number().int(),
  version: z.number().int(),
});
export type WorkflowState = z.infer<typeof WorkflowStateSchema>;

export const WorkflowSchema = z.object({ states: z.array(WorkflowStateSchema) });
export type Workflow = z.infer<typeof WorkflowSchema>;

export const CreateWorkflowStateSchema = z.strictObject({
  name: StateNameSchema,
  builtinState: z.enum(ITEM_STATES).describe('the built-in state it stands for; its category follows'),
  position: int4()
    .min(0)
    .optional()
    .describe('where it goes in board order (default: after the last state of its built-in state)'),
  wipLimit: WipLimitSchema.optional(),
  waiting: WaitingSchema.optional(),
  blocked: BlockedSchema.optional(),
});
export type CreateWorkflowState = z.infer<typeof CreateWorkflowStateSchema>;

export const UpdateWorkflowStateSchema = z.strictObject({
  version: int4().min(1).describe('the version of the state the caller saw'),
  name: StateNameSchema.optional(),
  position: int4().min(0).optional().describe('its new index in board order'),
  wipLimit: WipLimitSchema.optional(),
  waiting: WaitingSchema.optional(),
  blocked: BlockedSchema.optional(),
});
export type UpdateWorkflowState = z.infer<typeof UpdateWorkflowStateSchema>;

export const DeleteWorkflowStateSchema = z.strictObject({
  version: int4().min(1).describe('the version of the state the caller saw'),
  moveTo: IdSchema.optional().describe(
    'where the items in it go: another state of the same built-in state (needed when it holds items)',
  ),
});
export type DeleteWorkflowState = z.infer<typeof DeleteWorkflowStateSchema>;

/** What removing a state did: the items that moved to the state named in `moveTo`. */
export const RemovedWorkflowStateSchema = z.object({ movedItems: z.array(IdSchema) });
export type RemovedWorkflowState = z.infer<typeof RemovedWorkflowStateSchema>;
