/**
 * Jira wiki markup → Markdown, for the common subset: headings, bold/italic/strikethrough,
 * monospace, lists (nested, numbered and bulleted), code and noformat blocks, quotes, tables,
 * links and mentions. What is not understood stays as text.
 *
 * Safety rules, because a description is untrusted: links keep their URL only for http, https
 * and mailto (anything else becomes plain text); images become links, never embedded, so that
 * viewing an item fetches nothing; `<` and `>` outside code are escaped so no HTML passes through.
 * The result still goes through the same Markdown renderer and sanitiser as comments.
 */

const SAFE_SCHEMES = /^(https?:\/\/|mailto:)/i;

/** Whether a link target may be kept as a link (http, https or mailto). */
export function isSafeLinkTarget(url: string): boolean {
  return SAFE_SCHEMES.test(url.trim()) && !/[\s<>"`]/.test(url.trim());
}

// Markdown characters that would change meaning inside link text.
const escapeLinkText = (text: string) => text.replace(/([[\]\\])/g, '\\$1');
const escapeHtml = (text: string) => text.replace(/</g, '\\<').replace(/>/g, '\\>');

/** A code span whose fence cannot be closed by the content. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function renderLink(inner: string): string {
  // [text|target], [target], [~user], [^attachment], [#anchor]
  const bar = inner.indexOf('|');
  const text = bar >= 0 ? inner.slice(0, bar).trim() : '';
  const target = (bar >= 0 ? inner.slice(bar + 1) : inner).trim();
  if (target.startsWith('~')) return `@${escapeHtml(target.slice(1))}`;
  if (target.startsWith('^')) return escapeHtml(text || `attachment ${target.slice(1)}`);
  if (target.startsWith('#')) return escapeHtml(text || target.slice(1));
  if (isSafeLinkTarget(target)) {
    const label = escapeLinkText(escapeHtml(text || target));
    return `[${label}](<${target}>)`;
  }
  // Not a link we keep (another scheme, or a bare word): the reader still sees what was written.
  return escapeHtml(text ? `${text} (${target})` : target);
}

function renderImage(inner: string): string {
  const [target = ''] = inner.split('|');
  const name = target.trim();
  if (isSafeLinkTarget(name)) return `[image: ${escapeLinkText(escapeHtml(name))}](<${name}>)`;
  return `[image: ${escapeHtml(name)}]`;
}

/**
 * Inline marks and their Markdown. A mark opens after a line start, space or opening bracket and
 * closes before space or punctuation; the content starts and ends with a non-space and does not
 * contain the mark (no greedy runs across several marked words).
 */
const INLINE_MARKS: readonly [string, RegExp, string][] = (
  [
    ['*', '**'],
    ['_', '*'],
    ['-', '~~'],
    ['??', '*'],
    ['+', ''],
    ['^', ''],
    ['~', ''],
  ] as const
).map(([mark, replacement]) => {
  const m = mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `(^|[\\s(\\[{>])${m}(?=\\S)((?:(?!${m}).)*?\\S)${m}(?=$|[\\s).,:;!?'"\\]}<-])`,
    'g',
  );
  return [mark, pattern, replacement];
});

