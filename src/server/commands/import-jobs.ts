/**
 * Large imports as background jobs. Writing a 20 MB file in one transaction holds the embedded
 * database's only connection for seconds, so every other request waits. A job writes the new
 * workspace in short transactions instead (see writeImportInChunks), while it is invisible, and
 * reports its progress; on the embedded database only one runs at a time.
 */
import { and, eq, inArray, isNotNull, lt, notInArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { HeadwayExport, ImportJob } from '../../contract';
import type { Database } from '../../db/client';
import { importJobs, workspaces } from '../../db/schema';
import { AppError, notFound } from '../errors';
import { isUuid } from '../policies/access';
import { type ImportResult, planUntrustedImport, writeImportInChunks } from './transfer-import';

type JobRow = typeof importJobs.$inferSelect;

/** Jobs running in this process, per database, and the invitation links of finished ones. */
const running = new WeakMap<Database, Set<string>>();
// Invitation links are secrets shown once: kept in memory for the importer, never in the database.
const results = new Map<string, { result: ImportResult; until: number }>();
const RESULT_MS = 60 * 60_000;
/** A job that has not advanced for this long belongs to a server that stopped. */
const STALE_MS = 15 * 60_000;

function present(row: JobRow): ImportJob {
  const kept = results.get(row.id);
  return {
    id: row.id,
    status: row.status,
    bytes: row.bytes,
    done: row.done,
    total: row.total,
    progress: row.total === 0 ? (row.status === 'done' ? 1 : 0) : Math.min(1, row.done / row.total),
    workspaceId: row.status === 'done' ? row.workspaceId : null,
    invitations: kept && kept.until > Date.now() ? kept.result.invitations : [],
    error: row.error ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

/**
 * Checks a file and starts importing it in the background. The file is checked before the job
 * exists, so a bad file is a 400 at once and nothing is written.
 * @param options.oneAtATime refuse (409) while another import runs on this database (embedded)
 * @returns the queued job; poll getImportJob for its progress
 */
export async function startImportJob(
  db: Database,
  logger: Logger,
  userId: string,
  doc: HeadwayExport,
  options: { bytes: number; oneAtATime: boolean },
): Promise<ImportJob> {
  const active = running.get(db) ?? new Set<string>();
  running.set(db, active);
  if (options.oneAtATime && active.size > 0) {
    throw new AppError(
      'conflict',
      'Another import is running on this server (embedded database, one at a time): try again when it has finished',
      { details: { retryAfterSeconds: 10 } },
    );
  }
  const plan = await planUntrustedImport(db, userId, doc);
  const [row] = await db
    .insert(importJobs)
    .values({ userId, bytes: options.bytes, total: plan.rows, status: 'queued' })
    .returning();
  if (!row) throw new Error('insert returned no row');
  active.add(row.id);
  // Each report also says which workspace the job is writing, so a clean-up can tell its own.
  const progress = (done: number) =>
    db
      .update(importJobs)
      .set({ done, workspaceId: plan.workspaceId, updatedAt: new Date() })
      .where(eq(importJobs.id, row.id))
      .then(() => undefined);
  const run = async () => {
    try {
      await db
        .update(importJobs)
        .set({ status: 'running', updatedAt: new Date() })
        .where(eq(importJobs.id, row.id));
      await writeImportInChunks(db, plan, progress);
      results.set(row.id, { result: plan.result, until: Date.now() + RESULT_MS });
      await db
        .update(importJobs)
        .set({ status: 'done', workspaceId: plan.workspaceId, finishedAt: new Date(), updatedAt: new Date() })
        .where(eq(importJobs.id, row.id));
    } catch (error) {
      logger.error({ err: error, jobId: row.id }, 'import job failed');
      const message =
        error instanceof AppError ? error.message : 'The import failed on the server; nothing was imported';
      await db
        .update(importJobs)
        .set({ status: 'failed', error: { message }, finishedAt: new Date(), updatedAt: new Date() })
        .where(eq(importJobs.id, row.id))
        .catch((e: unknown) => logger.error({ err: e }, 'could not record the failed import'));
    } finally {
      active.delete(row.id);
      for (const [id, kept] of results) if (kept.until < Date.now()) results.delete(id);
    }
  };
  // Started after the answer is built: the request does not wait for the import.
  setImmediate(() => void run());
  return present(row);
}

/**
 * One import job of the caller (another person's job answers 404, as if it did not exist).
 * @returns the job with its progress, and the new workspace and invitation links once done
 */
export async function getImportJob(db: Database, userId: string, jobId: string): Promise<ImportJob> {
  if (!isUuid(jobId)) throw notFound('Import');
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.userId, userId)));
  if (!row) throw notFound('Import');
  return present(row);
}

/**
 * Cleans up after a stop in the middle of an import: jobs nobody has advanced for a while are
 * marked failed and the workspaces they were writing (still marked importing, never visible)
 * are deleted. Called at start-up; jobs of other servers sharing the database that are still
 * advancing are left alone.
 * @returns how many unfinished imports were cleaned up
 */
export async function abandonUnfinishedImports(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_MS);
  const stale = await db
    .update(importJobs)
    .set({
      status: 'failed',
      error: { message: 'The server stopped during the import; nothing was imported: send the file again' },
      finishedAt: now,
      updatedAt: now,
    })
    .where(and(inArray(importJobs.status, ['queued', 'running']), lt(importJobs.updatedAt, cutoff)))
    .returning({ id: importJobs.id });
  const live = db
    .select({ id: importJobs.workspaceId })
    .from(importJobs)
    .where(and(inArray(importJobs.status, ['queued', 'running']), isNotNull(importJobs.workspaceId)));
  await db
    .delete(workspaces)
    .where(
      and(
        eq(workspaces.importStatus, 'importing'),
        lt(workspaces.createdAt, cutoff),
        notInArray(workspaces.id, live),
      ),
    );
  return stale.length;
}
