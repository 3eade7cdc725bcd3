/**
 * Plain-text tables for the CLI: every column padded to its widest cell, so each column starts
 * at the same offset on every line.
 */

export interface TableOptions {
  /** Columns whose cells line up on the right (numbers). */
  alignRight?: readonly number[];
  /** Adds a line of dashes under the header. */
  rule?: boolean;
  /** Text before every line. */
  indent?: string;
}

/**
 * Lays out a header and rows as aligned lines, two spaces between columns.
 * @param header the column titles
 * @param rows the cells of each row, one string per column
 * @param options right-aligned columns, a rule under the header, an indent
 * @returns the lines, header first, trailing spaces trimmed
 */
export function formatTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  options: TableOptions = {},
): string[] {
  const right = new Set(options.alignRight ?? []);
  const indent = options.indent ?? '';
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `${indent}${widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return right.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')}`.trimEnd();
  return [
    line(header),
    ...(options.rule ? [line(widths.map((width) => '-'.repeat(width)))] : []),
    ...rows.map(line),
  ];
}
