/**
 * Structural checks of rendered output against hostile text, without a browser: HTML is parsed
 * with happy-dom and every element and attribute a browser could act on is inspected; CSV is read
 * back with papaparse; iCalendar is unfolded and its property lines listed.
 */
import { Window } from 'happy-dom';
import Papa from 'papaparse';

/** Elements Headway's own templates and Markdown renderers write; anything else came from data. */
const TEMPLATE_TAGS = new Set([
  'html',
  'head',
  'body',
  'meta',
  'title',
  'style',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'div',
  'span',
  'section',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'blockquote',
  'hr',
  'br',
  'sup',
]);

/** Attributes whose value a browser loads or navigates to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'ping',
  'srcset',
  'srcdoc',
]);

/** Schemes a rendered link may carry (relative links resolve to the page's own https:). */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

const window = new Window();

export interface ActiveContentOptions {
  /** Elements this renderer writes beyond the common set (`img` for Markdown images, `input` for task lists). */
  extraTags?: readonly string[];
  /** A style attribute the template writes itself (e.g. a bar's width); any other is reported. */
  styleAttribute?: RegExp;
}

/** Whether a browser would navigate to or load something other than http(s) or mailto. */
function isUnsafeUrl(value: string): boolean {
  try {
    // The WHATWG parser drops the same tabs, newlines and leading controls a browser drops.
    return !SAFE_SCHEMES.has(new URL(value, 'https://headway.invalid/').protocol);
  } catch {
    return false; // a URL no browser can parse is not followed
  }
}

/**
 * Lists what a browser would find active in this HTML: elements the template does not write,
 * event-handler attributes, links and sources with unsafe schemes, foreign style attributes and
 * style sheets outside the head.
 * @returns one line per problem; empty when the HTML is inert
 */
export function findActiveContent(html: string, options: ActiveContentOptions = {}): string[] {
  return inspectHtml(html, options).problems;
}

/** Parses HTML as a browser does (happy-dom). */
export const parseHtml = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');

/**
 * Parses the HTML and lists its active content (see findActiveContent).
 * @returns the problems, and the parsed document for further checks
 */
export function inspectHtml(html: string, options: ActiveContentOptions = {}) {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('raw <script');
  const allowed = new Set([...TEMPLATE_TAGS, ...(options.extraTags ?? [])]);
  const doc = parseHtml(html);
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (!allowed.has(tag)) problems.push(`<${tag}> element`);
    if (tag === 'meta' && el.hasAttribute('http-equiv')) problems.push('<meta http-equiv>');
    if (tag === 'style' && el.parentElement?.tagName.toLowerCase() !== 'head')
      problems.push('<style> in body');
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value ?? '';
      if (name.startsWith('on')) problems.push(`${name}= on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && isUnsafeUrl(value)) problems.push(`${name}="${value}"`);
      if (name === 'style' && !options.styleAttribute?.test(value)) problems.push(`style="${value}"`);
    }
  }
  return { problems, doc };
}

/** Text a spreadsheet would evaluate: it starts with =, +, -, @, a tab or a carriage return. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Reads CSV back as a spreadsheet would split it into cells.
 * @returns the rows, the header first
 */
export function readCsv(csv: string): string[][] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`unreadable CSV: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

/** What a safe CSV cell holding `text` reads back as: the text, with `'` before a formula. */
export const neutralisedCell = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/**
 * The content lines of an iCalendar text, unfolded (RFC 5545 §3.1).
 * @returns each logical line; throws when a line ends in anything but CRLF or is longer than 75 octets
 */
export function readIcalLines(text: string): string[] {
  if (!text.endsWith('\r\n')) throw new Error('iCalendar text must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (/[\r\n]/.test(line)) throw new Error(`bare line break in ${JSON.stringify(line)}`);
    if (new TextEncoder().encode(line).length > 75) throw new Error(`line over 75 octets: ${line}`);
  }
  return text
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
}

/** Reverses RFC 5545 TEXT escaping. */
export function unescapeIcalText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
