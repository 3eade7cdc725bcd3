/**
 * The findings as the web app shows them, with source URLs from a report nobody can vouch for
 * (an imported file): only allow-listed schemes become links.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findActiveContent } from '../../../../test/support/active-content';
import { HOSTILE_STRINGS } from '../../../../test/support/hostile-strings';
import { assessSetup } from '../../../domain/assessment';
import { withAnswers } from '../../../domain/assessment/test-answers';
import type { Finding, Report } from './assessment-api';
import { FindingsList, GrowthPlan } from './report-sections';

const report = assessSetup({
  answers: withAnswers({ 'backlog-owner': 'cto', 'delivery-owner': 'cto', developers: 6 }),
});
const finding = report.findings.find((f) => f.sources.some((s) => s.url)) as Finding;

/** The findings list with one finding whose every text and source URL is `text`. */
function renderWith(text: string): string {
  const hostile: Finding = {
    ...finding,
    title: text,
    why: text,
    recommendation: text,
    sources: finding.sources.map((s) => ({ ...s, title: text, point: text, url: text })),
  };
  return renderToStaticMarkup(<FindingsList findings={[hostile]} areaLabels={{}} />);
}

describe('FindingsList', () => {
  it('should link a source whose URL is https', () => {
    expect(renderWith('https://x.example/guide')).toContain('href="https://x.example/guide"');
  });

  it('should show a hostile source URL as text and never as a link', () => {
    for (const text of HOSTILE_STRINGS) {
      const html = renderWith(text);
      expect(findActiveContent(html, { extraTags: ['header', 'details', 'summary'] }), text).toEqual([]);
      if (!/^\s*(https?|mailto):/i.test(text)) expect(html, text).not.toContain('<a ');
    }
  });
});

describe('GrowthPlan', () => {
  it('should link each due trigger to the plan action that answers it and name interim holders', () => {
    const plan = assessSetup({
      answers: withAnswers({
        'backlog-owner': 'loudest',
        'delivery-owner': 'nobody',
        'delivery-manager': 'none',
        'product-managers': 0,
      }),
    }).plan as Report['plan'];
    const html = renderToStaticMarkup(<GrowthPlan plan={plan} decisionLabels={{}} />);
    expect(html).toContain('In the plan: <a href="#action-hire-delivery-manager">');
    expect(html).toContain('(the founder until then)');
  });
});
