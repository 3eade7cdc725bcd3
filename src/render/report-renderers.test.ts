// @vitest-environment happy-dom
/**
 * The assessment report renderers against hostile text: every value of a report (free text,
 * enum fields, numbers, URLs, answer keys) replaced by strings that try to become markup. The
 * HTML is parsed with a real parser and inspected; the Markdown is compiled with raw HTML and
 * every protocol allowed (the most permissive viewer) and inspected the same way.
 */
import fc from 'fast-check';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { type AssessmentReport, assessSetup, LINK_SCHEMES, renderMarkdown } from '../domain/assessment';
import { withAnswers } from '../domain/assessment/test-answers';
import { renderReportHtml } from './assessment-report-html';

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '</style><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  'x" style="background:url(javascript:alert(1))',
  'critical" onclick="alert(1)',
  'band-strong onclick=alert(1)',
  '100%;background:url(//evil.example)',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<base href="//evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href=//evil.example/x.css>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '[click](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '[x]: javascript:alert(1)',
  '`<script>alert(1)</script>`',
  '``` <script>alert(1)</script> ```',
  '\n# heading\n<script>alert(1)</script>',
  '| a | <script>alert(1)</script> |',
  '\u0000<script>alert(1)</script>',
  '\ud800<script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '$' + '{alert(1)}',
  'mailto:x@example.com?body=<script>alert(1)</script>',
  'https://example.com/"><script>alert(1)</script>',
];

/** The report with every value (and every answer key) replaced by `text`. */
function poison(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((v) => poison(v, text));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, text)]));
  }
  return typeof value === 'string' || typeof value === 'number' ? text : value;
}

const base = assessSetup({
  answers: withAnswers({ 'backlog-owner': 'cto', 'delivery-owner': 'cto', developers: 6 }),
  company: 'Acme',
});

function hostileReports(text: string): AssessmentReport[] {
  const everything = poison(base, text) as AssessmentReport;
  everything.answers = { ...everything.answers, [text]: text };
  // Free text only, with the engine's enums and numbers intact: the case a schema-valid file hits.
  const freeText = structuredClone(base) as AssessmentReport & Record<string, unknown>;
  freeText.company = text;
  for (const f of freeText.findings) {
    Object.assign(f, { title: text, why: text, recommendation: text, severityReason: text, id: text });
    for (const e of f.evidence) Object.assign(e, { question: text, answerLabel: text });
    for (const s of f.sources) Object.assign(s, { title: text, point: text, url: text });
  }
  for (const t of freeText.plan.triggers) Object.assign(t, { text, action: text });
  return [everything, freeText];
}

/** What a browser would find active in this HTML: scripts, handlers, unsafe links, foreign styles. */
function findActiveContent(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('raw <script');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'base', 'link', 'form', 'img', 'svg', 'math'].includes(tag))
      problems.push(`<${tag}> element`);
    if (tag === 'meta' && el.hasAttribute('http-equiv')) problems.push('meta refresh');
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) problems.push(`${attr.name}= on <${tag}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name)) {
        const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(attr.value.trim())?.[1]?.toLowerCase();
        if (!scheme || !LINK_SCHEMES.includes(scheme)) problems.push(`${attr.name}="${attr.value}"`);
      }
      if (attr.name === 'style' && !/^width:\s?\d+(\.\d+)?%;?$/.test(attr.value))
        problems.push(`style="${attr.value}"`);
    }
  }
  return problems;
}

describe('renderReportHtml', () => {
  const html = renderReportHtml(base);

  it('should be one standalone document with print styles and no scripts or external assets', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/@media print/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
  });

  it('should keep the sections, a bar per scored area and links to sources', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(Array.from(doc.querySelectorAll('h2')).map((h) => h.textContent?.replace(/ \(\d+\)/, ''))).toEqual(
      [
        'Scores',
        'DORA tiers',
        'Findings',
        'Growth plan',
        'Hiring triggers',
        'Decision-rights changes this plan implies',
        'Answers',
      ],
    );
    expect(doc.querySelectorAll('.bar').length).toBe(5);
    expect(doc.querySelectorAll('section.finding.sev-critical').length).toBeGreaterThan(0);
    expect(doc.querySelector('a[href^="https://"]')).not.toBeNull();
    expect(findActiveContent(html)).toEqual([]);
  });

  it('should escape user text', () => {
    const doc = new DOMParser().parseFromString(
      renderReportHtml({ ...base, company: 'Acme <script>alert("x")</script> & Co | Ltd' }),
      'text/html',
    );
    expect(doc.querySelector('h1')?.textContent).toBe(
      'Development setup assessment: Acme <script>alert("x")</script> & Co | Ltd',
    );
  });

  it('should render no active content for any hostile string in any field', () => {
    for (const text of HOSTILE) {
      for (const report of hostileReports(text)) {
        expect(findActiveContent(renderReportHtml(report)), text).toEqual([]);
      }
    }
  });

  it('should render no active content for arbitrary text in any field', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        for (const report of hostileReports(text))
          expect(findActiveContent(renderReportHtml(report))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('renderMarkdown against hostile text', () => {
  const compile = (markdown: string) =>
    micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });

  it('should keep every hostile string as text, even in a viewer that renders raw HTML', () => {
    for (const text of HOSTILE) {
      for (const report of hostileReports(text)) {
        expect(findActiveContent(compile(renderMarkdown(report))), text).toEqual([]);
      }
    }
  });

  it('should keep arbitrary text as text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        for (const report of hostileReports(text))
          expect(findActiveContent(compile(renderMarkdown(report)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
