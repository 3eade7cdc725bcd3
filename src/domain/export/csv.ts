/**
 * CSV that is safe to open in a spreadsheet. A cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return would be run as a formula by Excel, LibreOffice or Google Sheets (CSV
 * injection), so text cells starting with one of them get a leading `'`, which spreadsheets show
 * as text and do not evaluate. Numbers are written as numbers: a real -3 is not a formula.
 */

/** One cell: text, a number, a boolean, or empty. */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises text a spreadsheet would evaluate, whatever follows the first character (several
 * lines included).
 * @returns the text, with a leading `'` when it starts with =, +, -, @, tab or carriage return
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function renderCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Renders rows as RFC 4180 CSV (CRLF line ends, quotes doubled), text cells neutralised.
 * @param rows the header row first, then the data rows
 * @param options.bom start with a UTF-8 byte-order mark so spreadsheets read accents right (default true)
 */
export function renderCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(renderCell).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}
