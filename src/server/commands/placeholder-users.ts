/**
 * Password-less accounts that older imports created for the people a file named. Nobody ever
 * proved they own those addresses, so such an account must not stop the real owner from signing
 * up, and the owner must not inherit what a file said about them. Retiring one turns it into what
 * an import records today: imported attribution by e-mail and invitations nobody can use.
 */
import { and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import {
  assessments,
  comments,
  decisionLog,
  forecasts,
  invitations,
  itemStateChanges,
  items,
  memberships,
  roadmapSnapshots,
  scoringFormulas,
  users,
} from '../../db/schema';
import { createSecret, hashSecret } from '../auth/secrets';

/** Each account reference that has an imported twin: [table, account column, imported column key]. */
const ATTRIBUTIONS: [PgTable, AnyPgColumn, string, string][] = [
  [items, items.estimatedBy, 'estimatedBy', 'importedEstimatedBy'],
  [items, items.assigneeId, 'assigneeId', 'importedAssignee'],
  [items, items.createdBy, 'createdBy', 'importedCreatedBy'],
  [itemStateChanges, itemStateChanges.changedBy, 'changedBy', 'importedChangedBy'],
  [decisionLog, decisionLog.actorId, 'actorId', 'importedActor'],
  [comments, comments.authorId, 'authorId', 'importedAuthor'],
  [scoringFormulas, scoringFormulas.createdBy, 'createdBy', 'importedCreatedBy'],
  [assessments, assessments.createdBy, 'createdBy', 'importedCreatedBy'],
  [roadmapSnapshots, roadmapSnapshots.publishedBy, 'publishedBy', 'importedPublishedBy'],
  [forecasts, forecasts.madeBy, 'madeBy', 'importedMadeBy'],
];

/**
 * Retires a password-less account inside the caller's transaction: its history becomes imported
 * attribution under its e-mail, its memberships become expired invitations (so exports still
 * list the team, and nobody can use them), and the account is deleted.
 * @returns false when the account has a password (it is a real account and stays)
 */
export async function retirePlaceholderUser(tx: Database, userId: string): Promise<boolean> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user || user.passwordHash) return false;
  for (const [table, column, key, importedKey] of ATTRIBUTIONS) {
    await tx
      .update(table)
      .set({ [key]: null, [importedKey]: user.email } as never)
      .where(eq(column, userId));
  }
  const joined = await tx.select().from(memberships).where(eq(memberships.userId, userId));
  const now = new Date();
  for (const m of joined) {
    await tx.insert(invitations).values({
      workspaceId: m.workspaceId,
      tokenHash: hashSecret(createSecret('hwi')),
      email: user.email,
      role: m.role,
      fte: m.fte,
      skills: m.skills,
      expiresAt: now,
      importedName: user.name,
      importedJoinedAt: m.joinedAt,
    });
  }
  await tx.delete(users).where(eq(users.id, userId));
  return true;
}

/**
 * When someone accepts an invitation an import created for their address, the items the file
 * assigned to that address become assigned to them: an assignment is a plan for their time,
 * not something they did, so it may follow them. Authorship stays imported attribution.
 * @param tx the transaction of the acceptance
 */
export async function claimImportedAssignments(
  tx: Database,
  input: { workspaceId: string; userId: string; email: string | null; imported: boolean },
): Promise<void> {
  if (!input.imported || !input.email) return;
  await tx
    .update(items)
    .set({ assigneeId: input.userId, importedAssignee: null })
    .where(and(eq(items.workspaceId, input.workspaceId), eq(items.importedAssignee, input.email)));
}
