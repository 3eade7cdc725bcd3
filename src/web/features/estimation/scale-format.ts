import type { TShirtRange } from '../../../contract';

/** The sizes the API accepts, smallest first (kept here so zod stays out of the bundle). */
export const SCALE_SIZES: readonly TShirtRange['size'][] = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];

/** One row of the editor as typed: numbers still text until saved. */
export type ScaleDraftRow = { size: TShirtRange['size']; min: string; max: string; mustSplit: boolean };

/**
 * Turns the editor's rows into the request body, or says what to fix first.
 * @param rows the rows as typed
 * @returns the sizes in order, or the first problem in words
 */
export function parseScaleDraft(
  rows: readonly ScaleDraftRow[],
): { ok: true; sizes: TShirtRange[] } | { ok: false; message: string } {
  if (rows.length === 0) return { ok: false, message: 'Keep at least one size' };
  const sizes: TShirtRange[] = [];
  for (const row of rows) {
    const min = Number(row.min);
    const max = Number(row.max);
    if (row.min.trim() === '' || row.max.trim() === '' || !Number.isFinite(min) || !Number.isFinite(max)) {
      return { ok: false, message: `Size ${row.size} needs a number of days at both ends` };
    }
    if (min < 0 || min > max) {
      return { ok: false, message: `Size ${row.size} needs 0 ≤ min ≤ max, got ${row.min}–${row.max}` };
    }
    sizes.push({ size: row.size, min, max, ...(row.mustSplit ? { mustSplit: true } : {}) });
  }
  return { ok: true, sizes };
}

/**
 * Inserts a size at its place in the canonical order.
 * @param rows the current rows
 * @param size the size to add
 * @returns the rows with the new size, its range empty
 */
export function insertScaleSize(rows: readonly ScaleDraftRow[], size: TShirtRange['size']): ScaleDraftRow[] {
  const next = [...rows, { size, min: '', max: '', mustSplit: false }];
  return next.sort((a, b) => SCALE_SIZES.indexOf(a.size) - SCALE_SIZES.indexOf(b.size));
}
