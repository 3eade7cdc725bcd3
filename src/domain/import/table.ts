/**
 * A CSV file as the parsers see it: the header cells and the records, already split by a CSV
 * parser outside the domain. Columns are found by position because exports repeat header names
 * (Jira writes one `Labels`, `Sprint` or `Outward issue link (Blocks)` column per value).
 */
import type { ImportProblem } from './types';

/** Header cells and records of one CSV file, each record an array of cells. */
export interface CsvTable {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}

/** A record with the row number a spreadsheet would show (the header is row 1). */
export interface TableRow {
  row: number;
  cells: readonly string[];
}

/** Normalises a header cell for lookups: no BOM, trimmed, case-folded, single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Positions of every column whose header is one of the names (case-insensitive), in file order. */
export function findColumns(headers: readonly string[], ...names: string[]): number[] {
  const wanted = new Set(names.map(normaliseHeader));
  const found: number[] = [];
  headers.forEach((header, index) => {
    if (wanted.has(normaliseHeader(header))) found.push(index);
  });
  return found;
}

/** The first column named by the first name that exists (names in order of preference), or -1. */
export function findColumn(headers: readonly string[], ...names: string[]): number {
  for (const name of names) {
    const [first] = findColumns(headers, name);
    if (first !== undefined) return first;
  }
  return -1;
}

/** The trimmed cell at a position, or "" when the column is absent or the row is short. */
export function readCell(cells: readonly string[], index: number): string {
  if (index < 0) return '';
  return (cells[index] ?? '').trim();
}

/** The non-empty trimmed cells at several positions (repeated columns), in column order. */
export function readCells(cells: readonly string[], indexes: readonly number[]): string[] {
  const values: string[] = [];
  for (const index of indexes) {
    const value = readCell(cells, index);
    if (value !== '') values.push(value);
  }
  return values;
}

/**
 * Splits a list cell ("a, b, c") into trimmed, non-empty, de-duplicated values.
 * @param value the cell
 * @param separator a string or pattern; commas by default
 */
export function splitList(value: string, separator: string | RegExp = ','): string[] {
  const seen = new Set<string>();
  for (const part of value.split(separator)) {
    const trimmed = part.trim();
    if (trimmed !== '') seen.add(trimmed);
  }
  return [...seen];
}

/**
 * Walks the records of a table, skipping blank ones (counted) and reporting records whose cell
 * count differs from the header's (a sign of a broken quote or a hand-edited file).
 * @returns the rows to read, how many blank records were skipped, and the problems
 */
export function collectRows(table: CsvTable): { rows: TableRow[]; blank: number; problems: ImportProblem[] } {
  const rows: TableRow[] = [];
  const problems: ImportProblem[] = [];
  let blank = 0;
  const width = table.headers.length;
  table.rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) {
      blank += 1;
      return;
    }
    if (cells.length > width && cells.slice(width).some((cell) => cell.trim() !== '')) {
      problems.push({
        row,
        column: null,
        message: `row has ${cells.length} cells but the header has ${width}`,
        why: 'the cells past the last header have no column name and are not read; a quote may be missing earlier in the row',
        severity: 'warning',
      });
    }
    rows.push({ row, cells });
  });
  return { rows, blank, problems };
}

/** Header names that appear more than once, with their count (for messages and tests). */
export function findRepeatedHeaders(headers: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const header of headers) {
    const key = normaliseHeader(header);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts].filter(([, count]) => count > 1));
}
