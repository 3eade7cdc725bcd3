import type { UpdateItem } from '../../contract';
import type { Database } from '../../db/client';
import type { Decision } from '../../domain/decision-rights';
import type { Actor } from '../policies/access';
import type { ItemRow } from '../presenters/item';
import { label } from '../presenters/item';
import { recordDecision as appendDecision, type DecisionRecord } from './decision-log';
import { describeSlip } from './slips';

/**
 * Writes the decisions an item update made to the decision log, one entry per decision.
 * @param options.slip the update moves a committed target date: log it as a slip
 * @returns the id of the entry written for each decision
 */
export async function logItemDecisions(
  db: Database,
  actor: Actor,
  before: ItemRow,
  input: UpdateItem,
  options: { slip?: boolean } = {},
): Promise<Partial<Record<Decision, number>>> {
  const ids: Partial<Record<Decision, number>> = {};
  const recordDecision = async (tx: Database, record: DecisionRecord) => {
    ids[record.decision] = (await appendDecision(tx, record)).id;
  };
  const base = {
    workspaceId: actor.workspaceId,
    itemId: before.id,
    actorId: actor.userId,
    rationale: input.rationale,
  };
  const name = label(before);
  if (input.estimate !== undefined) {
    const e = input.estimate;
    await recordDecision(db, {
      ...base,
      decision: 'estimates',
      summary: e
        ? `Estimated ${name} at ${e.optimistic}/${e.likely}/${e.pessimistic} days (optimistic/likely/pessimistic)`
        : `Cleared the estimate of ${name}`,
      details: {
        before: [before.estimateOptimistic, before.estimateLikely, before.estimatePessimistic],
        after: e,
      },
    });
  }
  if (input.storyPoints !== undefined) {
    await recordDecision(db, {
      ...base,
      decision: 'estimates',
      summary:
        input.storyPoints === null
          ? `Cleared the story points of ${name}`
          : `Sized ${name} at ${input.storyPoints} story point${input.storyPoints === 1 ? '' : 's'}`,
      details: { before: before.storyPoints, after: input.storyPoints },
    });
  }
  if (input.actualEffort !== undefined) {
    await recordDecision(db, {
      ...base,
      decision: 'estimates',
      summary: `Recorded ${input.actualEffort ?? 'no'} days of actual effort on ${name}`,
      details: { actualEffort: input.actualEffort },
    });
  }
  if (input.scores !== undefined) {
    await recordDecision(db, {
      ...base,
      decision: 'backlog_order',
      summary: `Scored ${name}`,
      details: { before: before.scores, after: input.scores },
    });
  }
  const uncancelled =
    before.state === 'cancelled' && input.state !== undefined && input.state !== 'cancelled';
  if (
    input.parentId !== undefined ||
    input.type !== undefined ||
    input.state === 'cancelled' ||
    uncancelled
  ) {
    await recordDecision(db, {
      ...base,
      decision: 'scope',
      summary:
        input.state === 'cancelled'
          ? `Cut ${name} from scope`
          : uncancelled
            ? `Brought ${name} back into scope (${input.state?.replace('_', ' ')})`
            : `Changed where ${name} sits in the plan`,
      details: { parentId: input.parentId, type: input.type, from: before.state, state: input.state },
    });
  }
  if (input.scopeQuestion === null && before.scopeQuestion !== null) {
    await recordDecision(db, {
      ...base,
      decision: 'scope',
      summary: `Answered the scope question on ${name}`,
      details: { question: before.scopeQuestion },
    });
  }
  if (input.targetDate !== undefined) {
    await recordDecision(db, {
      ...base,
      decision: 'delivery_dates',
      summary: options.slip
        ? describeSlip(before, input.targetDate)
        : input.targetDate
          ? `Set the target date of ${name} to ${input.targetDate}`
          : `Cleared the target date of ${name}`,
      details: {
        before: before.targetDate,
        after: input.targetDate,
        ...(options.slip ? { slip: true } : {}),
      },
    });
  }
  if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
    await recordDecision(db, {
      ...base,
      decision: 'assignment',
      summary: `Assigned ${name}`,
      details: { before: before.assigneeId, after: input.assigneeId },
    });
  }
  return ids;
}
