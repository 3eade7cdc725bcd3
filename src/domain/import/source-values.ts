/**
 * Small readers shared by the parsers: numbers, durations, people, and the dates of a file read
 * with one detected (or given) format.
 */
import {
  compileDatePattern,
  type DatePattern,
  detectDateFormat,
  parseDateWith,
  parseIsoTimestamp,
} from './dates';
import type { ImportProblem, SourcePerson } from './types';

/** Parsing options the user can set (CLI flags or the mapping file). */
export interface ParseOptions {
  /** A date format such as `DD/MMM/YY h:mm A`; detected from the file when absent. */
  dateFormat?: string | null;
  /** The time zone of local times in the file, in minutes east of UTC; 0 (UTC) by default. */
  timeZoneOffsetMinutes?: number | null;
  /** Hours in a working day, to turn time estimates into days (Jira's default is 8). */
  hoursPerDay?: number | null;
}

/** Reads a number as exports write it ("3", "2.5", "2,5"); null when empty or not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalised = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

const DURATION_PART = /(\d+(?:[.,]\d+)?)\s*([wdhm])/gi;

/**
 * Reads a Jira duration: plain seconds ("7200", as the CSV export writes), or "1w 2d 3h 30m"
 * (a week of 5 days, a day of `hoursPerDay` hours).
 * @returns hours, or null when the text is not a duration
 */
export function parseDurationHours(text: string, hoursPerDay = 8): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const seconds = parseNumber(trimmed);
  if (seconds !== null) return seconds >= 0 ? seconds / 3600 : null;
  if (!/^(\s*\d+(?:[.,]\d+)?\s*[wdhm]\s*)+$/i.test(trimmed)) return null;
  let hours = 0;
  for (const match of trimmed.matchAll(DURATION_PART)) {
    const amount = Number((match[1] ?? '0').replace(',', '.'));
    const unit = (match[2] ?? 'h').toLowerCase();
    hours +=
      unit === 'w'
        ? amount * 5 * hoursPerDay
        : unit === 'd'
          ? amount * hoursPerDay
          : unit === 'h'
            ? amount
            : amount / 60;
  }
  return hours;
}

/**
 * The addresses Headway can sign up, invite and send to: ASCII, as the API's email check accepts
 * them (dot-separated local atoms not ending in an apostrophe, a dotted host with a letter-only
 * top-level domain), at most 200 characters. A cell like "zoë@example.com" is read as a name, so
 * the import proposes no invitation the API would refuse.
 */
const EMAIL = /^[\w'+-]+(?:\.[\w'+-]+)*@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const EMAIL_MAX = 200;

/** Whether a text is an email address Headway can use. */
export function isEmailLike(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= EMAIL_MAX && !trimmed.includes("'@") && EMAIL.test(trimmed);
}

/**
 * Reads a person cell: an email, a display name, or "Name <email>".
 * @returns the person, or null for an empty cell
 */
export function parsePerson(text: string): SourcePerson | null {
  const trimmed = text.trim();
  if (trimmed === '' || /^(unassigned|none|-)$/i.test(trimmed)) return null;
  const angled = /^(.*?)\s*<([^<>]+)>$/.exec(trimmed);
  if (angled && isEmailLike(angled[2] ?? '')) {
    return { name: (angled[1] ?? '').trim() || null, email: (angled[2] ?? '').trim().toLowerCase() };
  }
  if (isEmailLike(trimmed)) return { name: null, email: trimmed.toLowerCase() };
  return { name: trimmed, email: null };
}

/** A reader for the dates of one file, with the problems met while setting it up. */
export interface DateReader {
  read: (value: string, row: number, column: string) => string | null;
  problems: ImportProblem[];
  assumptions: string[];
}

/**
 * Builds the date reader of a file: ISO 8601 when every value is ISO, otherwise the given format
 * or the one detected from all values. Ambiguous files give an error and read no dates.
 * @param values every non-empty date cell of the file
 * @param options the user's date format and time zone, if any
 */
export function createDateReader(values: readonly string[], options: ParseOptions): DateReader {
  const problems: ImportProblem[] = [];
  const assumptions: string[] = [];
  const offset = options.timeZoneOffsetMinutes ?? 0;
  let pattern: DatePattern | null = null;
  let readNothing = false;
  if (options.dateFormat) {
    const compiled = compileDatePattern(options.dateFormat);
    if (compiled.ok) pattern = compiled.pattern;
    else {
      readNothing = true;
      problems.push({
        row: null,
        column: null,
        message: `date format ${compiled.message}`,
        why: 'no date can be read until the format is right: pass --date-format with tokens such as DD/MMM/YY h:mm A',
        severity: 'error',
      });
    }
  } else {
    const detection = detectDateFormat(values);
    if (detection.kind === 'found') {
      pattern = detection.pattern;
      assumptions.push(
        `Dates read as ${detection.pattern.format} (the only format that fits every date in the file).`,
      );
    } else if (detection.kind === 'ambiguous') {
      readNothing = true;
      problems.push({
        row: null,
        column: null,
        message: `dates such as "${detection.example}" can be read day-first or month-first (${detection.formats.join(' or ')})`,
        why: 'guessing could move every date by months: say which with --date-format (for example --date-format "DD/MM/YYYY H:mm")',
        severity: 'error',
        dateFormats: detection.formats,
      });
    } else if (detection.kind === 'unknown') {
      pattern = detection.best;
      if (!pattern) {
        readNothing = true;
        problems.push({
          row: null,
          column: null,
          message: `no known date format reads dates such as "${detection.examples.join('", "')}"`,
          why: 'without dates there is no history: pass --date-format with tokens such as DD/MMM/YY h:mm A',
          severity: 'error',
        });
      } else {
        assumptions.push(
          `Dates read as ${pattern.format}, the format that fits the most dates; the others are listed as problems.`,
        );
      }
    }
  }
  const hasLocalTimes =
    pattern !== null ||
    values.some((v) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v.trim()));
  if (hasLocalTimes && !readNothing) {
    assumptions.push(
      offset === 0
        ? 'Times without a zone are read as UTC (set timeZone in the mapping if the export used local time).'
        : `Times without a zone are read at UTC${offset > 0 ? '+' : '-'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}.`,
    );
  }
  const read = (value: string, row: number, column: string): string | null => {
    const trimmed = value.trim();
    if (trimmed === '' || readNothing) return null;
    const parsed =
      parseIsoTimestamp(trimmed, offset) ?? (pattern ? parseDateWith(pattern, trimmed, offset) : null);
    if (parsed === null) {
      problems.push({
        row,
        column,
        message: `"${trimmed.slice(0, 60)}" is not a date${pattern ? ` in the format ${pattern.format}` : ''}`,
        why: 'the item is imported without this date, so its history misses this step',
        severity: 'warning',
      });
    }
    return parsed;
  };
  return { read, problems, assumptions };
}
