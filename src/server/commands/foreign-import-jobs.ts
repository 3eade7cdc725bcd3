/**
 * Large Jira, Linear, GitHub and CSV imports as background jobs (see import-jobs.ts). Reading a
 * large file and writing it takes seconds, so the request checks what costs nothing, answers
 * 202 with the job, and the job does the rest. The job fails with the message the synchronous
 * route would have given as its 400 (a row's problem, a refused decision), and writes nothing.
 */
import type { Logger } from 'pino';
import type { ImportJob } from '../../contract';
import type { Database } from '../../db/client';
import type { Actor } from '../policies/access';
import { buildForeignWorkspace, checkForeignFileCheaply, type ForeignImportInput } from './foreign-import';
import { startImportJob, writePlanAsJob } from './import-jobs';
import { type MergeImportInput, mergeForeignImport, requireImportRights } from './merge-import';
import { planUntrustedImport } from './transfer-import';

/** How a job is queued on this server. */
export interface ImportJobOptions {
  /** The file's size in bytes. */
  bytes: number;
  /** Refuse (409) while another import runs (the embedded database). */
  oneAtATime: boolean;
}

/**
 * Imports a foreign file as a new workspace in the background: the job reads the file, builds
 * its Headway JSON and writes it like a large Headway JSON import, in chunks while invisible.
 * Once done, the job's result is what `POST /api/workspaces/import/foreign` answers.
 * @param importerId the account importing: founder of the new workspace
 * @throws AppError validation_failed (400, no job) for a file that is plainly not a foreign export
 */
export async function startForeignImportJob(
  db: Database,
  logger: Logger,
  importerId: string,
  input: ForeignImportInput,
  options: ImportJobOptions,
): Promise<ImportJob> {
  checkForeignFileCheaply(input);
  return startImportJob(
    db,
    logger,
    { userId: importerId, kind: 'foreign', bytes: options.bytes, total: 0, oneAtATime: options.oneAtATime },
    async (run) => {
      const { summary, document } = await buildForeignWorkspace(db, importerId, { ...input, dryRun: false });
      if (!document) throw new Error('a foreign import job is never a dry run');
      const plan = await planUntrustedImport(db, importerId, document);
      await run.progress(0, { total: plan.rows });
      // The links are secrets: the stored result leaves them out; the poll adds them back.
      const workspace = { ...plan.result, invitations: [] };
      return writePlanAsJob(db, plan, run, { summary, workspace });
    },
  );
}

/**
 * Imports a foreign file into a workspace in the background: the same one transaction as the
 * synchronous route, which also marks the job done, so the import is written once or not at all.
 * The caller's decisions are checked now (a 403 at once) and again when the job runs.
 * @param actor the caller, a member of the workspace
 */
export async function startMergeImportJob(
  db: Database,
  logger: Logger,
  actor: Actor,
  input: MergeImportInput,
  options: ImportJobOptions,
): Promise<ImportJob> {
  await requireImportRights(db, actor);
  checkForeignFileCheaply(input);
  return startImportJob(
    db,
    logger,
    { userId: actor.userId, kind: 'merge', bytes: options.bytes, total: 0, oneAtATime: options.oneAtATime },
    async (run) => {
      await db.transaction(async (tx) => {
        const result = await mergeForeignImport(
          { db: tx as unknown as Database, actor },
          {
            ...input,
            dryRun: false,
          },
        );
        const rows = result.created.length + result.updated.length + result.dependencies.added;
        await run.finish(tx as unknown as Database, { workspaceId: actor.workspaceId, rows, result });
      });
      return {};
    },
  );
}
