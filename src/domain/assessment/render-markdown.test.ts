import { describe, expect, it } from 'vitest';
import { assessSetup } from './assess';
import { QUESTIONNAIRE_VERSION } from './questionnaire';
import { renderJson } from './render-json';
import { escapeMarkdown, renderMarkdown } from './render-markdown';
import { safeLinkUrl } from './safe-link';
import { withAnswers } from './test-answers';

const report = assessSetup({
  answers: withAnswers({ 'backlog-owner': 'cto', 'delivery-owner': 'cto', developers: 6 }),
  company: 'Acme <script>alert("x")</script> & Co | Ltd',
});

describe('renderMarkdown', () => {
  it('should show scores, findings with evidence and sources, the plan and triggers', () => {
    const text = renderMarkdown(report);
    expect(text).toMatch(/^# Development setup assessment: Acme/);
    expect(text).toMatch(/### 1\. The CTO owns delivery \(critical\)/);
    expect(text).toMatch(/- Who runs delivery day to day.* → The CTO or tech lead/);
    expect(text).toMatch(
      /Trustshoring: Understanding the Role of the CTO.* <https:\/\/trustshoring.com\/[^>]*>: /,
    );
    expect(text).toMatch(/### Now \(0–4 weeks\)/);
    expect(text).toMatch(/\| When the 4th developer joins.* \| in place \|/);
    expect(text).toMatch(/\| Delivery dates \| product manager \| A \|/);
  });

  it('should escape Markdown in the company name', () => {
    expect(renderMarkdown(report)).toMatch(/Acme \\<script\\>alert\("x"\)\\<\/script\\> \\& Co \\\| Ltd/);
  });

  it('should show a source URL with a disallowed scheme as text, never as a link', () => {
    const finding = report.findings[0];
    if (!finding) throw new Error('the seed raises findings');
    const hostile = {
      ...report,
      findings: [{ ...finding, sources: [{ ...finding.sources[0]!, url: 'javascript:alert(1)' }] }],
    };
    const text = renderMarkdown(hostile);
    expect(text).not.toContain('<javascript:');
    expect(text).toContain('(javascript:alert(1))');
  });
});

describe('escapeMarkdown', () => {
  it('should escape every character that starts markup and fold line breaks', () => {
    expect(escapeMarkdown('[x](javascript:y) <b> *a* `c` # h\n| t')).toBe(
      '\\[x\\](javascript:y) \\<b\\> \\*a\\* \\`c\\` \\# h \\| t',
    );
  });
});

describe('safeLinkUrl', () => {
  it('should keep http, https and mailto links', () => {
    expect(safeLinkUrl('https://dora.dev/research/')).toBe('https://dora.dev/research/');
    expect(safeLinkUrl('http://example.com')).toBe('http://example.com/');
    expect(safeLinkUrl('mailto:a@example.com')).toBe('mailto:a@example.com');
  });

  it('should refuse script, data, relative and disguised URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\u0000script:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/relative',
      'not a url',
      '',
    ]) {
      expect(safeLinkUrl(url), url).toBeNull();
    }
  });
});

describe('renderJson', () => {
  it('should round-trip the report with the implied decision rights', () => {
    const parsed = JSON.parse(renderJson(report));
    expect(parsed.findings.map((f: { id: string }) => f.id)).toEqual(report.findings.map((f) => f.id));
    expect(parsed.questionnaireVersion).toBe(QUESTIONNAIRE_VERSION);
    expect(parsed.impliedDecisionRights.length).toBeGreaterThan(0);
  });
});
