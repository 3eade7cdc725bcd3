import { describe, expect, it } from 'vitest';
import { ImportMappingEditsSchema } from '../../../contract';
import { FOREIGN_IMPORT_MAX_BYTES } from '../../../contract/import-limits';
import {
  buildImportEdits,
  countCsvRows,
  dateFormatChoices,
  formatBytes,
  type ImportProblemView,
  importBlockedReason,
  personChoiceOf,
  personChoiceValue,
  refuseFile,
  sortProblems,
} from './import-plan';

const problem = (over: Partial<ImportProblemView>): ImportProblemView => ({
  row: null,
  column: null,
  message: 'm',
  why: 'w',
  severity: 'warning',
  ...over,
});

describe('buildImportEdits', () => {
  it('should send nothing when the user changed nothing', () => {
    expect(buildImportEdits({ states: {}, dateFormat: null })).toBeUndefined();
  });

  it('should send the picked states and date format in the shape the API validates', () => {
    const edits = buildImportEdits({
      states: { 'Ready for QA': 'in_review', Blocked: 'in_progress' },
      dateFormat: 'DD/MM/YYYY H:mm',
    });
    expect(edits).toEqual({
      states: { 'Ready for QA': 'in_review', Blocked: 'in_progress' },
      dateFormat: 'DD/MM/YYYY H:mm',
    });
    expect(ImportMappingEditsSchema.safeParse(edits).success).toBe(true);
  });

  it('should send the picked types and people in the shape the API validates', () => {
    const edits = buildImportEdits({
      states: {},
      types: { Spike: 'task' },
      people: { 'Kwame Mensah': { kind: 'member', email: 'kwame@example.com' } },
      dateFormat: null,
    });
    expect(edits).toEqual({
      types: { Spike: 'task' },
      people: { 'Kwame Mensah': { kind: 'member', email: 'kwame@example.com' } },
    });
    expect(ImportMappingEditsSchema.safeParse(edits).success).toBe(true);
  });

  it('should leave out the states when only the date format was chosen', () => {
    expect(buildImportEdits({ states: {}, dateFormat: 'MM/DD/YY h:mm A' })).toEqual({
      dateFormat: 'MM/DD/YY h:mm A',
    });
  });
});

describe('sortProblems', () => {
  it('should put errors first and keep each group in row order', () => {
    const sorted = sortProblems([
      problem({ row: 9, severity: 'warning' }),
      problem({ row: 7, severity: 'error' }),
      problem({ row: 3, severity: 'warning' }),
      problem({ row: null, severity: 'error' }),
    ]);
    expect(sorted.map((p) => [p.severity, p.row])).toEqual([
      ['error', null],
      ['error', 7],
      ['warning', 3],
      ['warning', 9],
    ]);
  });
});

describe('dateFormatChoices', () => {
  it('should list each format the ambiguous dates fit, once', () => {
    const choices = dateFormatChoices([
      problem({ dateFormats: ['DD/MM/YYYY H:mm', 'MM/DD/YYYY H:mm'] }),
      problem({ dateFormats: ['MM/DD/YYYY H:mm'] }),
      problem({}),
    ]);
    expect(choices).toEqual(['DD/MM/YYYY H:mm', 'MM/DD/YYYY H:mm']);
  });

  it('should offer no choice when no problem is about dates', () => {
    expect(dateFormatChoices([problem({ severity: 'error' })])).toEqual([]);
  });
});

describe('refuseFile', () => {
  it('should refuse a file over the API limit, naming its size and the limit', () => {
    const message = refuseFile({ name: 'big.csv', size: FOREIGN_IMPORT_MAX_BYTES + 1 });
    expect(message).toMatch(/^big\.csv is 100\.0 MB, more than the 100\.0 MB/);
  });

  it('should accept a file exactly at the limit', () => {
    expect(refuseFile({ name: 'ok.csv', size: FOREIGN_IMPORT_MAX_BYTES })).toBeNull();
  });

  it('should refuse an empty file', () => {
    expect(refuseFile({ name: 'none.csv', size: 0 })).toMatch(/empty/);
  });
});

describe('formatBytes', () => {
  it('should show bytes, kilobytes and megabytes', () => {
    expect([formatBytes(812), formatBytes(14_540), formatBytes(3_565_158)]).toEqual([
      '812 B',
      '14.2 KB',
      '3.4 MB',
    ]);
  });
});

describe('importBlockedReason', () => {
  it('should block while there are errors, counting them', () => {
    expect(importBlockedReason({ errors: 2, items: 5 })).toMatch(/2 errors/);
    expect(importBlockedReason({ errors: 1, items: 5 })).toMatch(/the error/);
  });

  it('should block a file without items and allow one with items and no error', () => {
    expect(importBlockedReason({ errors: 0, items: 0 })).not.toBeNull();
    expect(importBlockedReason({ errors: 0, items: 3 })).toBeNull();
  });
});

describe('countCsvRows', () => {
  it('should count records, not line breaks inside quoted cells, less the header', () => {
    expect(countCsvRows('Summary,Key\nA,1\n"two\nlines",2\n')).toBe(2);
    expect(countCsvRows('Summary,Key\nA,1\nB,2')).toBe(2);
    expect(countCsvRows('Summary,Key\n')).toBe(0);
  });

  it('should not count rows in a JSON file', () => {
    expect(countCsvRows('[{"number":1}]')).toBeNull();
  });
});

describe('person choices', () => {
  it('should read back each choice from its select value', () => {
    for (const choice of [
      { kind: 'member', email: 'a@example.com' },
      { kind: 'invite', email: 'b@example.com' },
      { kind: 'unmatched' },
    ] as const) {
      expect(personChoiceOf(personChoiceValue(choice))).toEqual(choice);
    }
  });
});
