import type { Database } from '../../db/client';
import { decisionLog } from '../../db/schema';
import type { Decision } from '../../domain/decision-rights';

export interface DecisionRecord {
  workspaceId: string;
  decision: Decision;
  itemId?: string | null;
  actorId: string | null;
  summary: string;
  rationale?: string | null | undefined;
  details?: Record<string, unknown>;
  createdAt?: Date;
}

/** Appends to the decision log inside the caller's transaction: who decided what, when and why. */
export async function recordDecision(db: Database, record: DecisionRecord): Promise<void> {
  await db.insert(decisionLog).values({
    workspaceId: record.workspaceId,
    decision: record.decision,
    itemId: record.itemId ?? null,
    actorId: record.actorId,
    summary: record.summary,
    rationale: record.rationale ?? null,
    details: record.details ?? {},
    ...(record.createdAt ? { createdAt: record.createdAt } : {}),
  });
}
