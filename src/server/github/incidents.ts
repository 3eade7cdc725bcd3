/**
 * Incidents from a connected repository: an issue labelled `incident` is an incident in
 * production, opened when the issue was created and resolved when it was closed (rule:
 * domain/github incidentOfIssue). GitHub is the record for these: every sync or webhook of the
 * issue sets the incident to what the issue says now, and an issue that lost the label, or was
 * closed as not planned, no longer stands for one. They feed the DORA measures (change failure
 * rate, time to restore) beside the incidents sent to the ingest API, under their own keys.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { incidents } from '../../db/schema';
import { incidentOfIssue } from '../../domain/github';

/** The fields of an issue (listing or webhook shape) that say whether it is an incident. */
interface IncidentIssue {
  number: number;
  state: string;
  state_reason?: string | null;
  labels?: (string | { name?: string | null })[];
  created_at: string;
  closed_at?: string | null;
}

/** The incident key of an issue: apart from the keys the ingest API's senders choose. */
export const incidentKeyOf = (issueNumber: number) => `github-issue-${issueNumber}`;

/**
 * Sets the incidents of these issues (the latest state of each) inside the caller's transaction.
 * @returns how many incidents were written or removed
 */
export async function applyIncidents(
  tx: Database,
  workspaceId: string,
  issues: readonly IncidentIssue[],
): Promise<number> {
  const stale: string[] = [];
  let written = 0;
  for (const issue of issues) {
    const key = incidentKeyOf(issue.number);
    const incident = incidentOfIssue({
      labels: (issue.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
      state: issue.state === 'closed' ? 'closed' : 'open',
      stateReason: issue.state_reason ?? null,
      createdAt: issue.created_at,
      closedAt: issue.closed_at ?? null,
    });
    if (!incident) {
      stale.push(key);
      continue;
    }
    const times = {
      openedAt: new Date(incident.openedAt),
      resolvedAt: incident.resolvedAt === null ? null : new Date(incident.resolvedAt),
    };
    await tx
      .insert(incidents)
      .values({ workspaceId, key, ...times })
      .onConflictDoUpdate({ target: [incidents.workspaceId, incidents.key], set: times });
    written += 1;
  }
  if (stale.length === 0) return written;
  const removed = await tx
    .delete(incidents)
    .where(and(eq(incidents.workspaceId, workspaceId), inArray(incidents.key, stale)))
    .returning({ id: incidents.id });
  return written + removed.length;
}
