// @vitest-environment happy-dom
/**
 * The brief's Markdown and HTML digest carry the same lines, and hostile titles stay text in both:
 * the HTML is parsed as a browser parses it, the Markdown compiled with raw HTML and every
 * protocol allowed (the most permissive viewer), and both inspected for active content.
 */
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { inspectHtml, parseHtml } from '../../test/support/active-content';
import { HOSTILE_STRINGS } from '../../test/support/hostile-strings';
import { type Brief, buildBrief, renderBriefMarkdown } from '../domain/brief';
import { ref, week } from '../domain/brief/test-week';
import { renderBriefHtml } from './brief-html';

type ParsedDocument = ReturnType<typeof parseHtml>;

const ORIGIN = 'https://headway.example.com';
const compile = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });

/** The hand-built week with every title and free text replaced by `text`. */
function hostileBrief(text: string): Brief {
  const base = week();
  return buildBrief({
    ...base,
    person: { name: text },
    waiting: base.waiting.map((w) => ({ ...w, title: text, question: text })),
    decisions: base.decisions.map((d) => ({ ...d, summary: text, rationale: text, actorName: text })),
    milestones: base.milestones.map((m) => ({ ...m, title: text, itemsNow: [...m.itemsNow, ref(99, text)] })),
    slips: base.slips.map((s) => ({ ...s, title: text, reason: text, movedByName: text })),
    aging: base.aging.map((a) => ({ ...a, title: text, assigneeName: text })),
    estimates: base.estimates.map((e) => ({ ...e, title: text, basedOn: text })),
    lateMilestones: base.lateMilestones.map((m) => ({ ...m, title: text })),
    problems: base.problems.map((p) => ({ ...p, message: text })),
  });
}

/** Each list entry's text with its whitespace collapsed, section by section. */
function listEntries(doc: ParsedDocument): string[][] {
  const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  return Array.from(doc.querySelectorAll('h2')).map((h2) => {
    let list = h2.nextElementSibling;
    while (list && list.tagName !== 'UL' && list.tagName !== 'P' && list.tagName !== 'H2') {
      list = list.nextElementSibling;
    }
    if (list?.tagName !== 'UL') return [];
    return Array.from(list.querySelectorAll('li')).map((li) => collapse(li.textContent));
  });
}

/** What each section's lines read as: the line, then its detail. */
function expectedEntries(brief: Brief): string[][] {
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
  return brief.sections.map((s) => [
    ...s.lines.map((l) => collapse(l.detail ? `${l.text} ${l.detail}` : l.text)),
    ...(s.more > 0 ? [`${s.more} more`] : []),
  ]);
}

describe('the brief renderers', () => {
  const brief = buildBrief(week());

  it('should carry the same lines in Markdown and HTML, each linking to where to act', () => {
    const html = parseHtml(renderBriefHtml(brief, { origin: ORIGIN }));
    const markdown = parseHtml(compile(renderBriefMarkdown(brief, { origin: ORIGIN })));
    const expected = expectedEntries(brief);
    expect(expected.flat().length).toBeGreaterThan(7);
    expect(listEntries(html)).toEqual(expected);
    expect(listEntries(markdown)).toEqual(expected);
    const links = (doc: ParsedDocument) =>
      Array.from(doc.querySelectorAll('li > a')).map((a) => a.getAttribute('href'));
    const paths = brief.sections.flatMap((s) => s.lines.map((l) => `${ORIGIN}${l.href}`));
    expect(links(html)).toEqual(paths);
    expect(links(markdown)).toEqual(paths);
  });

  it('should say what an empty section says, in both formats', () => {
    const quiet = buildBrief(week({ waiting: [] }));
    expect(renderBriefMarkdown(quiet, { origin: null })).toContain('Nothing waits on your decision\\.');
    const html = parseHtml(renderBriefHtml(quiet, { origin: null }));
    expect(html.querySelector('p.empty')?.textContent).toBe('Nothing waits on your decision.');
  });

  it('should keep every hostile title as text in both formats, and show it as written in HTML', () => {
    // An HTML parser may read a carriage return as a line feed; nothing else may change.
    const lines = (entries: string[][]) => entries.map((s) => s.map((l) => l.replace(/\r\n?/g, '\n')));
    // Twenty strings a brief (a section's most lines), each the title of a waiting item and of a change.
    for (let start = 0; start < HOSTILE_STRINGS.length; start += 20) {
      const chunk = HOSTILE_STRINGS.slice(start, start + 20);
      const base = week();
      const hostile = buildBrief({
        ...base,
        person: { name: chunk[0]! },
        waiting: chunk.map((text, n) => ({
          ...ref(n + 1, text),
          kind: 'scope',
          since: base.since,
          question: text,
        })),
        decisions: chunk.map((text, n) => ({
          ...base.decisions[0]!,
          id: String(n),
          itemId: `i${n}`,
          summary: text,
          rationale: text,
          actorName: text,
        })),
      });
      const { problems, doc } = inspectHtml(renderBriefHtml(hostile, { origin: ORIGIN }));
      expect(problems, chunk.join('\n')).toEqual([]);
      expect(lines(listEntries(doc))).toEqual(lines(expectedEntries(hostile)));
      const markdown = compile(renderBriefMarkdown(hostile, { origin: ORIGIN }));
      expect(inspectHtml(markdown).problems, chunk.join('\n')).toEqual([]);
      expect(lines(listEntries(parseHtml(markdown)))).toEqual(lines(expectedEntries(hostile)));
    }
  });

  it('should keep the same lines when a title is hostile', () => {
    const hostile = hostileBrief('<img src=x onerror=alert(1)>');
    const expected = expectedEntries(hostile);
    expect(listEntries(parseHtml(renderBriefHtml(hostile, { origin: null })))).toEqual(expected);
    expect(listEntries(parseHtml(compile(renderBriefMarkdown(hostile, { origin: null }))))).toEqual(expected);
  });

  it('should leave a line without a link rather than link outside the app', () => {
    const odd = {
      ...brief,
      sections: [
        { ...brief.sections[0]!, lines: [{ ...brief.sections[0]!.lines[0]!, href: '//evil.example/x' }] },
      ],
    };
    expect(parseHtml(renderBriefHtml(odd, { origin: ORIGIN })).querySelector('li a')).toBeNull();
    expect(renderBriefMarkdown(odd, { origin: 'javascript:alert(1)' })).not.toMatch(/\]\(/);
  });
});
