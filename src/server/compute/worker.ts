/**
 * Entry of a compute thread: runs each task it is sent (tasks.ts) and posts the answer back, one
 * at a time. Built as dist/cli/compute-worker.js; run from source through tsx (see pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import { type ComputeReply, type ComputeRequest, runComputeRequest } from './tasks';

parentPort?.on('message', (request: ComputeRequest) => {
  let reply: ComputeReply;
  try {
    reply = { id: request.id, ok: true, output: runComputeRequest(request) };
  } catch (error) {
    const thrown = error instanceof Error ? error : new Error(String(error));
    reply = { id: request.id, ok: false, message: thrown.message, stack: thrown.stack };
  }
  parentPort!.postMessage(reply);
});
