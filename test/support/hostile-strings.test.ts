/**
 * The shared hostile strings and the checks that use them: the list is what it says, and the
 * checks do report hostile markup when it is not escaped (a check that never fails proves nothing).
 */
import { describe, expect, it } from 'vitest';
import { findActiveContent, readCsv, readIcalLines } from './active-content';
import { HOSTILE_SINK, HOSTILE_STRINGS, STORABLE_HOSTILE_STRINGS } from './hostile-strings';

describe('HOSTILE_STRINGS', () => {
  it('should hold at least 150 distinct strings that fit a 100-character name and survive trimming', () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(HOSTILE_STRINGS).size).toBe(HOSTILE_STRINGS.length);
    for (const text of HOSTILE_STRINGS) {
      expect(text.length, text).toBeLessThanOrEqual(100);
      expect(text.trim(), text).not.toBe('');
      expect(text.includes('\u0000'), text).toBe(false);
    }
  });

  it('should number every sink call with the position of its string', () => {
    HOSTILE_STRINGS.forEach((text, index) => {
      const calls = [...text.matchAll(new RegExp(`${HOSTILE_SINK}\\D{0,4}(\\d+)`, 'g'))].map((m) => m[1]);
      for (const n of calls) expect(n, text).toBe(String(index + 1));
    });
    const withSink = HOSTILE_STRINGS.filter((text) => text.includes(HOSTILE_SINK));
    expect(withSink.length).toBeGreaterThanOrEqual(150);
  });

  it('should leave out of the storable strings only those with a lone surrogate', () => {
    const left = HOSTILE_STRINGS.filter((text) => !STORABLE_HOSTILE_STRINGS.includes(text));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\uD800<script>/);
    expect(STORABLE_HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(150);
  });
});

describe('the structural checks', () => {
  it('should find active content in most hostile strings taken as raw HTML', () => {
    const flagged = HOSTILE_STRINGS.filter((text) => findActiveContent(text).length > 0);
    expect(flagged.length).toBeGreaterThan(120);
  });

  it('should accept the markup templates write', () => {
    expect(
      findActiveContent(
        '<p>a <a href="https://x.example/">b</a> <a href="#finding-x">c</a> <a href="mailto:a@x.example">d</a></p>',
      ),
    ).toEqual([]);
  });

  it('should report unsafe links in every encoding a browser decodes', () => {
    for (const href of [
      'javascript:x()',
      ' JavaScript:x()',
      'java\tscript:x()',
      'data:text/html,x',
      'vbscript:x',
    ])
      expect(findActiveContent(`<a href="${href}">x</a>`), href).not.toEqual([]);
    expect(findActiveContent('<a href="&#106;avascript:x()">x</a>')).not.toEqual([]);
  });

  it('should refuse an iCalendar text with a bare line break or an overlong line', () => {
    expect(() => readIcalLines('BEGIN:VCALENDAR\r\nSUMMARY:a\nB\r\n')).toThrow(/bare line break/);
    expect(() => readIcalLines(`SUMMARY:${'x'.repeat(80)}\r\n`)).toThrow(/75 octets/);
  });

  it('should read CSV cells back as a spreadsheet splits them', () => {
    expect(readCsv('\uFEFFa,"b,c"\r\n"=1","x\r\ny"\r\n')).toEqual([
      ['a', 'b,c'],
      ['=1', 'x\r\ny'],
    ]);
  });
});
