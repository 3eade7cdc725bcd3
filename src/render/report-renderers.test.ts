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
import { findActiveContent, inspectHtml } from '../../test/support/active-content';
import { HOSTILE_STRINGS } from '../../test/support/hostile-strings';
import {
  type AssessmentComparison,
  type AssessmentReport,
  assessSetup,
  compareAssessments,
  renderComparisonMarkdown,
  renderMarkdown,
} from '../domain/assessment';
import { withAnswers } from '../domain/assessment/test-answers';
import { renderReportHtml } from './assessment-report-html';

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

/**
 * The report cut down to one or two of each repeated part (findings, evidence, sources, actions,
 * triggers, answers): every field is still there, and hundreds of hostile renders stay fast.
 */
function compactReport(report: AssessmentReport): AssessmentReport {
  const findings = report.findings
    .filter((f) => f.sources.some((s) => s.url))
    .slice(0, 2)
    .map((f) => ({ ...f, evidence: f.evidence.slice(0, 1), sources: f.sources.slice(0, 2) }));
  return {
    ...report,
    answers: Object.fromEntries(Object.entries(report.answers).slice(0, 3)),
    dora: { ...report.dora, byYear: report.dora.byYear.slice(0, 1) },
    findings,
    plan: {
      horizons: report.plan.horizons.map((h) => ({ ...h, actions: h.actions.slice(0, 1) })),
      triggers: report.plan.triggers.slice(0, 2),
    },
  };
}

const small = compactReport(base);

function hostileReports(text: string): AssessmentReport[] {
  const everything = poison(small, text) as AssessmentReport;
  everything.answers = { ...everything.answers, [text]: text };
  // Free text only, with the engine's enums and numbers intact: the case a schema-valid file hits.
  const freeText = structuredClone(small) as AssessmentReport & Record<string, unknown>;
  freeText.company = text;
  for (const f of freeText.findings) {
    Object.assign(f, { title: text, why: text, recommendation: text, severityReason: text, id: text });
    for (const e of f.evidence) Object.assign(e, { question: text, answerLabel: text });
    for (const s of f.sources) Object.assign(s, { title: text, point: text, url: text });
  }
  for (const t of freeText.plan.triggers) Object.assign(t, { text, action: text });
  return [everything, freeText];
}

/** Which of hostileReports' reports a test renders. */
const VARIANTS: [string, number][] = [
  ['every value', 0],
  ['every free-text field', 1],
];

/** The report page's only style attribute is a bar's width. */
const REPORT_STYLES = { styleAttribute: /^width:\s?\d+(\.\d+)?%;?$/ };
const findActiveInReport = (html: string) => findActiveContent(html, REPORT_STYLES);

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
    expect(findActiveInReport(html)).toEqual([]);
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

  it.each(VARIANTS)(
    'should render no active content for any hostile string in %s, and show it as written',
    (_name, variant) => {
      // An HTML parser may read a carriage return as a line feed; nothing else may change.
      const lines = (text: string | null | undefined) => text?.replace(/\r\n?/g, '\n');
      for (const text of HOSTILE_STRINGS) {
        const report = hostileReports(text)[variant]!;
        const { problems, doc } = inspectHtml(renderReportHtml(report), REPORT_STYLES);
        expect(problems, text).toEqual([]);
        expect(lines(doc.querySelector('h1')?.textContent), text).toBe(
          lines(`Development setup assessment: ${text}`),
        );
      }
    },
  );

  it('should render no active content for arbitrary text in any field', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        for (const report of hostileReports(text))
          expect(findActiveInReport(renderReportHtml(report))).toEqual([]);
      }),
      // Keys an object lookup would find on its prototype are tried every run.
      { numRuns: 60, examples: [['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty']] },
    );
  });
});

/** Markdown as the most permissive viewer shows it: raw HTML and every protocol allowed. */
const compile = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });

describe('renderMarkdown against hostile text', () => {
  it.each(VARIANTS)(
    'should keep every hostile string in %s as text, even in a viewer that renders raw HTML',
    (_name, variant) => {
      for (const text of HOSTILE_STRINGS) {
        const report = hostileReports(text)[variant]!;
        expect(findActiveInReport(compile(renderMarkdown(report))), text).toEqual([]);
      }
    },
  );

  it('should keep arbitrary text as text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        for (const report of hostileReports(text))
          expect(findActiveInReport(compile(renderMarkdown(report)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('renderComparisonMarkdown against hostile text', () => {
  const later = assessSetup({
    answers: withAnswers({ 'backlog-owner': 'cpo', 'delivery-owner': 'cto', developers: 14 }),
    company: 'Acme',
  });
  const comparison = compareAssessments({ before: small, after: compactReport(later) });

  it('should compare reports that differ in findings, so every list is rendered', () => {
    expect(
      comparison.closed.length + comparison.opened.length + comparison.persisting.length,
    ).toBeGreaterThan(0);
  });

  it('should keep every hostile string in every field as text, even with raw HTML allowed', () => {
    for (const text of HOSTILE_STRINGS) {
      const hostile = poison(comparison, text) as AssessmentComparison;
      expect(findActiveInReport(compile(renderComparisonMarkdown(hostile))), text).toEqual([]);
    }
  });
});
