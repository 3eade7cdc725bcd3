/**
 * Password-less accounts that older imports created for the people a file named. Nobody ever
 * proved they own those addresses, so such an account must not stop the real owner from signing
 * up, and the owner must not inherit what a file said about them. Retiring one turns it into what
 * an import records today: imported attribution by e-mail and invitations nobody can use.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import {
  assessments,
  comments,
  cycles,
  decisionLog,
  evidence,
  forecasts,
  healthUpdates,
  invitations,
  itemStateChanges,
  items,
  memberships,
  proposals,
  roadmapSnapshots,
  scoringFormulas,
  users,
} from '../../db/schema';
import { createSecret, hashSecret } from '../auth/secrets';

/**
 * Each account reference that has an imported twin, as the update that moves it there: the
 * account column goes null and the imported column takes the e-mail. Written out per table so
 * the compiler checks every column name.
 */
const ATTRIBUTIONS: ((tx: Database, userId: string, email: string) => Promise<unknown>)[] = [
  (tx, id, email) =>
    tx.update(items).set({ estimatedBy: null, importedEstimatedBy: email }).where(eq(items.estimatedBy, id)),
  (tx, id, email) =>
    tx.update(items).set({ assigneeId: null, importedAssignee: email }).where(eq(items.assigneeId, id)),
  (tx, id, email) =>
    tx.update(items).set({ createdBy: null, importedCreatedBy: email }).where(eq(items.createdBy, id)),
  (tx, id, email) =>
    tx
      .update(itemStateChanges)
      .set({ changedBy: null, importedChangedBy: email })
      .where(eq(itemStateChanges.changedBy, id)),
  (tx, id, email) =>
    tx.update(decisionLog).set({ actorId: null, importedActor: email }).where(eq(decisionLog.actorId, id)),
  (tx, id, email) =>
    tx.update(comments).set({ authorId: null, importedAuthor: email }).where(eq(comments.authorId, id)),
  (tx, id, email) =>
    tx
      .update(scoringFormulas)
      .set({ createdBy: null, importedCreatedBy: email })
      .where(eq(scoringFormulas.createdBy, id)),
  (tx, id, email) =>
    tx
      .update(assessments)
      .set({ createdBy: null, importedCreatedBy: email })
      .where(eq(assessments.createdBy, id)),
  (tx, id, email) =>
    tx
      .update(roadmapSnapshots)
      .set({ publishedBy: null, importedPublishedBy: email })
      .where(eq(roadmapSnapshots.publishedBy, id)),
  (tx, id, email) =>
    tx.update(forecasts).set({ madeBy: null, importedMadeBy: email }).where(eq(forecasts.madeBy, id)),
  (tx, id, email) =>
    tx
      .update(proposals)
      .set({ proposedBy: null, importedProposedBy: email })
      .where(eq(proposals.proposedBy, id)),
  (tx, id, email) =>
    tx
      .update(proposals)
      .set({ decidedBy: null, importedDecidedBy: email })
      .where(eq(proposals.decidedBy, id)),
  (tx, id, email) =>
    tx
      .update(healthUpdates)
      .set({ authorId: null, importedAuthor: email })
      .where(eq(healthUpdates.authorId, id)),
  (tx, id, email) =>
    tx.update(cycles).set({ closedBy: null, importedClosedBy: email }).where(eq(cycles.closedBy, id)),
  (tx, id, email) =>
    tx.update(evidence).set({ createdBy: null, importedCreatedBy: email }).where(eq(evidence.createdBy, id)),
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
  for (const moveToImported of ATTRIBUTIONS) await moveToImported(tx, userId, user.email);
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