/** Converts inline markup of one line (no block structure). */
function convertInline(line: string): string {
  // Most lines of a description are plain prose: skip the work when nothing could be markup.
  if (!/[*_\-?+^~{}[\]!\\<>`]/.test(line)) return line;
  const stash: string[] = [];
  const keep = (rendered: string) => {
    stash.push(rendered);
    return `\uE000${stash.length - 1}\uE000`;
  };
  let text = line;
  if (text.includes('{{'))
    text = text.replace(/\{\{(.+?)\}\}/g, (_all, code: string) => keep(codeSpan(code)));
  if (text.includes('['))
    text = text.replace(/\[([^\]\n]+)\]/g, (_all, inner: string) => keep(renderLink(inner)));
  if (text.includes('!')) {
    text = text.replace(/!([^!\s][^!\n]*?)!/g, (all, inner: string) =>
      /\.\w{2,5}(\||$)|^https?:/i.test(inner) ? keep(renderImage(inner)) : all,
    );
  }
  if (text.includes('{color')) text = text.replace(/\{color(?::[^}]*)?\}/g, '');
  if (text.includes('\\\\')) text = text.replace(/\\\\/g, '  \n');
  // A backtick is a literal character in Jira, not code: kept as one, it never opens a code span.
  text = escapeHtml(text).replace(/`/g, '\\`');
  for (const [mark, pattern, replacement] of INLINE_MARKS) {
    if (!text.includes(mark)) continue;
    text = text.replace(
      pattern,
      (_all, before: string, content: string) => `${before}${replacement}${content}${replacement}`,
    );
  }
  if (stash.length > 0) {
    // Code spans go back last: what they show is verbatim and needs no escaping.
    const code = new Map<number, string>();
    text = text.replace(/\uE000(\d+)\uE000/g, (_all, index: string) => {
      const kept = stash[Number(index)] ?? '';
      if (!kept.startsWith('`')) return kept;
      code.set(code.size, kept);
      return `\uE000${code.size - 1}\uE000`;
    });
    text = escapeImageMarks(text);
    return text.replace(/\uE000(\d+)\uE000/g, (_all, index: string) => code.get(Number(index)) ?? '');
  }
  return escapeImageMarks(text);
}

/**
 * A literal "!" right before "[" (or a code placeholder) would start a Markdown image that loads
 * when viewed, even when the "!" and the "[" came from different pieces of the line: escape it.
 */
function escapeImageMarks(text: string): string {
  return text.replace(/(^|[^\\])!(?=\[|\uE000)/g, '$1\\!');
}

function fenceFor(content: string): string {
  const longest = Math.max(2, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

function convertTableRow(line: string, header: boolean): string[] {
  const separator = header ? '||' : '|';
  const body = line.trim().replace(header ? /^\|\||\|\|$/g : /^\||\|$/g, '');
  const cells = body.split(separator).map((cell) => convertInline(cell.trim()).replace(/\|/g, '\\|'));
  const out = [`| ${cells.join(' | ')} |`];
  if (header) out.push(`|${cells.map(() => ' --- ').join('|')}|`);
  return out;
}

/**
 * Converts Jira wiki markup to Markdown.
 * @param markup a Jira description or comment
 * @returns Markdown with only http(s)/mailto links, no images embedded and no raw HTML
 */
export function convertJiraWikiToMarkdown(markup: string): string {
  // U+E000 (private use) marks placeholders in convertInline; it is removed from the input.
  const lines = markup
    .replace(/\uE000/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const out: string[] = [];
  let inTable = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const block = /^\s*\{(code|noformat)(?::([^}]*))?\}(.*)$/.exec(line);
    if (block) {
      // Everything up to the closing tag is verbatim: no markup, no escaping.
      const kind = block[1] ?? 'code';
      const language = kind === 'code' ? ((block[2] ?? '').split('|')[0] ?? '').replace(/[^\w+#-]/g, '') : '';
      const content: string[] = [];
      let rest = block[3] ?? '';
      const closing = `{${kind}}`;
      let closed = false;
      while (!closed) {
        const end = rest.indexOf(closing);
        if (end >= 0) {
          if (rest.slice(0, end) !== '') content.push(rest.slice(0, end));
          closed = true;
          const after = rest.slice(end + closing.length);
          if (after.trim() !== '') lines.splice(index + 1, 0, after);
        } else {
          if (content.length > 0 || rest !== '') content.push(rest);
          index += 1;
          if (index >= lines.length) break;
          rest = lines[index] ?? '';
        }
      }
      const body = content.join('\n');
      const fence = fenceFor(body);
      out.push(`${fence}${language}`, body, fence);
      inTable = false;
      continue;
    }
    if (/^\s*\{quote\}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    const quote = /^\s*\{quote\}(.*?)(\{quote\})?\s*$/.exec(line);
    if (quote) {
      out.push(`> ${convertInline(quote[1] ?? '')}`);
      continue;
    }
    const panel = /^\s*\{panel(?::[^}]*)?\}\s*$/.test(line);
    if (panel) continue;
    const heading = /^\s*h([1-6])\.\s*(.*)$/.exec(line);
    if (heading) {
      out.push(`${'#'.repeat(Number(heading[1]))} ${convertInline(heading[2] ?? '')}`);
      inTable = false;
      continue;
    }
    const bq = /^\s*bq\.\s+(.*)$/.exec(line);
    if (bq) {
      out.push(`> ${convertInline(bq[1] ?? '')}`);
      continue;
    }
    const list = /^\s*([*#-]+)\s+(.*)$/.exec(line);
    if (list && !(list[1] === '-' && /^-+$/.test(line.trim()))) {
      const marks = list[1] ?? '*';
      const depth = marks.length - 1;
      const bullet = marks.endsWith('#') ? '1.' : '-';
      out.push(`${'   '.repeat(depth)}${bullet} ${convertInline(list[2] ?? '')}`);
      continue;
    }
    if (/^\s*\|\|/.test(line)) {
      out.push(...convertTableRow(line, true));
      inTable = true;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      if (!inTable) {
        const width = line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|').length;
        out.push(`|${' |'.repeat(width)}`, `|${' --- |'.repeat(width)}`);
        inTable = true;
      }
      out.push(...convertTableRow(line, false));
      continue;
    }
    if (/^\s*----\s*$/.test(line)) {
      out.push('---');
      continue;
    }
    inTable = false;
    out.push(convertInline(line.replace(/\{quote\}/g, '').replace(/\{panel(?::[^}]*)?\}/g, '')));
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
