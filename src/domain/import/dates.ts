/**
 * Dates as exports write them. Jira writes the instance's locale format (`02/Sep/25 9:00 AM`,
 * `03/04/2025 14:00`…) with no time zone; Linear and GitHub write ISO 8601. A format is detected
 * from every value of the file, never from one: when both a day-first and a month-first reading
 * fit all values, the file is ambiguous and the user must say which (`--date-format`).
 *
 * Format tokens: YYYY, YY, MMMM or MMM (month name), MM or M (month number), DD or D, HH or H
 * (24 h), hh or h (12 h), mm, ss, A (AM/PM). Seconds are optional after `mm`. Other characters
 * are literal.
 */

import { lookUp } from './types';

/** A compiled date format. */
export interface DatePattern {
  format: string;
  /** The full pattern, and the date part alone (for date-only values such as due dates). */
  full: RegExp;
  dateOnly: RegExp;
  fullFields: DateField[];
  dateFields: DateField[];
  /** true: day before month; false: month before day; null: the order cannot be confused. */
  dayFirst: boolean | null;
}

type DateField =
  | 'year4'
  | 'year2'
  | 'monthName'
  | 'month'
  | 'day'
  | 'hour24'
  | 'hour12'
  | 'minute'
  | 'second'
  | 'ampm';

const TOKENS: readonly [string, DateField, string][] = [
  ['YYYY', 'year4', '(\\d{4})'],
  ['MMMM', 'monthName', '([A-Za-zÀ-ÿ]{3,12}\\.?)'],
  ['MMM', 'monthName', '([A-Za-zÀ-ÿ]{3,12}\\.?)'],
  ['YY', 'year2', '(\\d{2})'],
  ['MM', 'month', '(\\d{1,2})'],
  ['DD', 'day', '(\\d{1,2})'],
  ['HH', 'hour24', '(\\d{1,2})'],
  ['hh', 'hour12', '(\\d{1,2})'],
  ['mm', 'minute', '(\\d{2})'],
  ['ss', 'second', '(\\d{2})'],
  ['M', 'month', '(\\d{1,2})'],
  ['D', 'day', '(\\d{1,2})'],
  ['H', 'hour24', '(\\d{1,2})'],
  ['h', 'hour12', '(\\d{1,2})'],
  ['A', 'ampm', '([AaPp]\\.?[Mm]\\.?)'],
];

// English, German, French and Spanish month abbreviations and names, as Jira locales write them.
const MONTHS: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const names = [
    ['jan', 'january', 'januar', 'janv', 'janvier', 'ene', 'enero', 'jän', 'jänner'],
    ['feb', 'february', 'februar', 'févr', 'fevr', 'février', 'febrero'],
    ['mar', 'march', 'mär', 'mrz', 'märz', 'mars', 'marzo'],
    ['apr', 'april', 'avr', 'avril', 'abr', 'abril'],
    ['may', 'mai', 'mayo'],
    ['jun', 'june', 'juni', 'juin', 'junio'],
    ['jul', 'july', 'juli', 'juil', 'juillet', 'julio'],
    ['aug', 'august', 'août', 'aout', 'ago', 'agosto'],
    ['sep', 'sept', 'september', 'septembre', 'septiembre'],
    ['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre'],
    ['nov', 'november', 'novembre', 'noviembre'],
    ['dec', 'december', 'dez', 'dezember', 'déc', 'decembre', 'décembre', 'dic', 'diciembre'],
  ];
  names.forEach((spellings, index) => {
    for (const spelling of spellings) table[spelling] = index + 1;
  });
  return table;
})();

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Compiles a date format such as `DD/MMM/YY h:mm A`.
 * @returns the pattern, or a message saying what is wrong with the format
 */
