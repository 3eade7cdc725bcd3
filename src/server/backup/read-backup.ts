/**
 * Reading a backup file and checking it whole before anything is written: the header, every row
 * line, the trailer, and the checksum over the content.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { migrationTags } from '../../db/migrate';
import { AppError } from '../errors';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  BackupHeaderSchema,
  type BackupTrailer,
  BackupTrailerSchema,
  isGzip,
  parseRowLine,
} from './format';
import { backupTables } from './tables';

/** A backup that passed every check. */
export interface CheckedBackup {
  file: string;
  header: BackupHeader;
  trailer: BackupTrailer;
  /** Lines in the file, header and trailer included. */
  lines: number;
}

function refuse(file: string, why: string): AppError {
  return new AppError('bad_request', `${file} cannot be restored: ${why}. Nothing was changed`);
}

function firstBytes(file: string): Uint8Array {
  const bytes = new Uint8Array(2);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new AppError('bad_request', `Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    readSync(fd, bytes, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * Every line of a backup file without its newline, gunzipped when the file is gzip.
 * @throws AppError when the compressed stream is damaged or cut short
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const raw = createReadStream(file);
  const input = isGzip(firstBytes(file)) ? raw.pipe(createGunzip()) : raw;
  if (input !== raw) raw.once('error', (error) => input.destroy(error));
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of input) {
      pending += decoder.write(chunk as Buffer);
      let end = pending.indexOf('\n');
      while (end >= 0) {
        yield pending.slice(0, end);
        pending = pending.slice(end + 1);
        end = pending.indexOf('\n');
      }
    }
  } catch (error) {
    throw refuse(file, `the compressed file is damaged or cut short (${(error as Error).message})`);
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function checkHeader(file: string, line: string | undefined): BackupHeader {
  const json = line === undefined ? undefined : parseJson(line);
  const format = (json as { format?: unknown } | undefined)?.format;
  if (format !== BACKUP_FORMAT)
    throw refuse(file, 'it is not a Headway backup (no backup header on its first line)');
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw refuse(
      file,
      `it was written in backup format ${version} by a newer Headway; this one reads format ${BACKUP_VERSION}`,
    );
  }
  const header = BackupHeaderSchema.safeParse(json);
  if (!header.success || header.data.version !== BACKUP_VERSION) throw refuse(file, 'its header is damaged');
  const known = migrationTags();
  if (!known.includes(header.data.migration)) {
    throw refuse(
      file,
      `it was made by a newer Headway, at schema migration ${header.data.migration}; this one knows up to ${known.at(-1)}: restore it with that version`,
    );
  }
  const expected = backupTables().map((t) => `${t.name}(${t.columns.join(',')})`);
  const given = header.data.tables.map((t) => `${t.name}(${t.columns.join(',')})`);
  if (expected.join(' ') !== given.join(' ') && header.data.migration === known.at(-1)) {
    throw refuse(file, 'its tables and columns are not those of its schema migration');
  }
  return header.data;
}

/**
 * Reads a backup file whole and checks it: a Headway backup header of a format and schema this
 * version knows, well-formed row lines of the header's tables in its order, a trailer, matching
 * row counts and the SHA-256 of the content.
 * @throws AppError (bad_request) naming what is wrong: not a backup, cut short, changed, too new
 */
export async function checkBackup(file: string): Promise<CheckedBackup> {
  const checksum = createHash('sha256');
  let header: BackupHeader | undefined;
  let held: string | undefined;
  let lines = 0;
  const counts = new Map<string, number>();
  let tableIndex = 0;
  for await (const line of readLines(file)) {
    lines += 1;
    if (lines === 1) header = checkHeader(file, line);
    if (held !== undefined) {
      checksum.update(`${held}\n`);
      if (lines > 2) {
        const row = parseRowLine(held);
        const names = header?.tables.map((t) => t.name) ?? [];
        while (row && names[tableIndex] !== row.table && tableIndex < names.length) tableIndex += 1;
        if (!row || tableIndex >= names.length)
          throw refuse(file, `line ${lines - 1} is not a row of a table the header lists, in its order`);
        counts.set(row.table, (counts.get(row.table) ?? 0) + 1);
      }
    }
    held = line;
  }
  if (lines === 0 || !header) throw refuse(file, 'it is empty');
  const trailer = BackupTrailerSchema.safeParse(
    held === undefined || lines < 2 ? undefined : parseJson(held),
  );
  if (!trailer.success) throw refuse(file, 'it is cut short (its closing line with the checksum is missing)');
  if (trailer.data.sha256 !== checksum.digest('hex')) {
    throw refuse(file, 'its content does not match its SHA-256 checksum (the file was changed or damaged)');
  }
  for (const table of header.tables) {
    const recorded = trailer.data.tables[table.name]?.rows;
    if (recorded !== (counts.get(table.name) ?? 0))
      throw refuse(file, `its row count for ${table.name} does not match its rows`);
  }
  return { file, header, trailer: trailer.data, lines };
}
