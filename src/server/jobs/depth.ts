/**
 * How many jobs wait, run and failed in each queue, read from pg-boss's tables for the operator's
 * metrics. The figures are the database's, so every server sharing it reports the same ones.
 */
import type { ExecuteSql } from '../../db/client';
import { JOB_SCHEMA } from './queue';

/** One queue's jobs by state: waiting for a worker (first tries and retries), running, failed. */
export interface QueueDepth {
  queue: string;
  queued: number;
  active: number;
  failed: number;
}

/**
 * Every queue pg-boss knows (an empty one included), with its jobs counted by state. Completed and
 * cancelled jobs are not counted: they wait for pg-boss to archive them and ask nothing of anyone.
 * @param executeSql the database the queue runs on
 */
export async function findQueueDepths(executeSql: ExecuteSql): Promise<QueueDepth[]> {
  const { rows } = await executeSql(
    `select q.name as queue,
            count(j.id) filter (where j.state in ('created', 'retry'))::int as queued,
            count(j.id) filter (where j.state = 'active')::int as active,
            count(j.id) filter (where j.state = 'failed')::int as failed
       from ${JOB_SCHEMA}.queue q
       left join ${JOB_SCHEMA}.job j on j.name = q.name
      group by q.name
      order by q.name`,
    [],
  );
  return rows as QueueDepth[];
}