export function compileDatePattern(
  format: string,
): { ok: true; pattern: DatePattern } | { ok: false; message: string } {
  const fields: DateField[] = [];
  let source = '';
  // Where the date part of the pattern ends (after its last date token, before any time token).
  let dateEnd = -1;
  let dateFieldCount = 0;
  let timeStarted = false;
  let i = 0;
  while (i < format.length) {
    const token = TOKENS.find(([text]) => format.startsWith(text, i));
    if (token) {
      const [text, field, regex] = token;
      if (fields.includes(field) || (field.startsWith('year') && fields.some((f) => f.startsWith('year'))))
        return { ok: false, message: `"${format}" names ${text} twice` };
      const isTime = ['hour24', 'hour12', 'minute', 'second', 'ampm'].includes(field);
      timeStarted ||= isTime;
      fields.push(field);
      source += regex;
      if (!isTime && !timeStarted) {
        dateEnd = source.length;
        dateFieldCount = fields.length;
      }
      if (field === 'minute' && !format.includes('ss')) source += '(?::(\\d{2}))?';
      if (field === 'minute' && !format.includes('ss')) fields.push('second');
      i += text.length;
    } else {
      const char = format[i] ?? '';
      source += char === ' ' ? '\\s+' : escapeRegex(char);
      i += 1;
    }
  }
  const has = (field: DateField) => fields.includes(field);
  if (!(has('year4') || has('year2')) || !(has('month') || has('monthName')) || !has('day'))
    return {
      ok: false,
      message: `"${format}" needs a year (YYYY or YY), a month (MM or MMM) and a day (DD)`,
    };
  if (has('hour12') && !has('ampm'))
    return {
      ok: false,
      message: `"${format}" uses a 12-hour clock (h) without AM/PM (A); use H for 24 hours`,
    };
  if ((has('hour12') || has('hour24')) && !has('minute'))
    return { ok: false, message: `"${format}" has hours without minutes (mm)` };
  const datePart = source.slice(0, dateEnd);
  const dayIndex = fields.indexOf('day');
  const monthIndex = fields.indexOf('month');
  return {
    ok: true,
    pattern: {
      format,
      full: new RegExp(`^${source}$`),
      dateOnly: new RegExp(`^${datePart}$`),
      fullFields: fields,
      dateFields: fields.slice(0, dateFieldCount),
      dayFirst: monthIndex < 0 ? null : fields.indexOf('year4') === 0 ? null : dayIndex < monthIndex,
    },
  };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function buildIso(parts: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}): string | null {
  const { year, month, day, hour, minute, second } = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - parts.offsetMinutes * 60_000;
  return new Date(ms).toISOString();
}

function readMatch(
  match: RegExpExecArray,
  fields: readonly DateField[],
  offsetMinutes: number,
): string | null {
  let year = Number.NaN;
  let month = Number.NaN;
  let day = Number.NaN;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let pm: boolean | null = null;
  for (let index = 0; index < fields.length; index++) {
    const raw = match[index + 1];
    if (raw === undefined) continue;
    switch (fields[index]) {
      case 'year4':
        year = Number(raw);
        break;
      case 'year2':
        // Two-digit years: 70–99 are the 1900s, the rest this century (as Jira's own parsing does).
        year = Number(raw) + (Number(raw) >= 70 ? 1900 : 2000);
        break;
      case 'monthName':
        month = lookUp(MONTHS, raw.toLowerCase().replace(/\.$/, '')) ?? Number.NaN;
        break;
      case 'month':
        month = Number(raw);
        break;
      case 'day':
        day = Number(raw);
        break;
      case 'hour24':
        hour = Number(raw);
        break;
      case 'hour12':
        hour = Number(raw);
        if (hour < 1 || hour > 12) return null;
        break;
      case 'minute':
        minute = Number(raw);
        break;
      case 'second':
        second = Number(raw);
        break;
      case 'ampm':
        pm = raw.toLowerCase().startsWith('p');
        break;
      default:
        break;
    }
  }
  if (pm !== null) hour = (hour % 12) + (pm ? 12 : 0);
  if (!Number.isFinite(year) || !Number.isFinite(month) || !Number.isFinite(day)) return null;
  return buildIso({ year, month, day, hour, minute, second, offsetMinutes });
}

/**
 * Reads a value with a pattern, accepting the date part alone (midnight) too.
 * @param offsetMinutes the file's time zone as minutes east of UTC (Jira writes local time)
 * @returns an ISO 8601 UTC timestamp, or null when the value does not fit
 */
