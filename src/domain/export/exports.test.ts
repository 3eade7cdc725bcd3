import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBacklogCsv } from './backlog-csv';
import { neutraliseFormula, renderCsv } from './csv';
import { escapeIcalText, foldIcalLine, renderIcalendar } from './icalendar';
import { escapeMarkdown, renderMarkdownRoadmap } from './markdown-roadmap';

describe('CSV formula neutralising', () => {
  it('should prefix every cell a spreadsheet would evaluate, and nothing else', () => {
    for (const danger of [
      '=1+1',
      '+1',
      '-1+2',
      '@SUM(A1)',
      '\t=x',
      '\r=x',
      '=HYPERLINK("http://x")\nsecond line',
    ]) {
      expect(neutraliseFormula(danger)).toBe(`'${danger}`);
    }
    for (const safe of ['plain', ' =spaced', '1-2', 'a=b', '']) expect(neutraliseFormula(safe)).toBe(safe);
  });

  it('should write numbers as numbers, so a real negative stays a number', () => {
    expect(renderCsv([[-3, 'x', null, true]], { bom: false })).toBe('-3,x,,true\r\n');
  });

  it('should quote commas, quotes and newlines', () => {
    expect(renderCsv([['a,b', 'say "hi"', 'two\nlines']], { bom: false })).toBe(
      '"a,b","say ""hi""","two\nlines"\r\n',
    );
  });

  it('should neutralise every text cell of a backlog export', () => {
    const csv = renderBacklogCsv([
      {
        number: 1,
        title: '=cmd|"/c calc"!A1',
        type: 'task',
        state: 'new',
        parentNumber: null,
        labels: ['@ops'],
        assignee: '+Ann',
        estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
        storyPoints: 3,
        targetDate: null,
        createdAt: '2025-01-01T00:00:00.000Z',
        completedAt: null,
      },
    ]);
    expect(csv.startsWith('\uFEFFPosition,Number,Title')).toBe(true);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).toContain("'@ops");
    expect(csv).toContain("'+Ann");
  });

  it('should never leave a text cell that starts a formula (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(/^[=+\-@\t\r]/.test(neutraliseFormula(text))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Markdown roadmap', () => {
  it('should escape every markup, link and HTML character from the data', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript\\:alert\\(1\\)\\)');
    expect(escapeMarkdown('a | b\nc')).toBe('a \\| b c');
  });

  it('should render milestones and the now / next / later buckets', () => {
    const text = renderMarkdownRoadmap({
      workspaceName: 'Acme <b>',
      startDate: '2025-01-06',
      endDate: '2025-03-01',
      milestones: [{ id: 'm1', title: 'Beta', targetDate: '2025-02-01', date: '2025-02-04', slipDays: 3 }],
      items: [
        {
          number: 7,
          title: 'Login *now*',
          type: 'feature',
          personName: 'Ana',
          start: '2025-01-06',
          finish: '2025-01-10',
          bucket: 'now',
          milestoneId: 'm1',
          critical: true,
        },
        {
          number: 9,
          title: 'Later thing',
          type: 'task',
          personName: null,
          start: '2025-02-10',
          finish: '2025-02-12',
          bucket: 'later',
          milestoneId: null,
          critical: false,
        },
      ],
    });
    expect(text).toContain('# Roadmap: Acme \\<b\\>');
    expect(text).toContain('| Beta | 2025-02-01 | 2025-02-04 | 3 days late |');
    expect(text).toContain(
      '| 7 | Login \\*now\\* (critical chain) | feature | Ana | 2025-01-06 | 2025-01-10 | Beta |',
    );
    expect(text).toContain('## Later');
    expect(text).not.toContain('## Next');
    expect(text).toContain('nobody yet');
  });

  it('should never let data open an HTML tag or a link (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/(^|[^\\])(\\\\)*[<[]/);
        expect(escaped).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('iCalendar milestones', () => {
  it('should escape text as RFC 5545 says', () => {
    expect(escapeIcalText('a,b;c\\d\ne\r\nf\u0007')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('should fold long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'ü'.repeat(60)}`;
    const folded = foldIcalLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('should render one all-day event per milestone with a stable UID', () => {
    const text = renderIcalendar({
      name: 'Acme, milestones',
      stamp: '2025-01-02T03:04:05.000Z',
      uidDomain: 'headway.example',
      events: [
        {
          id: 'ms-1',
          title: 'Beta; public',
          date: '2025-02-28',
          description: 'Target 2025-02-28\nPlanned 2025-03-03',
        },
        { id: 'bad', title: 'no date', date: 'soon' },
      ],
    });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines).toContain('X-WR-CALNAME:Acme\\, milestones');
    expect(lines).toContain('UID:ms-1@headway.example');
    expect(lines).toContain('DTSTAMP:20250102T030405Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20250228');
    expect(lines).toContain('DTEND;VALUE=DATE:20250301');
    expect(lines).toContain('SUMMARY:Beta\\; public');
    expect(lines).toContain('DESCRIPTION:Target 2025-02-28\\nPlanned 2025-03-03');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('should keep every line within 75 octets and never end a value early (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (title) => {
        const text = renderIcalendar({
          name: 'n',
          stamp: '2025-01-01T00:00:00Z',
          uidDomain: 'x',
          events: [{ id: '1', title, date: '2025-01-01' }],
        });
        for (const line of text.split('\r\n'))
          expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        const unfolded = text.replace(/\r\n /g, '');
        expect(unfolded.split('\r\n').filter((l) => l.startsWith('SUMMARY:'))).toEqual([
          `SUMMARY:${escapeIcalText(title)}`,
        ]);
      }),
      { numRuns: 1000 },
    );
  });
});
