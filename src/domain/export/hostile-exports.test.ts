/**
 * The exports against the shared hostile strings, each string in every text field: the backlog
 * CSV reads back cell for cell with formulas neutralised, the Markdown roadmap compiles (raw HTML
 * and every protocol allowed) to inert HTML with its table shape intact, and the calendar keeps
 * one property per line with nothing injected.
 */
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import {
  findActiveContent,
  neutralisedCell,
  readCsv,
  readIcalLines,
  unescapeIcalText,
} from '../../../test/support/active-content';
import { HOSTILE_STRINGS } from '../../../test/support/hostile-strings';
import { type BacklogCsvItem, renderBacklogCsv } from './backlog-csv';
import { renderIcalendar } from './icalendar';
import { type MarkdownRoadmapItem, renderMarkdownRoadmap } from './markdown-roadmap';

describe('backlog CSV with hostile text', () => {
  it('should read back every text cell as written, with formulas neutralised', () => {
    const items: BacklogCsvItem[] = HOSTILE_STRINGS.map((text, index) => ({
      number: index + 1,
      title: text,
      type: text,
      state: text,
      parentNumber: null,
      labels: [text],
      assignee: text,
      estimate: { optimistic: -1, likely: 2, pessimistic: 3 },
      storyPoints: 3,
      targetDate: text,
      createdAt: text,
      completedAt: text,
    }));
    const rows = readCsv(renderBacklogCsv(items));
    expect(rows).toHaveLength(items.length + 1);
    HOSTILE_STRINGS.forEach((text, index) => {
      const cell = neutralisedCell(text);
      expect(rows[index + 1], text).toEqual([
        String(index + 1),
        String(index + 1),
        cell,
        cell,
        cell,
        '',
        cell,
        cell,
        '-1',
        '2',
        '3',
        '3',
        cell,
        cell,
        cell,
      ]);
    });
  });
});

/** The cells of a Markdown table row: pipes a backslash escapes do not count. */
function tableCells(line: string): number {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes++;
  }
  return pipes - 1;
}

const compile = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });

describe('Markdown roadmap with hostile text', () => {
  const roadmapOf = (workspaceName: string, texts: readonly string[]) =>
    renderMarkdownRoadmap({
      workspaceName,
      startDate: '2030-01-07',
      endDate: '2030-03-01',
      milestones: texts.map((title, i) => ({
        id: `m${i}`,
        title,
        targetDate: '2030-02-01',
        date: '2030-02-04',
        slipDays: 3,
      })),
      items: texts.map(
        (text, i): MarkdownRoadmapItem => ({
          number: i + 1,
          title: text,
          type: text,
          personName: text,
          start: '2030-01-07',
          finish: '2030-01-09',
          bucket: (['now', 'next', 'later'] as const)[i % 3] ?? 'now',
          milestoneId: `m${i}`,
          critical: i % 2 === 0,
        }),
      ),
    });

  it('should keep every hostile string in every field as text with the table shape intact', () => {
    const markdown = roadmapOf('Acme', HOSTILE_STRINGS);
    expect(findActiveContent(compile(markdown))).toEqual([]);
    const lines = markdown.split('\n');
    // The title, three bucket headings and the milestones heading; nothing from the data.
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([
      '# Roadmap: Acme',
      '## Milestones',
      '## Now',
      '## Next',
      '## Later',
    ]);
    // A header and a rule per table, then a row per milestone or item: 4 cells for milestones, 7 for items.
    let cells = 0;
    let rows = 0;
    for (const line of lines) {
      if (line.startsWith('## ')) cells = line === '## Milestones' ? 4 : 7;
      if (!line.startsWith('|')) continue;
      rows++;
      expect(tableCells(line), line).toBe(cells);
    }
    expect(rows).toBe(4 * 2 + HOSTILE_STRINGS.length * 2);
  });

  it('should keep a hostile workspace name inside the title line', () => {
    for (const text of HOSTILE_STRINGS) {
      const markdown = roadmapOf(text, []);
      expect(findActiveContent(compile(markdown)), text).toEqual([]);
      expect(
        markdown.split('\n').filter((l) => l.startsWith('#')),
        text,
      ).toHaveLength(1);
    }
  });
});

describe('iCalendar milestones with hostile text', () => {
  const PROPERTIES = new Set([
    'BEGIN',
    'END',
    'VERSION',
    'PRODID',
    'CALSCALE',
    'METHOD',
    'X-WR-CALNAME',
    'UID',
    'DTSTAMP',
    'DTSTART',
    'DTEND',
    'SUMMARY',
    'DESCRIPTION',
    'TRANSP',
  ]);
  // Text keeps its line breaks (escaped) and loses other control characters.
  const asStored = (text: string) =>
    [...text.replace(/\r\n?/g, '\n')]
      .filter((c) => c === '\n' || (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f))
      .join('');

  it('should put every hostile title and description on its own property line, escaped', () => {
    const text = renderIcalendar({
      name: 'Acme',
      stamp: '2030-01-02T03:04:05.000Z',
      uidDomain: 'headway.example',
      events: HOSTILE_STRINGS.map((s, i) => ({
        id: s,
        title: s,
        description: s,
        date: `2030-01-${String((i % 28) + 1).padStart(2, '0')}`,
      })),
    });
    const lines = readIcalLines(text);
    for (const line of lines) {
      const name = /^([A-Z-]+)[;:]/.exec(line)?.[1];
      expect(name && PROPERTIES.has(name), line).toBe(true);
    }
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(HOSTILE_STRINGS.length);
    expect(lines.filter((l) => l === 'END:VCALENDAR')).toHaveLength(1);
    const values = (property: string) =>
      lines
        .filter((l) => l.startsWith(`${property}:`))
        .map((l) => unescapeIcalText(l.slice(property.length + 1)));
    expect(values('SUMMARY')).toEqual(HOSTILE_STRINGS.map(asStored));
    expect(values('DESCRIPTION')).toEqual(HOSTILE_STRINGS.map(asStored));
    for (const uid of values('UID')) expect(uid).toMatch(/^[A-Za-z0-9._-]+@headway\.example$/);
  });

  it('should keep a hostile calendar name and UID domain on their own lines', () => {
    for (const s of HOSTILE_STRINGS) {
      const lines = readIcalLines(
        renderIcalendar({
          name: s,
          stamp: '2030-01-02T03:04:05Z',
          uidDomain: s,
          events: [{ id: s, title: 'x', date: '2030-01-01' }],
        }),
      );
      expect(
        lines.filter((l) => l.startsWith('X-WR-CALNAME:')).map((l) => unescapeIcalText(l.slice(13))),
        s,
      ).toEqual([asStored(s)]);
      expect(
        lines.filter((l) => l.startsWith('UID:')),
        s,
      ).toHaveLength(1);
      expect(lines, s).toHaveLength(15);
    }
  });
});