export function parseDateWith(pattern: DatePattern, value: string, offsetMinutes = 0): string | null {
  const text = value.trim();
  const full = pattern.full.exec(text);
  if (full) return readMatch(full, pattern.fullFields, offsetMinutes);
  const dateOnly = pattern.dateOnly.exec(text);
  if (dateOnly) return readMatch(dateOnly, pattern.dateFields, offsetMinutes);
  return null;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const JS_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w* ([A-Za-z]{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:GMT|UTC)([+-]\d{4})(?: \(.*\))?$/;

function offsetOf(zone: string | undefined, fallback: number): number {
  if (!zone) return fallback;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/**
 * Reads an ISO 8601 timestamp or date (`2024-05-14T08:53:33Z`, `2024-05-14 08:53`, `2024-05-14`),
 * or the JavaScript date text some exports write (`Tue May 14 2024 08:53:33 GMT+0000 (…)`).
 * @param fallbackOffsetMinutes the zone to assume when the value names none
 * @returns an ISO 8601 UTC timestamp, or null
 */
export function parseIsoTimestamp(value: string, fallbackOffsetMinutes = 0): string | null {
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    return buildIso({
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: Number(iso[3]),
      hour: Number(iso[4] ?? 0),
      minute: Number(iso[5] ?? 0),
      second: Number(iso[6] ?? 0),
      offsetMinutes: offsetOf(iso[7], fallbackOffsetMinutes),
    });
  }
  const js = JS_DATE.exec(text);
  if (js) {
    const month = lookUp(MONTHS, (js[1] ?? '').toLowerCase());
    if (month === undefined) return null;
    return buildIso({
      year: Number(js[3]),
      month,
      day: Number(js[2]),
      hour: Number(js[4]),
      minute: Number(js[5]),
      second: Number(js[6]),
      offsetMinutes: offsetOf(js[7], 0),
    });
  }
  return null;
}

/** The formats tried, in order of preference, when the user names none. */
export const CANDIDATE_DATE_FORMATS: readonly string[] = [
  'DD/MMM/YY h:mm A',
  'DD/MMM/YY H:mm',
  'DD/MMM/YYYY h:mm A',
  'DD/MMM/YYYY H:mm',
  'DD-MMM-YYYY H:mm',
  'DD-MMM-YY h:mm A',
  'DD MMM YYYY H:mm',
  'MMM DD, YYYY h:mm A',
  'YYYY-MM-DD H:mm',
  'YYYY/MM/DD H:mm',
  'DD.MM.YYYY H:mm',
  'DD.MM.YY H:mm',
  'DD/MM/YYYY H:mm',
  'MM/DD/YYYY H:mm',
  'DD/MM/YYYY h:mm A',
  'MM/DD/YYYY h:mm A',
  'DD/MM/YY H:mm',
  'MM/DD/YY H:mm',
  'DD/MM/YY h:mm A',
  'MM/DD/YY h:mm A',
];

/** The outcome of looking at every date of a file. */
export type DateDetection =
  | { kind: 'none' }
  | { kind: 'iso' }
  | { kind: 'found'; pattern: DatePattern }
  | { kind: 'ambiguous'; formats: string[]; example: string }
  | { kind: 'unknown'; best: DatePattern | null; examples: string[] };

/**
 * Finds the one format that reads every value. When formats that order day and month
 * differently both read all of them (every day ≤ 12), the result is `ambiguous`: guessing would
 * silently shift dates by months.
 * @param values every non-empty date cell of the file
 */
export function detectDateFormat(values: readonly string[]): DateDetection {
  const distinct = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
  if (distinct.length === 0) return { kind: 'none' };
  if (distinct.every((v) => parseIsoTimestamp(v) !== null)) return { kind: 'iso' };
  const patterns: DatePattern[] = [];
  for (const format of CANDIDATE_DATE_FORMATS) {
    const compiled = compileDatePattern(format);
    if (compiled.ok) patterns.push(compiled.pattern);
  }
  // Most candidates fail on the first few values; only those that read everything scan it all.
  const fitting = patterns.filter((p) => distinct.every((value) => parseDateWith(p, value) !== null));
  const first = fitting[0];
  if (first) {
    const orders = new Set(fitting.map((p) => p.dayFirst).filter((o) => o !== null));
    if (orders.size > 1) {
      const example = distinct.find((v) => /\d{1,2}[/.-]\d{1,2}[/.-]\d{2}/.test(v)) ?? distinct[0] ?? '';
      return { kind: 'ambiguous', formats: fitting.map((p) => p.format), example };
    }
    return { kind: 'found', pattern: first };
  }
  const scored = patterns.map((pattern) => ({
    pattern,
    misses: distinct.filter((value) => parseDateWith(pattern, value) === null).length,
  }));
  const best = [...scored].sort((a, b) => a.misses - b.misses)[0];
  const bestPattern = best && best.misses < distinct.length ? best.pattern : null;
  const examples = distinct.filter((v) => !bestPattern || parseDateWith(bestPattern, v) === null).slice(0, 3);
  return { kind: 'unknown', best: bestPattern, examples };
}

/**
 * Reads a time zone such as `+02:00`, `-0530`, `UTC` or `Z` as minutes east of UTC.
 * @returns the offset, or null when the text is not an offset
 */
export function parseUtcOffset(text: string): number | null {
  const trimmed = text.trim();
  if (/^(utc|gmt|z)$/i.test(trimmed)) return 0;
  const match = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return match[1] === '-' ? -minutes : minutes;
}
