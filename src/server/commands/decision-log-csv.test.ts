import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralisedCell, readCsv } from '../../../test/support/active-content';
import { HOSTILE_STRINGS } from '../../../test/support/hostile-strings';
import type { DecisionLogEntry } from '../../contract';
import { renderDecisionsCsv } from './decision-log-csv';

const entry = (overrides: Partial<DecisionLogEntry>): DecisionLogEntry => ({
  id: '1',
  decision: 'backlog_order',
  itemId: null,
  itemNumber: null,
  itemTitle: null,
  actorId: null,
  importedActor: null,
  actorName: 'Dana',
  summary: 'Moved #1 to the top',
  rationale: null,
  details: {},
  createdAt: '2030-01-01T10:00:00.000Z',
  version: 1,
  amendsId: null,
  ...overrides,
});

describe('renderDecisionsCsv', () => {
  it('should prefix every cell a spreadsheet would run as a formula, including multi-line ones', () => {
    const starts = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")\nsecond line'];
    const csv = renderDecisionsCsv(starts.map((rationale, i) => entry({ id: String(i), rationale })));
    const rows = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data.slice(1);
    expect(rows.map((r) => r[6])).toEqual(starts.map((s) => `'${s}`));
  });

  it('should leave ordinary text alone and round-trip quotes and commas', () => {
    const csv = renderDecisionsCsv([
      entry({ itemNumber: 12, itemTitle: 'Say "hi", then leave', rationale: 'Because, well' }),
    ]);
    const rows = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(['when', 'decision', 'person', 'item', 'item title', 'summary', 'why', 'amends']);
    expect(rows[1]).toEqual([
      '2030-01-01T10:00:00.000Z',
      'Ordering the backlog',
      'Dana',
      '#12',
      'Say "hi", then leave',
      'Moved #1 to the top',
      'Because, well',
      '',
    ]);
  });

  it('should read back every hostile string in every text column as written, formulas neutralised', () => {
    const csv = renderDecisionsCsv(
      HOSTILE_STRINGS.map((text, i) =>
        entry({
          id: text,
          itemNumber: i + 1,
          itemTitle: text,
          actorName: text,
          summary: text,
          rationale: text,
          amendsId: text,
          createdAt: text,
        }),
      ),
    );
    const rows = readCsv(csv);
    expect(rows).toHaveLength(HOSTILE_STRINGS.length + 1);
    HOSTILE_STRINGS.forEach((text, i) => {
      const cell = neutralisedCell(text);
      expect(rows[i + 1], text).toEqual([
        cell,
        'Ordering the backlog',
        cell,
        `#${i + 1}`,
        cell,
        cell,
        cell,
        cell,
      ]);
    });
  });
});
