/**
 * The CLI run inside the test's own process: the same `runHeadway` the executable calls, with
 * what it prints collected, so a test pays for no Node start and no transpiling.
 */
import { vi } from 'vitest';
import { runHeadway } from '../../src/cli/run';
import type { ProcessResult } from './cli';

/**
 * Runs one command line against an embedded data directory.
 * @param dataDir the data directory every command of the test shares
 * @param args the command line after `headway`
 * @returns the exit code and what was printed
 */
export async function runInProcess(dataDir: string, ...args: string[]): Promise<ProcessResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const exitCode = process.exitCode;
  try {
    const code = await runHeadway(['node', 'headway', ...args, '--data-dir', dataDir]);
    return { code: code || (process.exitCode === 1 ? 1 : 0), stdout, stderr };
  } finally {
    process.exitCode = exitCode;
    out.mockRestore();
    err.mockRestore();
  }
}
