/**
 * The dead-letter view: jobs of a workspace that failed their last retry, with the error of that
 * try and how many tries were made, and sending one back to its queue.
 */
import type { DeadLetter } from '../../contract';
import { notFound } from '../errors';
import { isUuid } from '../policies/access';
import { DEAD_LETTER_QUEUE, JOB_SCHEMA, type JobData, type JobQueue } from './queue';

interface DeadLetterRow {
  id: string;
  data: JobData;
  output: unknown;
  retry_limit: number;
  created_on: Date | string;
}

/** The message a failed try left, as pg-boss keeps it (an error's message, stack and name). */
function errorOf(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output && typeof output.message === 'string') {
    return output.message;
  }
  return output === null || output === undefined ? 'no error was recorded' : JSON.stringify(output);
}

function present(row: DeadLetterRow): DeadLetter {
  const { queue, workspaceId: _workspace, ...rest } = row.data;
  return {
    id: row.id,
    queue,
    subject: typeof rest.subject === 'string' ? rest.subject : null,
    error: errorOf(row.output).slice(0, 2000),
    attempts: row.retry_limit + 1,
    failedAt: new Date(row.created_on).toISOString(),
  };
}

/**
 * The workspace's dead letters, newest first (at most 200).
 * @param queue the running job queue (its database)
 */
export async function findDeadLetters(queue: JobQueue, workspaceId: string): Promise<DeadLetter[]> {
  const { rows } = await queue.executeSql(
    `select id, data, output, retry_limit, created_on from ${JOB_SCHEMA}.job
      where name = $1 and data->>'workspaceId' = $2
      order by created_on desc, id limit 200`,
    [DEAD_LETTER_QUEUE, workspaceId],
  );
  return (rows as DeadLetterRow[]).map(present);
}

/**
 * Sends a dead letter back to the queue it failed in, for a fresh set of tries, and removes it
 * from the view. The new job takes the dead letter's id, so retrying twice sends it once.
 * @throws AppError `not_found` for another workspace's dead letter or one already retried
 */
export async function retryDeadLetter(queue: JobQueue, workspaceId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('Failed job');
  const { rows } = await queue.executeSql(
    `select id, data, output, retry_limit, created_on from ${JOB_SCHEMA}.job
      where name = $1 and id = $2 and data->>'workspaceId' = $3`,
    [DEAD_LETTER_QUEUE, id, workspaceId],
  );
  const [row] = rows as DeadLetterRow[];
  if (!row) throw notFound('Failed job');
  await queue.send(row.data, { id: row.id });
  await queue.executeSql(`delete from ${JOB_SCHEMA}.job where name = $1 and id = $2`, [
    DEAD_LETTER_QUEUE,
    id,
  ]);
}
