/**
 * Large imports as background jobs. Writing a 20 MB file in one transaction holds the embedded
 * database's only connection for seconds, so every other request waits. A job writes a new
 * workspace in short transactions instead (see writeImportInChunks), while it is invisible, and
 * reports its progress; on the embedded database only one runs at a time. Each job runs once by
 * its id: it is claimed before it writes, and marked done in the transaction that commits it.
 */
import { and, eq, inArray, isNotNull, lt, notInArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { HeadwayExport, ImportInvitation, ImportJob, ImportJobKind } from '../../contract';
import type { Database } from '../../db/client';
import { importJobs, workspaces } from '../../db/schema';
import { AppError, notFound } from '../errors';
import { isUuid } from '../policies/access';
import { planUntrustedImport, writeImportInChunks } from './transfer-import';
import type { ImportPlan } from './transfer-plan';

type JobRow = typeof importJobs.$inferSelect;

/** Jobs running in this process, per database, and the invitation links of finished ones. */
const running = new WeakMap<Database, Set<string>>();
// Invitation links are secrets shown once: kept in memory for the importer, never in the database.
const invitationsOf = new Map<string, { invitations: ImportInvitation[]; until: number }>();
const RESULT_MS = 60 * 60_000;
/** A job that has not advanced for this long belongs to a server that stopped. */
const STALE_MS = 15 * 60_000;

/** The stored result of a foreign import, with the invitation links this server still keeps. */
function resultOf(row: JobRow, invitations: ImportInvitation[]): ImportJob['result'] {
  if (row.status !== 'done' || row.result === null || row.kind === 'headway') return null;
  const result = row.result as NonNullable<ImportJob['result']>;
  if (!('workspace' in result) || result.workspace === null) return result;
  return { ...result, workspace: { ...result.workspace, invitations } };
}

/** What a finished Headway JSON import kept otherwise than its file said (stored as its result). */
function warningsOf(row: JobRow): string[] {
  if (row.status !== 'done' || row.kind !== 'headway') return [];
  return (row.result as { warnings?: string[] } | null)?.warnings ?? [];
}

function present(row: JobRow): ImportJob {
  const kept = invitationsOf.get(row.id);
  const invitations = kept && kept.until > Date.now() ? kept.invitations : [];
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    bytes: row.bytes,
    done: row.done,
    total: row.total,
    progress: row.total === 0 ? (row.status === 'done' ? 1 : 0) : Math.min(1, row.done / row.total),
    workspaceId: row.status === 'done' ? row.workspaceId : null,
    invitations,
    result: resultOf(row, invitations),
    warnings: warningsOf(row),
    error: row.error ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

/** What a running job may do besides writing its import. */
export interface ImportJobRun {
  /** Reports the rows written so far (the total once known, the workspace being written). */
  progress: (done: number, also?: { total?: number; workspaceId?: string }) => Promise<void>;
  /**
   * Marks the job done inside the transaction that commits the import, so the import and its
   * `done` commit together or not at all.
   * @throws Error when the job is no longer running (a clean-up failed it): the transaction rolls back
   */
  finish: (tx: Database, done: { workspaceId: string; rows: number; result?: unknown }) => Promise<void>;
}

/** A job's import: writes through `run`, returns the invitation links it created (shown once). */
export type ImportJobWork = (run: ImportJobRun) => Promise<{ invitations?: ImportInvitation[] }>;

/** The failure a poll shows: the 400 the synchronous route gives, or a plain message. */
function failureOf(error: unknown): { message: string; problems?: string[] } {
  if (!(error instanceof AppError))
    return { message: 'The import failed on the server; nothing was imported' };
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  const listed = Array.isArray(problems) && problems.every((p) => typeof p === 'string');
  return { message: error.message, ...(listed ? { problems: problems as string[] } : {}) };
}

/**
 * Runs a queued job once: the job is claimed by its id (queued → running), so a second run of the
 * same id finds nothing to claim and writes nothing; `finish` marks it done in the import's own
 * transaction, and a failure marks it failed with the message the synchronous route gives.
 */
export async function runImportJob(
  db: Database,
  logger: Logger,
  id: string,
  work: ImportJobWork,
): Promise<void> {
  const now = () => new Date();
  const claimed = await db
    .update(importJobs)
    .set({ status: 'running', updatedAt: now() })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'queued')))
    .returning({ id: importJobs.id });
  if (claimed.length === 0) return;
  const run: ImportJobRun = {
    progress: (done, also = {}) =>
      db
        .update(importJobs)
        .set({ done, ...also, updatedAt: now() })
        .where(eq(importJobs.id, id))
        .then(() => undefined),
    finish: async (tx, done) => {
      const marked = await tx
        .update(importJobs)
        .set({
          status: 'done',
          workspaceId: done.workspaceId,
          done: done.rows,
          total: done.rows,
          result: done.result ?? null,
          finishedAt: now(),
          updatedAt: now(),
        })
        .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')))
        .returning({ id: importJobs.id });
      if (marked.length === 0) throw new Error(`import job ${id} is no longer running`);
    },
  };
  try {
    const { invitations = [] } = await work(run);
    invitationsOf.set(id, { invitations, until: Date.now() + RESULT_MS });
  } catch (error) {
    if (!(error instanceof AppError)) logger.error({ err: error, jobId: id }, 'import job failed');
    await db
      .update(importJobs)
      .set({ status: 'failed', error: failureOf(error), finishedAt: now(), updatedAt: now() })
      .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')))
      .catch((e: unknown) => logger.error({ err: e }, 'could not record the failed import'));
  } finally {
    running.get(db)?.delete(id);
    for (const [key, kept] of invitationsOf) if (kept.until < Date.now()) invitationsOf.delete(key);
  }
}

