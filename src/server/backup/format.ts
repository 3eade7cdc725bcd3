/**
 * The backup file: JSON lines, gzip-compressed when its name ends in `.gz`.
 *
 * - line 1, the header: `{"format":"headway-backup","version":1,"migration":…,"tables":[…]}`,
 *   the schema migration the database was at and every table with its columns, in restore order;
 * - one line per row: `{"table":"items","row":{…}}`, the row as PostgreSQL's `to_jsonb` writes it
 *   (timestamps in UTC with microseconds, so a restore gives back the very same values);
 * - the last line, the trailer: `{"end":true,"tables":{name:{rows,sha256}},"sha256":…}`, where
 *   `sha256` is the SHA-256 of every byte before the trailer and each table's is the SHA-256 of
 *   its rows' JSON, one a line (what `inventoryDatabase` computes on a live database).
 *
 * A file whose trailer is missing was cut short; one whose checksum differs was changed.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'headway-backup';
/** The layout of the file; a reader refuses versions it does not know. */
export const BACKUP_VERSION = 1;

export const BackupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  /** The last schema migration applied to the database the backup was made from. */
  migration: z.string(),
  headway: z.string(),
  createdAt: z.string(),
  tables: z.array(z.strictObject({ name: z.string(), columns: z.array(z.string()) })),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/** Rows and checksum of one table. */
export const TableFigureSchema = z.strictObject({
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TableFigure = z.infer<typeof TableFigureSchema>;

export const BackupTrailerSchema = z.strictObject({
  end: z.literal(true),
  tables: z.record(z.string(), TableFigureSchema),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupTrailer = z.infer<typeof BackupTrailerSchema>;

const ROW_LINE = /^\{"table":"([a-z_][a-z0-9_]*)","row":(\{.*\})\}$/s;

/** A row line from a table name and the row's JSON (kept as PostgreSQL wrote it). */
export function rowLine(table: string, rowJson: string): string {
  return `{"table":"${table}","row":${rowJson}}\n`;
}

/** The table and the row's JSON text of a row line, or null when the line is not one. */
export function parseRowLine(line: string): { table: string; rowJson: string } | null {
  const match = ROW_LINE.exec(line);
  return match?.[1] && match[2] ? { table: match[1], rowJson: match[2] } : null;
}

/** Whether a file's first bytes are gzip's magic number. */
export function isGzip(firstBytes: Uint8Array): boolean {
  return firstBytes[0] === 0x1f && firstBytes[1] === 0x8b;
}
