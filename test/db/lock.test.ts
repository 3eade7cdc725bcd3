import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/db/lock';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headway-lock-'));
  dirs.push(dir);
  return join(dir, 'data');
}
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('should refuse a second holder in the same process and release on request', () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(join(dir, 'headway.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('should name the other process that holds the directory', async () => {
    const dir = freshDir();
    const script = `import('${join(import.meta.dirname, '..', '..', 'src', 'db', 'lock.ts')}').then(m => { m.lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    await new Promise<void>((resolve) =>
      child.stdout?.on('data', (d) => String(d).includes('locked') && resolve()),
    );
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).holder.pid).toBe(child.pid);
    expect((error as Error).message).toContain(`pid ${child.pid}`);
  });

  it('should take over a lock left by a process that died', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    const dead = {
      pid: 2 ** 22 + 12345,
      host: hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      command: 'killed',
    };
    writeFileSync(join(dir, 'headway.lock'), JSON.stringify(dead));
    const release = lockDataDir(dir);
    release();
  });
});
