import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertJiraWikiToMarkdown as md } from './jira-wiki';

describe('Jira wiki markup to Markdown', () => {
  it('should escape a "!" that meets a "[" only once link text and the rest of the line are joined', () => {
    expect(md('[![]')).toBe('\\![');
    expect(md('[x!][y|https://a.example]')).toBe('x\\![y](<https://a.example>)');
  });

  it('should keep a backtick literal, as Jira shows it, so it never opens a code span', () => {
    expect(md('a `b` c')).toBe('a \\`b\\` c');
    // Read as code, "!`a`[" would put the "!" next to the "[" once the span is read away.
    expect(md('!`a`[')).toBe('!\\`a\\`[');
    expect(md('{{x`y}}')).toBe('``x`y``');
  });

  it('should convert headings, bold, italic, strikethrough and monospace', () => {
    expect(md('h1. Title')).toBe('# Title');
    expect(md('h3. Smaller')).toBe('### Smaller');
    expect(md('a *bold* and _italic_ and -gone- and {{code}}')).toBe(
      'a **bold** and *italic* and ~~gone~~ and `code`',
    );
  });

  it('should not run marks across words or inside identifiers', () => {
    expect(md('*one* and *two*')).toBe('**one** and **two**');
    expect(md('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
    expect(md('a-b-c stays')).toBe('a-b-c stays');
  });

  it('should convert nested bulleted and numbered lists', () => {
    expect(md('* one\n** two\n# first\n## inner')).toBe('- one\n   - two\n1. first\n   1. inner');
  });

  it('should keep code blocks verbatim, with a fence longer than any inside', () => {
    expect(md('{code:java}\nint *a* = 1; // <b>\n{code}')).toBe('```java\nint *a* = 1; // <b>\n```');
    expect(md('{noformat}\n```\n{noformat}')).toBe('````\n```\n````');
    expect(md('{code}x = 1{code}')).toBe('```\nx = 1\n```');
  });

  it('should keep only http, https and mailto links', () => {
    expect(md('[spec|https://example.com/a]')).toBe('[spec](<https://example.com/a>)');
    expect(md('[mail|mailto:a@example.com]')).toBe('[mail](<mailto:a@example.com>)');
    expect(md('[click|javascript:alert(1)]')).toBe('click (javascript:alert(1))');
    expect(md('[data:text/html,<script>]')).toBe('data:text/html,\\<script\\>');
    expect(md('[~jsmith] and [^file.pdf]')).toBe('@jsmith and attachment file.pdf');
  });

  it('should turn images into links so that viewing fetches nothing', () => {
    expect(md('!https://evil.example.com/track.png!')).toBe(
      '[image: https://evil.example.com/track.png](<https://evil.example.com/track.png>)',
    );
    expect(md('!screenshot.png|thumbnail!')).toBe('[image: screenshot.png]');
  });

  it('should not let a literal ! turn a link into an image', () => {
    expect(md('![x|https://a.example/b.png]')).toBe('\\![x](<https://a.example/b.png>)');
  });

  it('should escape HTML outside code', () => {
    expect(md('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(md('<img src=x onerror=alert(1)>')).not.toMatch(/(^|[^\\])</);
  });

  it('should convert quotes, panels and tables', () => {
    expect(md('bq. quoted')).toBe('> quoted');
    expect(md('{quote}said{quote}')).toBe('> said');
    expect(md('||a||b||\n|1|2|')).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
    expect(md('{panel:title=Note}\ntext\n{panel}')).toBe('text');
  });

  it('should leave plain text alone and never fail on odd input', () => {
    expect(md('Just text, with commas.')).toBe('Just text, with commas.');
    for (const odd of ['{code', '[', '[|]', '!!', '*', '{{}}', '\uE0000\uE000', 'h9. x', '{quote}']) {
      expect(typeof md(odd)).toBe('string');
    }
  });

  it('should never embed an image or keep a link with another scheme, whatever the markup (property)', () => {
    const token = fc.constantFrom(
      '[',
      ']',
      '|',
      '!',
      '*',
      '_',
      '{code}',
      '{{',
      '}}',
      'javascript:x',
      'https://a.example/b.png',
      'data:x',
      '\n',
      ' ',
      'h1. ',
      '<',
      '>',
      '~',
      '^',
      'vbscript:y',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ maxLength: 4 })), { maxLength: 40 }), (parts) => {
        const out = md(parts.join(''));
        // Code is shown verbatim, so "![" inside a fence or a code span is text, not an image.
        const prose = out.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
        expect(prose).not.toMatch(/(^|[^\\])!\[/);
        for (const target of out.matchAll(/\]\(<([^>]*)>\)/g))
          expect(target[1]).toMatch(/^(https?:\/\/|mailto:)/i);
      }),
      { numRuns: 3000 },
    );
  });
});
