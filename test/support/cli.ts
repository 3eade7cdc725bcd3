/**
 * The CLI run as a user runs it: a separate Node process on a throwaway embedded data directory,
 * and `headway serve` started in the background, waited on and stopped. `runHeadwayHere` runs a
 * command line in the test's own process instead, for tests of what a command prints: starting
 * Node and loading the CLI again for each call costs seconds on a busy machine.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runHeadway as runCommandLine } from '../../src/cli/run';

const run = promisify(execFile);

/** The root of the checkout: where the README's relative paths (examples/…) start. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The `headway` executable, as `npx headway` runs it. */
export const BIN = join(ROOT, 'bin', 'headway.js');

/** What a finished process said and how it ended. */
export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment a CLI process gets: the test's own, but never a developer's database, data
 * directory or password, so every command uses the data directory it is given.
 */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', HEADWAY_PASSWORD: '', ...extra };
  if (extra.HEADWAY_DATA_DIR === undefined) delete env.HEADWAY_DATA_DIR;
  return env;
}

/** Runs a program to its end; never throws, so a failure can be asserted on. */
export async function runProcess(
  file: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessResult> {
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? cliEnv(),
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? `${error}`,
    };
  }
}

/** Runs `headway ARGS --data-dir DIR` on an embedded data directory. */
export function runHeadway(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ProcessResult> {
  return runProcess(process.execPath, [BIN, ...args, '--data-dir', dataDir], { env: cliEnv(env) });
}

/**
 * Runs `headway ARGS --data-dir DIR` in this process, as `runHeadway` runs it in a new one: the
 * same environment (never a developer's database or password), no terminal to prompt on, and
 * what it printed and its exit code collected; process.env and the exit code are restored after.
 * One command at a time: it takes over this process's standard output while it runs.
 */
export async function runHeadwayHere(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ProcessResult> {
  const savedEnv = { ...process.env };
  const savedExitCode = process.exitCode;
  const stdin = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const printed = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  replaceEnv(cliEnv(env));
  process.exitCode = undefined;
  Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const code = await runCommandLine([process.execPath, BIN, ...args, '--data-dir', dataDir]);
    return { code: code !== 0 ? code : Number(process.exitCode ?? 0), ...printed };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    if (stdin) Object.defineProperty(process.stdin, 'isTTY', stdin);
    else delete (process.stdin as { isTTY?: boolean }).isTTY;
    process.exitCode = savedExitCode;
    replaceEnv(savedEnv);
  }
}

function replaceEnv(next: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in next)) delete process.env[key];
  for (const [key, value] of Object.entries(next)) if (value !== undefined) process.env[key] = value;
}

/** A new, empty directory under the system's temporary directory. */
export function makeTempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `headway-${name}-`));
}

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A server running in the background. */
export interface RunningServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Stops the server and everything it started, and waits until they are gone. */
  stop: () => Promise<void>;
  /** The server's process id. */
  pid: number;
  /** Settles with the exit code when the process ends (null when a signal ended it). */
  exit: Promise<number | null>;
  /** What it has printed so far. */
  output: () => string;
}

/**
 * Starts a long-running command (`headway serve …`) in its own process group and waits until it
 * answers 200 on /api/health at 127.0.0.1:port.
 * @throws when it exits first or does not answer within the time limit, with what it printed.
 */
export async function startServer(options: {
  command: string;
  args: string[];
  port: number;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const child = spawn(options.command, options.args, {
    cwd: ROOT,
    env: options.env ?? cliEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exited = code;
      resolve(code);
    });
  });
  const group = child.pid ?? 0;
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (isAlive(group)) process.kill(-group, 'SIGTERM');
    await waitUntil(() => !isAlive(group), 30_000);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exited !== undefined)
      throw new Error(`the server exited with ${exited} before answering:\n${output}`);
    const health = await fetch(`${url}/api/health`).catch(() => undefined);
    if (health?.status === 200) return { url, stop, pid: group, exit, output: () => output };
    await sleep(250);
  }
  await stop();
  throw new Error(`the server did not answer on ${url}/api/health:\n${output}`);
}

/** Whether any process of the group led by this process id is still running. */
function isAlive(group: number): boolean {
  if (group === 0) return false;
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`still running after ${timeoutMs} ms`);
    await sleep(100);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
