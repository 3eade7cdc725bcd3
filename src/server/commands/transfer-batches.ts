import type { Database } from '../../db/client';

/** Rows per insert statement, and per transaction when a large import writes in chunks. */
export const IMPORT_CHUNK_ROWS = 100;

/** One insert of at most IMPORT_CHUNK_ROWS rows. */
export interface ImportBatch {
  rows: number;
  write: (tx: Database) => Promise<void>;
}

/**
 * Cuts rows into batches of at most IMPORT_CHUNK_ROWS, each written by one call of `insert`.
 * @returns the batches, in the order of the rows
 */
export function batchesOf<T>(
  rows: T[],
  insert: (tx: Database, part: T[]) => Promise<unknown>,
): ImportBatch[] {
  const out: ImportBatch[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK_ROWS) {
    const part = rows.slice(i, i + IMPORT_CHUNK_ROWS);
    out.push({ rows: part.length, write: async (tx) => void (await insert(tx, part)) });
  }
  return out;
}
