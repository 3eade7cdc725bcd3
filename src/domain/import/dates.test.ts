import { describe, expect, it } from 'vitest';
import {
  compileDatePattern,
  detectDateFormat,
  parseDateWith,
  parseIsoTimestamp,
  parseUtcOffset,
} from './dates';
import { createDateReader } from './source-values';

const pattern = (format: string) => {
  const compiled = compileDatePattern(format);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.pattern;
};

describe('date formats', () => {
  it("should read Jira's default format with a 12-hour clock", () => {
    const p = pattern('DD/MMM/YY h:mm A');
    expect(parseDateWith(p, '02/Sep/25 9:00 AM')).toBe('2025-09-02T09:00:00.000Z');
    expect(parseDateWith(p, '12/Mar/26 3:30 PM')).toBe('2026-03-12T15:30:00.000Z');
    expect(parseDateWith(p, '01/Jan/25 12:05 AM')).toBe('2025-01-01T00:05:00.000Z');
    expect(parseDateWith(p, '01/Jan/25 12:05 PM')).toBe('2025-01-01T12:05:00.000Z');
  });

  it('should read the date part alone (due dates) with the same format', () => {
    expect(parseDateWith(pattern('DD/MMM/YY h:mm A'), '30/Sep/25')).toBe('2025-09-30T00:00:00.000Z');
    expect(parseDateWith(pattern('MMM DD, YYYY h:mm A'), 'Sep 30, 2025')).toBe('2025-09-30T00:00:00.000Z');
  });

  it('should read German and French month abbreviations', () => {
    const p = pattern('DD/MMM/YY H:mm');
    expect(parseDateWith(p, '03/Okt/25 14:00')).toBe('2025-10-03T14:00:00.000Z');
    expect(parseDateWith(p, '03/déc./25 14:00')).toBe('2025-12-03T14:00:00.000Z');
  });

  it('should apply the time zone of local times', () => {
    expect(parseDateWith(pattern('DD/MM/YYYY H:mm'), '13/03/2025 14:05', 120)).toBe(
      '2025-03-13T12:05:00.000Z',
    );
  });

  it('should refuse impossible dates and times', () => {
    const p = pattern('DD/MM/YYYY H:mm');
    expect(parseDateWith(p, '31/02/2025 10:00')).toBeNull();
    expect(parseDateWith(p, '10/13/2025 10:00')).toBeNull();
    expect(parseDateWith(p, '10/12/2025 24:00')).toBeNull();
    expect(parseDateWith(pattern('DD/MMM/YY h:mm A'), '02/Sep/25 13:00 PM')).toBeNull();
  });

  it('should explain a format that cannot work', () => {
    expect(compileDatePattern('DD/MM').ok).toBe(false);
    expect(compileDatePattern('DD/MM/YYYY h:mm').ok).toBe(false);
    expect(compileDatePattern('DD/DD/YYYY').ok).toBe(false);
  });

  it('should read ISO 8601 and JavaScript date text', () => {
    expect(parseIsoTimestamp('2024-05-14T08:53:33Z')).toBe('2024-05-14T08:53:33.000Z');
    expect(parseIsoTimestamp('2024-05-14T10:53:33+02:00')).toBe('2024-05-14T08:53:33.000Z');
    expect(parseIsoTimestamp('2024-05-14')).toBe('2024-05-14T00:00:00.000Z');
    expect(parseIsoTimestamp('2024-05-14 08:53', 60)).toBe('2024-05-14T07:53:00.000Z');
    expect(parseIsoTimestamp('Tue May 14 2024 08:53:33 GMT+0200 (Central European Summer Time)')).toBe(
      '2024-05-14T06:53:33.000Z',
    );
    expect(parseIsoTimestamp('2024-02-30')).toBeNull();
    expect(parseIsoTimestamp('yesterday')).toBeNull();
  });

  it('should read time zones', () => {
    expect(parseUtcOffset('+02:00')).toBe(120);
    expect(parseUtcOffset('-0530')).toBe(-330);
    expect(parseUtcOffset('UTC')).toBe(0);
    expect(parseUtcOffset('Europe/Paris')).toBeNull();
  });
});

describe('date format detection', () => {
  it('should find day-first when one day is above 12', () => {
    const found = detectDateFormat(['03/04/2025 10:00', '13/04/2025 11:00']);
    expect(found.kind).toBe('found');
    if (found.kind === 'found') expect(found.pattern.format).toBe('DD/MM/YYYY H:mm');
  });

  it('should find month-first when one month position is above 12', () => {
    const found = detectDateFormat(['03/04/2025 10:00 AM', '04/25/2025 11:00 PM']);
    expect(found.kind).toBe('found');
    if (found.kind === 'found') expect(found.pattern.format).toBe('MM/DD/YYYY h:mm A');
  });

  it('should call a file ambiguous when every day is 12 or less, rather than guess', () => {
    const found = detectDateFormat(['03/04/2025 10:00', '05/06/2025 11:00']);
    expect(found.kind).toBe('ambiguous');
    if (found.kind === 'ambiguous') {
      expect(found.formats).toEqual(expect.arrayContaining(['DD/MM/YYYY H:mm', 'MM/DD/YYYY H:mm']));
    }
  });

  it('should not call month names ambiguous', () => {
    const found = detectDateFormat(['02/Sep/25 9:00 AM', '03/Oct/25 10:15 PM', '04/Nov/25']);
    expect(found.kind === 'found' && found.pattern.format).toBe('DD/MMM/YY h:mm A');
  });

  it('should say iso for ISO files and none for files without dates', () => {
    expect(detectDateFormat(['2024-05-14T08:53:33Z', '2024-05-15']).kind).toBe('iso');
    expect(detectDateFormat(['', '  ']).kind).toBe('none');
  });

  it('should report an ambiguous file as an error that names --date-format, and read no dates', () => {
    const reader = createDateReader(['03/04/2025 10:00', '05/06/2025 11:00'], {});
    expect(reader.problems).toHaveLength(1);
    expect(reader.problems[0]?.severity).toBe('error');
    expect(reader.problems[0]?.why).toContain('--date-format');
    expect(reader.read('03/04/2025 10:00', 2, 'Created')).toBeNull();
  });

  it('should read an ambiguous file once the user names the format', () => {
    const reader = createDateReader(['03/04/2025 10:00'], { dateFormat: 'MM/DD/YYYY H:mm' });
    expect(reader.problems).toEqual([]);
    expect(reader.read('03/04/2025 10:00', 2, 'Created')).toBe('2025-03-04T10:00:00.000Z');
  });

  it('should list a date that does not fit the detected format as a problem with its row and column', () => {
    const reader = createDateReader(
      ['02/Sep/25 9:00 AM', '03/Sep/25 9:00 AM', '04/Sep/25 9:00 AM', 'soon'],
      {},
    );
    expect(reader.read('soon', 7, 'Resolved')).toBeNull();
    expect(reader.problems).toEqual([
      expect.objectContaining({ row: 7, column: 'Resolved', severity: 'warning' }),
    ]);
  });
});
