/**
 * The brief as Markdown, to paste into a wiki or a message. Every line's text goes through the
 * one Markdown escaper (escapeMarkdown), so a title such as `<img onerror=…>` or `[x](javascript:…)`
 * stays text; links are the brief's own app paths (see resolveBriefLink), written in angle brackets.
 */
import { escapeMarkdown } from '../export';
import { resolveBriefLink } from './links';
import type { Brief, BriefLine } from './types';

/** A link target for Markdown: angle brackets keep it one token; nothing in it can close them. */
function target(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

function renderLine(line: BriefLine, origin: string | null): string[] {
  const url = resolveBriefLink(line.href, origin);
  const text = escapeMarkdown(line.text);
  const out = [`- ${url ? `[${text}](${target(url)})` : text}`];
  if (line.detail) out.push(`  ${escapeMarkdown(line.detail)}`);
  return out;
}

/**
 * Renders the brief as Markdown: a title, then each section with its lines (or what it says when
 * it has none), each line a link to where it can be acted on.
 * @param brief the brief
 * @param options.origin the server's origin, for absolute links (null: app paths)
 * @returns the Markdown text
 */
export function renderBriefMarkdown(brief: Brief, options: { origin: string | null }): string {
  const lines = [
    `# Weekly brief for ${escapeMarkdown(brief.personName)}`,
    '',
    `From ${brief.since} to ${brief.today}.`,
  ];
  for (const section of brief.sections) {
    lines.push('', `## ${escapeMarkdown(section.title)}`, '');
    if (section.lines.length === 0) lines.push(escapeMarkdown(section.empty));
    for (const line of section.lines) lines.push(...renderLine(line, options.origin));
    if (section.more > 0) {
      const url = section.moreHref ? resolveBriefLink(section.moreHref, options.origin) : null;
      const more = `${section.more} more`;
      lines.push(`- ${url ? `[${more}](${target(url)})` : more}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
