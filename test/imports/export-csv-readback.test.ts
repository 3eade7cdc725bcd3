import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/domain/export';

/** What a spreadsheet would evaluate: a cell that starts with one of these characters. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe('CSV export opened as data', () => {
  it('should read back every cell as text that cannot run, with the original after the quote', () => {
    const cells = [
      '=1+1',
      '+SUM(A1:A9)',
      '-2+3',
      '@cmd',
      '\t=x',
      '\r=y',
      'multi\n=line',
      'plain, with comma',
      'say "hi"',
      'Zoë',
    ];
    const csv = renderCsv([['header'], ...cells.map((c) => [c])]);
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const read = parsed.data.slice(1).map((row) => row[0] ?? '');
    expect(read.filter(runsAsFormula)).toEqual([]);
    expect(read.map((cell, i) => (runsAsFormula(cells[i] ?? '') ? cell.slice(1) : cell))).toEqual(cells);
  });

  it('should round-trip any table of text through papaparse without a formula (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const width = Math.max(...rows.map((r) => r.length));
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const parsed = Papa.parse<string[]>(renderCsv(table, { bom: false }), {
            delimiter: ',',
            skipEmptyLines: false,
          });
          const read = parsed.data.slice(0, table.length);
          for (const [r, row] of table.entries()) {
            for (const [c, cell] of row.entries()) {
              const got = read[r]?.[c] ?? '';
              expect(runsAsFormula(got)).toBe(false);
              expect(runsAsFormula(cell) ? got.slice(1) : got).toBe(cell);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
