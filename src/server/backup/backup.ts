import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { HEADWAY_VERSION } from '../../contract/version';
import type { Database } from '../../db/client';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupTrailer,
  rowLine,
  type TableFigure,
} from './format';
import { currentMigration, readRows, setStableText, TableDigest } from './rows';
import { backupTables } from './tables';

/** What a finished backup holds. */
export interface BackupSummary {
  file: string;
  migration: string;
  /** Rows and checksum by table, in restore order. */
  tables: Record<string, TableFigure>;
  /** SHA-256 of the file's content before its trailer. */
  sha256: string;
}

/** `headway-backup-2026-12-02T215400Z.jsonl.gz`: a name that sorts by time. */
export function defaultBackupName(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `headway-backup-${stamp}.jsonl.gz`;
}

/**
 * Writes every row of every Headway table to `file` from one consistent snapshot (a read-only,
 * repeatable-read transaction: the server may keep serving meanwhile). The file appears under its
 * name only once complete; gzip when the name ends in `.gz`.
 * @param db the database to back up (embedded or a server)
 * @param file where to write the backup
 * @returns the migration, the figures of every table and the file's checksum
 */
export async function backupDatabase(db: Database, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const sink = file.endsWith('.gz') ? createGzip() : out;
  if (sink !== out) sink.pipe(out);
  const checksum = createHash('sha256');
  const write = async (text: string) => {
    checksum.update(text);
    if (!sink.write(text)) await once(sink, 'drain');
  };
  try {
    const { migration, tables } = await db.transaction(
      async (tx) => {
        const snapshot = tx as unknown as Database;
        await setStableText(snapshot);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          migration: await currentMigration(snapshot),
          headway: HEADWAY_VERSION,
          createdAt: new Date().toISOString(),
          tables: backupTables().map((t) => ({ name: t.name, columns: t.columns })),
        };
        await write(`${JSON.stringify(header)}\n`);
        const figures: Record<string, TableFigure> = {};
        for (const table of backupTables()) {
          const digest = new TableDigest();
          await readRows(snapshot, table, async (row) => {
            digest.add(row);
            await write(rowLine(table.name, row));
          });
          figures[table.name] = digest.figure();
        }
        return { migration: header.migration, tables: figures };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const sha256 = checksum.digest('hex');
    const trailer: BackupTrailer = { end: true, tables, sha256 };
    sink.end(`${JSON.stringify(trailer)}\n`);
    await finished(out);
    renameSync(partial, file);
    return { file, migration, tables, sha256 };
  } catch (error) {
    sink.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}
