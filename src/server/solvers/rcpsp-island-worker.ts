/**
 * Worker-thread entry of one search island: solves each instance it is sent with its own seed
 * and budget and posts the result back. A wall-clock cap arrives as a deadline, so the time the
 * message spent in flight counts against it. Loaded through tsx like the CLI itself.
 */
import { parentPort } from 'node:worker_threads';
import { type RcpspInstance, type SolveRcpspOptions, solveRcpsp } from '../../domain/scheduling/index';

parentPort?.on(
  'message',
  (task: { instance: RcpspInstance; options: SolveRcpspOptions; deadline: number | null }) => {
    const { timeLimitMs: _cap, ...options } = task.options;
    const timeLimitMs = task.deadline === null ? undefined : Math.max(0, task.deadline - Date.now());
    parentPort!.postMessage(
      solveRcpsp(task.instance, timeLimitMs === undefined ? options : { ...options, timeLimitMs }),
    );
  },
);
