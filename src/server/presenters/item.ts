import type { Item } from '../../contract';
import type { items } from '../../db/schema';

export type ItemRow = typeof items.$inferSelect;
/** The columns of an item row that its API shape is made of (see presentItem). */
export type PresentedItemRow = Omit<
  ItemRow,
  'workspaceId' | 'scoreProvenance' | 'scopeQuestionAt' | 'externalSource' | 'externalKey' | 'externalVersion'
>;
export interface DependencyRow {
  itemId: string;
  dependsOnId: string;
  lagDays: number;
}

/** How people known only from an imported file are named: "alice@… in the imported file". */
export const importedName = (email: string) => `${email} in the imported file`;

/** How an item is named in messages and the decision log: #12 “Title”. */
export const label = (row: { number: number; title: string }) => `#${row.number} “${row.title}”`;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Row → API shape. `deps` may hold other items' dependencies; only this item's are used. */
export function presentItem(row: PresentedItemRow, deps: readonly DependencyRow[]): Item {
  const hasEstimate = row.estimateLikely !== null;
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    title: row.title,
    description: row.description,
    parentId: row.parentId,
    state: row.state,
    workflowStateId: row.workflowStateId,
    cycleId: row.cycleId,
    rank: row.rank,
    orderedAt: iso(row.orderedAt),
    estimate: hasEstimate
      ? {
          optimistic: row.estimateOptimistic ?? 0,
          likely: row.estimateLikely ?? 0,
          pessimistic: row.estimatePessimistic ?? 0,
          unit: 'days',
          estimatedBy: row.estimatedBy,
          estimatedAt: iso(row.estimatedAt),
        }
      : null,
    actualEffort: row.actualEffort,
    storyPoints: row.storyPoints,
    scores: row.scores,
    skills: row.skills,
    labels: row.labels,
    assigneeId: row.assigneeId,
    targetDate: row.targetDate,
    targetDateCommittedAt: iso(row.targetDateCommittedAt),
    scopeQuestion: row.scopeQuestion,
    dependsOn: deps
      .filter((d) => d.itemId === row.id)
      .map((d) => ({ itemId: d.dependsOnId, lagDays: d.lagDays })),
    createdBy: row.createdBy,
    ...(row.importedCreatedBy || row.importedAssignee || row.importedEstimatedBy
      ? {
          imported: {
            createdBy: row.importedCreatedBy,
            assignee: row.importedAssignee,
            estimatedBy: row.importedEstimatedBy,
          },
        }
      : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: iso(row.completedAt),
    version: row.version,
  };
}
