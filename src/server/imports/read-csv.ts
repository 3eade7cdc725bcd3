/**
 * The IO edge of imports: bytes → text (UTF-8, UTF-16 with a byte-order mark, or Windows-1252
 * when the bytes are not UTF-8) and CSV text → header + records with papaparse. The domain
 * parsers take what this returns.
 */
import Papa from 'papaparse';
import type { CsvTable, ImportProblem } from '../../domain/import';

/**
 * Decodes an uploaded or read file.
 * @returns the text, and a note when it was not UTF-8
 */
export function decodeImportBytes(bytes: Uint8Array): { text: string; note: string | null } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      note: 'The file is UTF-16 (little-endian).',
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      note: 'The file is UTF-16 (big-endian).',
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), note: null };
  } catch {
    // Spreadsheets on Windows save "CSV" as Windows-1252; reading it as UTF-8 would mangle accents.
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: 'The file is not UTF-8: it was read as Windows-1252 (check accented names in the dry run).',
    };
  }
}

/**
 * Splits CSV text into a header and records. Records keep their position so row numbers in
 * problems match what a spreadsheet shows; the blank record after a final newline is dropped.
 * @param text the whole file
 * @returns the table (empty headers for an empty file) and the problems the CSV parser found
 */
export function readCsvTable(text: string): {
  table: CsvTable;
  problems: ImportProblem[];
  delimiter: string;
} {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    return {
      table: { headers: [], rows: [] },
      problems: [
        {
          row: null,
          column: null,
          message: 'the file is empty',
          why: 'there is nothing to import: export the issues again and check the file has a header and rows',
          severity: 'error',
        },
      ],
      delimiter: ',',
    };
  }
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t'],
  });
  const records = parsed.data;
  const last = records[records.length - 1];
  if (last && last.length === 1 && last[0] === '') records.pop();
  const problems: ImportProblem[] = [];
  for (const error of parsed.errors) {
    if (error.code === 'UndetectableDelimiter') continue; // a one-column file: comma is right
    problems.push({
      row: error.row === undefined ? null : error.row + 1,
      column: null,
      message: error.code === 'MissingQuotes' ? 'a quoted cell is never closed' : error.message,
      why:
        error.code === 'MissingQuotes'
          ? 'everything after the opening quote is read as one cell: the file is cut or hand-edited; export it again'
          : 'the CSV may be malformed around this row',
      severity: error.code === 'MissingQuotes' ? 'error' : 'warning',
    });
  }
  const [headers = [], ...rows] = records;
  const table = { headers, rows };
  if (rows.length === 0) {
    problems.push({
      row: null,
      column: null,
      message: 'the file has a header but no rows',
      why: 'there is nothing to import (was the export filtered to no issues?)',
      severity: 'warning',
    });
  }
  return { table, problems, delimiter: parsed.meta.delimiter };
}
