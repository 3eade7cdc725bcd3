/**
 * Importing Headway JSON as a new workspace, all or nothing: every problem of the file is
 * reported before anything is written. A small file is written in one transaction; a large one
 * in short transactions while the new workspace is invisible (see import-jobs.ts), then made
 * visible in one last step, and deleted if any step fails.
 */
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { eq, inArray } from 'drizzle-orm';
import type { HeadwayExport } from '../../contract';
import type { Database } from '../../db/client';
import { users, workspaces } from '../../db/schema';
import { AppError } from '../errors';
import { checkTShirtScale } from './estimation-scale';
import { IMPORT_CHUNK_ROWS } from './transfer-batches';
import { findImportProblems } from './transfer-checks';
import { type CheckedDocuments, checkDocuments } from './transfer-documents';
import { importedPerson } from './transfer-people';
import { type ImportPlan, planImport } from './transfer-plan';
import { findWorkspaceTableProblems } from './transfer-workspace-checks';

export type ImportResult = ImportPlan['result'];

/**
 * Checks a whole file: references, the decision-rights matrix, the t-shirt scale and every JSON
 * document. Throws a 400 listing every problem (by path) when there is any.
 * @returns the checked documents to store
 */
export function checkImport(doc: HeadwayExport): CheckedDocuments {
  const checked = checkDocuments(doc);
  const problems = [...findImportProblems(doc), ...findWorkspaceTableProblems(doc), ...checked.problems];
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported. ${problems.slice(0, 20).join('; ')}`,
      { details: { problems } },
    );
  }
  if (doc.workspace.tshirtScale) checkTShirtScale(doc.workspace.tshirtScale);
  return checked;
}

/** The importer's e-mail, so their own line among the file's members makes them founder. */
async function emailOf(db: Database, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

/**
 * Plans an import from outside (the API, the CLI): the importer becomes founder, the other
 * members named by the file get invitations bound to their e-mail, and everything the file says
 * people did stays imported attribution. No account is created or joined.
 * @param importerId the account importing, or null (CLI without --as)
 */
export async function planUntrustedImport(
  db: Database,
  importerId: string | null,
  doc: HeadwayExport,
): Promise<ImportPlan> {
  const checked = checkImport(doc);
  return planImport(doc, checked, {
    importerId,
    importerEmail: await emailOf(db, importerId),
    person: importedPerson,
    members: 'invite',
  });
}

/**
 * Imports Headway JSON as a new workspace in one transaction.
 * @param importerId the account importing: founder of the new workspace (null: no member yet)
 * @returns the workspace and the invitation links for the members the file named (shown once)
 */
export async function importWorkspace(
  db: Database,
  importerId: string | null,
  doc: HeadwayExport,
): Promise<ImportResult> {
  const plan = await planUntrustedImport(db, importerId, doc);
  await db.transaction(async (tx) => {
    await plan.writeWorkspace(tx, false);
    for (const batch of plan.batches) await batch.write(tx);
    await plan.writePeople(tx);
  });
  return plan.result;
}

/**
 * Imports a file this server wrote itself (the demo): the people it names become accounts
 * (created without a password when new) and members, and their history is theirs. Never for a
 * file that came from outside.
 * @returns the new workspace
 */
export async function importTrustedWorkspace(db: Database, doc: HeadwayExport): Promise<ImportResult> {
  const checked = checkImport(doc);
  const names = new Map<string, string>();
  for (const m of doc.members) names.set(m.email.toLowerCase(), m.name);
  return db.transaction(async (tx) => {
    const emails = [...names.keys()];
    const ids = new Map<string, string>();
    const known = emails.length
      ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))
      : [];
    for (const u of known) ids.set(u.email, u.id);
    const missing = emails.filter((e) => !ids.has(e));
    if (missing.length) {
      const created = await tx
        .insert(users)
        .values(missing.map((e) => ({ email: e, name: names.get(e) ?? e })))
        .returning({ id: users.id, email: users.email });
      for (const u of created) ids.set(u.email, u.id);
    }
    const plan = planImport(doc, checked, {
      importerId: null,
      importerEmail: null,
      members: 'trusted',
      // Only the demo's own members are accounts; anyone else it mentions stays imported.
      person: (email) => {
        const id = email ? ids.get(email.toLowerCase()) : undefined;
        return id ? { id, imported: null } : importedPerson(email);
      },
    });
    await plan.writeWorkspace(tx, false);
    for (const batch of plan.batches) await batch.write(tx);
    await plan.writePeople(tx);
    return plan.result;
  });
}

/**
 * Writes a planned import in short transactions, yielding to other work between them, while the
 * workspace is marked importing and has no members (so nobody can see it). The last transaction
 * adds its members and invitations and clears the mark; on any failure the workspace is deleted.
 * @param onProgress called after each chunk with the rows written so far
 * @param onFinish runs in the last transaction (a job marks itself done with the import)
 */
export async function writeImportInChunks(
  db: Database,
  plan: ImportPlan,
  onProgress: (done: number) => Promise<void>,
  onFinish: (tx: Database) => Promise<void>,
): Promise<void> {
  await db.transaction((tx) => plan.writeWorkspace(tx, true));
  try {
    await onProgress(0);
    let done = 0;
    let reported = 0;
    for (const batch of plan.batches) {
      await db.transaction((tx) => batch.write(tx));
      done += batch.rows;
      // Between chunks the single embedded connection is free for other requests.
      await yieldToOthers();
      if (done - reported >= IMPORT_CHUNK_ROWS * 10) {
        reported = done;
        await onProgress(done);
      }
    }
    await db.transaction(async (tx) => {
      await plan.writePeople(tx);
      await tx.update(workspaces).set({ importStatus: null }).where(eq(workspaces.id, plan.workspaceId));
      await onFinish(tx as unknown as Database);
    });
  } catch (error) {
    await db.delete(workspaces).where(eq(workspaces.id, plan.workspaceId));
    throw error;
  }
}
