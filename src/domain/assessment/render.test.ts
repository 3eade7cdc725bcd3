import { describe, expect, it } from 'vitest';
import { assessSetup } from './assess';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
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
    expect(text).toMatch(/Trustshoring: Understanding the Role of the CTO/);
    expect(text).toMatch(/### Now \(0–4 weeks\)/);
    expect(text).toMatch(/\| When the 4th developer joins.* \| in place \|/);
    expect(text).toMatch(/\| Delivery dates \| product manager \| A \|/);
  });

  it('should escape Markdown in the company name', () => {
    expect(renderMarkdown(report)).toMatch(/Acme \\<script\\>alert\("x"\)\\<\/script\\> & Co \\\| Ltd/);
  });
});

describe('renderHtml', () => {
  const html = renderHtml(report);

  it('should be one standalone document with print styles and no scripts or external assets', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/@media print/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
  });

  it('should escape user text', () => {
    expect(html).toContain('Acme &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co | Ltd');
  });

  it('should draw a bar per scored area', () => {
    expect(html.match(/class="bar"/g)?.length).toBe(5);
  });
});

describe('renderJson', () => {
  it('should round-trip the report with the implied decision rights', () => {
    const parsed = JSON.parse(renderJson(report));
    expect(parsed.findings.map((f: { id: string }) => f.id)).toEqual(report.findings.map((f) => f.id));
    expect(parsed.questionnaireVersion).toBe(1);
    expect(parsed.impliedDecisionRights.length).toBeGreaterThan(0);
  });
});
