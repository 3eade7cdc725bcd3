/**
 * What people write in descriptions and comments, rendered by SafeMarkdown, against the shared
 * hostile strings: each string alone, all of them in one text (so one string's markup meets the
 * next), and each after the Jira wiki conversion an import applies. The static HTML is parsed
 * and inspected as a browser would see it.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findActiveContent } from '../../../test/support/active-content';
import { HOSTILE_STRINGS } from '../../../test/support/hostile-strings';
import { convertJiraWikiToMarkdown } from '../../domain/import';
import { SafeMarkdown } from './markdown';

// Markdown images and task-list checkboxes are the renderer's own (their sources are still
// checked), and React's static renderer adds a preload <link> before each image.
const render = (text: string) => renderToStaticMarkup(<SafeMarkdown>{text}</SafeMarkdown>);
const inspect = (html: string) => findActiveContent(html, { extraTags: ['img', 'input', 'link'] });

describe('SafeMarkdown with hostile text', () => {
  it('should render no active content for any hostile string', () => {
    for (const text of HOSTILE_STRINGS) expect(inspect(render(text)), text).toEqual([]);
  });

  it('should render no active content when every hostile string is in one text', () => {
    expect(inspect(render(HOSTILE_STRINGS.join('\n\n')))).toEqual([]);
    expect(inspect(render(HOSTILE_STRINGS.join(' ')))).toEqual([]);
  });

  it('should render no active content for any hostile string converted from Jira wiki markup', () => {
    for (const text of HOSTILE_STRINGS) {
      expect(inspect(render(convertJiraWikiToMarkdown(text))), text).toEqual([]);
    }
  });

  it('should open every link it keeps in a new tab without a reference to Headway', () => {
    const html = render(HOSTILE_STRINGS.join('\n\n'));
    const links = [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toContain('rel="noopener noreferrer"');
  });
});
