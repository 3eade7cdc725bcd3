/** The decision log as CSV, safe to open in a spreadsheet. */
import Papa from 'papaparse';
import type { DecisionLogEntry } from '../../contract';
import { DECISION_INFO } from '../../domain/decision-rights';

/**
 * A cell a spreadsheet would read as a formula: it starts with =, +, -, @, a tab or a carriage
 * return. papaparse's own default pattern ends in `.*$`, which misses a formula followed by a line
 * break, so the check is only on the first character.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

const HEADER = ['when', 'decision', 'person', 'item', 'item title', 'summary', 'why', 'amends'];

/**
 * Renders decision-log entries as RFC 4180 CSV. Every cell that a spreadsheet would run as a
 * formula is prefixed with an apostrophe, so it shows as text.
 * @param entries the entries, in the order to write them
 * @returns the CSV text, with a header row
 */
export function renderDecisionsCsv(entries: readonly DecisionLogEntry[]): string {
  const rows = entries.map((e) => [
    e.createdAt,
    DECISION_INFO[e.decision].label,
    e.actorName,
    e.itemNumber === null ? '' : `#${e.itemNumber}`,
    e.itemTitle ?? '',
    e.summary,
    e.rationale ?? '',
    e.amendsId ?? '',
  ]);
  return Papa.unparse({ fields: HEADER, data: rows }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
}
