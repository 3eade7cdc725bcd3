/**
 * The decision log and the slips of Headway JSON, imported together: amendments and slips refer
 * to log entries by their index in the file, because ids differ between servers.
 */
import { eq } from 'drizzle-orm';
import type { HeadwayExport } from '../../contract';
import type { Database } from '../../db/client';
import { decisionLog, targetDateSlips } from '../../db/schema';

const CHUNK = 500;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * Writes a file's decisions and slips into a new workspace inside the import's transaction.
 * @param tx the import's transaction
 * @param workspaceId the new workspace
 * @param doc the checked file
 * @param refs item number → id, email → user id, and portable references → ids in JSON
 */
export async function importDecisions(
  tx: Database,
  workspaceId: string,
  doc: Pick<HeadwayExport, 'decisions' | 'slips'>,
  refs: {
    itemId: (n: number | null) => string | null;
    userId: (email: string | null) => string | null;
    local: <T>(value: T) => T;
  },
): Promise<void> {
  // Inserted in file order: a bigserial numbers the rows of one insert in order, so sorting the
  // returned ids gives the id of each entry by its index in the file.
  const logIds: number[] = [];
  for (const part of chunks(doc.decisions)) {
    const inserted = await tx
      .insert(decisionLog)
      .values(
        part.map((d) => ({
          workspaceId,
          decision: d.decision,
          itemId: refs.itemId(d.item),
          actorId: refs.userId(d.actor),
          summary: d.summary,
          rationale: d.rationale,
          details: refs.local(d.details),
          createdAt: new Date(d.at),
          version: d.version ?? 1,
        })),
      )
      .returning({ id: decisionLog.id });
    logIds.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
  }
  const logId = (index: number | null | undefined) => (index == null ? null : (logIds[index] ?? null));
  for (const [i, d] of doc.decisions.entries()) {
    const amends = logId(d.amends);
    const self = logIds[i];
    if (amends !== null && self !== undefined) {
      await tx.update(decisionLog).set({ amendsId: amends }).where(eq(decisionLog.id, self));
    }
  }
  for (const part of chunks(doc.slips)) {
    await tx.insert(targetDateSlips).values(
      part.map((sl) => ({
        workspaceId,
        itemId: refs.itemId(sl.item) as string,
        fromDate: sl.from,
        toDate: sl.to,
        reason: sl.reason,
        movedBy: refs.userId(sl.by),
        movedAt: new Date(sl.at),
        decisionId: logId(sl.decision),
      })),
    );
  }
}
