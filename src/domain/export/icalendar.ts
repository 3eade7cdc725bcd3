/**
 * Milestones as an iCalendar feed (RFC 5545) that calendar apps can subscribe to: one all-day
 * event per milestone. Text is escaped as the RFC says (backslash, semicolon, comma, newline),
 * other control characters are dropped, and lines are folded at 75 octets without splitting a
 * UTF-8 character.
 */

/** One all-day event. */
export interface CalendarEvent {
  /** Stable across feeds so calendars update the event instead of adding a new one. */
  id: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  description?: string;
}

// Control characters other than the newline have no place in a calendar's text (RFC 5545 §3.3.11).
const isControl = (code: number) => code < 0x20 || code === 0x7f;

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeIcalText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('')
    .filter((char) => char === '\n' || !isControl(char.charCodeAt(0)))
    .join('')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF then one space, never inside a
 * UTF-8 character.
 */
export function foldIcalLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: string) => date.replace(/-/g, '');

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * Renders a calendar of all-day events.
 * @param options.name the calendar's name; options.events the milestones; options.stamp the
 *   time the feed was made (ISO 8601); options.uidDomain makes event UIDs globally unique
 * @returns iCalendar text with CRLF line ends
 */
export function renderIcalendar(options: {
  name: string;
  events: readonly CalendarEvent[];
  stamp: string;
  uidDomain: string;
}): string {
  const stamp = `${options.stamp.slice(0, 19).replace(/[-:]/g, '')}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Headway//Milestones//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcalText(options.name)}`,
  ];
  for (const event of options.events) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(event.date)) continue;
    const uid = `${event.id.replace(/[^A-Za-z0-9._-]/g, '-')}@${options.uidDomain.replace(/[^A-Za-z0-9.-]/g, '-')}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(event.date))}`,
      `SUMMARY:${escapeIcalText(event.title)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeIcalText(event.description)}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcalLine).join('\r\n')}\r\n`;
}
