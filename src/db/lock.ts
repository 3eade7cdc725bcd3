import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds an embedded data directory. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
  /** Where the holder serves the API on this machine, once `headway serve` listens. */
  url?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Headway process (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}: ${holder.command}${holder.url ? `, serving ${holder.url}` : ''}). Stop that process, or pass another --data-dir. The embedded database allows one process at a time; to run several, use a PostgreSQL server with DATABASE_URL.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock on an embedded (PGlite) data directory: PGlite itself has no
 * inter-process lock, so two processes could otherwise write the same files. A lock left by a
 * process that died (kill -9, power loss) on this host is taken over.
 * @returns a function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'headway.lock');
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => {
        try {
          const current = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
          if (current.pid === me.pid && current.host === me.host) rmSync(path, { force: true });
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: LockHolder | undefined;
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
      } catch {
        holder = undefined; // Half-written by a process that died while writing it.
      }
      // Held by a live process on this host (this very process included: one PGlite per directory).
      if (holder && holder.host === me.host && isAlive(holder.pid))
        throw new DataDirLockedError(dataDir, holder);
      if (holder && holder.host !== me.host) throw new DataDirLockedError(dataDir, holder);
      rmSync(path, { force: true }); // Stale: its process is gone.
    }
  }
  throw new Error(`could not lock ${dataDir}: the lock file keeps reappearing`);
}

/**
 * Adds the URL this process serves to its lock on a data directory, so a CLI command that finds
 * the directory locked can talk to the running server instead. Does nothing unless this process
 * holds the lock.
 */
export function recordServerUrl(dataDir: string, url: string): void {
  const path = join(dataDir, 'headway.lock');
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    if (holder.pid !== process.pid || holder.host !== hostname()) return;
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ ...holder, url }));
    renameSync(temporary, path);
  } catch {
    // No lock of ours to annotate (in memory, or already released).
  }
}
