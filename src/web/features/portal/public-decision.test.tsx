/**
 * What a portal visitor reads of a decision: the why a member wrote and the forecast's wording,
 * with the shared hostile strings as the idea's title and reason. They stay text.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findActiveContent } from '../../../../test/support/active-content';
import { HOSTILE_STRINGS } from '../../../../test/support/hostile-strings';
import type { PublicIdea } from '../../../contract';
import { PublicDecision } from './portal-page';

const idea = (reason: string): PublicIdea => ({
  number: 7,
  title: reason,
  requests: 3,
  decision: { outcome: 'accepted', reason, reviewOn: null, decidedAt: '2026-11-02T10:00:00.000Z' },
  promise: { targetDate: '2026-12-15', probability: 0.7, status: 'forecast' },
});

describe('the public decision on an idea', () => {
  it('should render no active content for any hostile reason', () => {
    for (const text of HOSTILE_STRINGS) {
      const html = renderToStaticMarkup(<PublicDecision idea={idea(text)} />);
      expect(findActiveContent(html), text).toEqual([]);
    }
  });

  it('should say the outcome, the why and how likely the promised date is', () => {
    const html = renderToStaticMarkup(<PublicDecision idea={idea('Most asked for by our customers')} />);
    expect(html).toContain('Accepted');
    expect(html).toContain('Most asked for by our customers');
    expect(html).toContain('70 % likely by');
  });

  it('should say an undecided idea is not decided yet', () => {
    const html = renderToStaticMarkup(
      <PublicDecision idea={{ ...idea('x'), decision: null, promise: null }} />,
    );
    expect(html).toContain('Not decided yet');
  });
});
