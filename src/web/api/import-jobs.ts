/**
 * A large import answers 202 with a job that runs in the background: the web app polls it until
 * it is done and then shows its result as if the import had answered at once, or its failure as
 * the 400 the import would have given.
 */
import type { ImportJob } from '../../contract';
import { ApiError, requestApi } from './client';

const POLL_MS = 1000;

function isImportJob(answer: unknown): answer is ImportJob {
  return typeof answer === 'object' && answer !== null && 'kind' in answer && 'progress' in answer;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * The answer of an import: itself when it ran at once, else its job's result once done.
 * @throws ApiError validation_failed with the import's own message when the job failed
 */
export async function settleImport<T>(answer: T | ImportJob, signal?: AbortSignal): Promise<T> {
  if (!isImportJob(answer)) return answer;
  let job = answer;
  while (job.status === 'queued' || job.status === 'running') {
    await pause(POLL_MS, signal);
    job = await requestApi<ImportJob>(`/imports/${job.id}`, signal ? { signal } : {});
  }
  if (job.status === 'failed' || job.result === null) {
    throw new ApiError({
      status: 400,
      code: 'validation_failed',
      message: job.error?.message ?? 'The import failed; nothing was imported',
      details: job.error?.problems ? { problems: job.error.problems } : undefined,
    });
  }
  return job.result as T;
}