/**
 * Queues an import the caller has already checked (a bad file is a 400 before the job exists)
 * and runs it in the background, after the answer is sent.
 * @param job.oneAtATime refuse (409) while another import runs on this database (embedded)
 * @param job.total the rows to write when known now (0: the job reports it once it has read the file)
 * @returns the queued job; poll getImportJob for its progress
 */
export async function startImportJob(
  db: Database,
  logger: Logger,
  job: { userId: string; kind: ImportJobKind; bytes: number; total: number; oneAtATime: boolean },
  work: ImportJobWork,
): Promise<ImportJob> {
  const active = running.get(db) ?? new Set<string>();
  running.set(db, active);
  if (job.oneAtATime && active.size > 0) {
    throw new AppError(
      'conflict',
      'Another import is running on this server (embedded database, one at a time): try again when it has finished',
      { details: { retryAfterSeconds: 10 } },
    );
  }
  const [row] = await db
    .insert(importJobs)
    .values({ userId: job.userId, kind: job.kind, bytes: job.bytes, total: job.total, status: 'queued' })
    .returning();
  if (!row) throw new Error('insert returned no row');
  active.add(row.id);
  // Started after the answer is built: the request does not wait for the import.
  setImmediate(() => void runImportJob(db, logger, row.id, work));
  return present(row);
}

/**
 * Checks a Headway JSON file and imports it in the background, in short transactions while the
 * new workspace is invisible.
 * @returns the queued job
 */
export async function startHeadwayImportJob(
  db: Database,
  logger: Logger,
  userId: string,
  doc: HeadwayExport,
  options: { bytes: number; oneAtATime: boolean },
): Promise<ImportJob> {
  const plan = await planUntrustedImport(db, userId, doc);
  return startImportJob(
    db,
    logger,
    { userId, kind: 'headway', bytes: options.bytes, total: plan.rows, oneAtATime: options.oneAtATime },
    (run) => writePlanAsJob(db, plan, run),
  );
}

/**
 * Writes a planned new workspace in chunks for a job: the last chunk, which makes the workspace
 * visible, also marks the job done.
 * @param result what the job's poll answers once done (foreign imports)
 */
export async function writePlanAsJob(
  db: Database,
  plan: ImportPlan,
  run: ImportJobRun,
  result?: unknown,
): Promise<{ invitations: ImportInvitation[] }> {
  // Each report also says which workspace the job is writing, so a clean-up can tell its own.
  await writeImportInChunks(
    db,
    plan,
    (done) => run.progress(done, { total: plan.rows, workspaceId: plan.workspaceId }),
    // A Headway JSON import keeps its warnings, known once its rows are written, as its result.
    (tx) =>
      run.finish(tx, {
        workspaceId: plan.workspaceId,
        rows: plan.rows,
        result: result ?? { warnings: plan.result.warnings },
      }),
  );
  return { invitations: plan.result.invitations };
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
