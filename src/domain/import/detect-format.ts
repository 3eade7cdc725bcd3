/** Which format a file is in, from its content (used when the user does not say). */
import { findColumn } from './table';
import type { ImportFormat } from './types';

/** A foreign format, or Headway's own JSON. */
export type DetectedFormat = ImportFormat | 'headway';

/**
 * Detects the format of a CSV file from its header.
 * @returns jira (Issue key + Summary), linear (ID + Title + Status, with Team or Created), or csv
 */
export function detectCsvFormat(headers: readonly string[]): ImportFormat {
  const has = (name: string) => findColumn(headers, name) >= 0;
  if (has('Issue key') && has('Summary')) return 'jira';
  if (
    (has('ID') || has('Id')) &&
    has('Title') &&
    has('Status') &&
    (has('Team') || has('Cycle Number') || has('Created'))
  )
    return 'linear';
  return 'csv';
}

/**
 * Detects the format of a file from its first characters: a JSON object is Headway JSON (its
 * schema then says what is wrong, if anything); a JSON array is GitHub's issues (the API's lists
 * are arrays); anything else is CSV.
 * @param head the first few kilobytes of the file
 * @returns the format, or `csv-like` when the file must be read as CSV to tell
 */
export function detectFormatFromText(head: string): DetectedFormat | 'csv-like' {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) return 'headway';
  if (text.startsWith('[')) return 'github';
  return 'csv-like';
}
