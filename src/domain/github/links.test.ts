import { describe, expect, it } from 'vitest';
import { findPullRequestRefs, incidentOfIssue, stateOfIssue, stateOfPullRequest } from './links';

describe('findPullRequestRefs', () => {
  it('should find issues by #N and Headway items by HW-N in the title, body and branch, each once', () => {
    const refs = findPullRequestRefs({
      number: 40,
      branch: 'hw-7-checkout',
      title: 'Fix #12 and hw-9',
      body: 'Closes #12, refs #13; see HW-9 and acme/other#5 and https://x.test/#3; #40 is this one',
    });
    expect(refs).toEqual({ issues: [12, 13], items: [7, 9] });
  });

  it('should find nothing in a pull request that names nothing', () => {
    expect(findPullRequestRefs({ number: 1, branch: 'main-fix', title: 'Tidy', body: '' })).toEqual({
      issues: [],
      items: [],
    });
  });
});

describe('item states from GitHub', () => {
  it('should close an issue as done or cancelled by its reason, and keep an open started one started', () => {
    expect(stateOfIssue({ state: 'closed', stateReason: 'completed' }, 'new')).toBe('done');
    expect(stateOfIssue({ state: 'closed', stateReason: 'not_planned' }, 'new')).toBe('cancelled');
    expect(stateOfIssue({ state: 'open', stateReason: null }, 'in_progress')).toBeNull();
    expect(stateOfIssue({ state: 'open', stateReason: 'reopened' }, 'done')).toBe('new');
  });

  it('should start an open pull request, finish a merged one and cancel one closed unmerged', () => {
    expect(stateOfPullRequest({ state: 'open', mergedAt: null })).toBe('in_progress');
    expect(stateOfPullRequest({ state: 'closed', mergedAt: '2026-01-02T00:00:00Z' })).toBe('done');
    expect(stateOfPullRequest({ state: 'closed', mergedAt: null })).toBe('cancelled');
  });
});

describe('incidentOfIssue', () => {
  const issue = {
    labels: ['Incident'],
    state: 'open' as const,
    stateReason: null,
    createdAt: '2026-11-02T08:00:00Z',
    closedAt: null,
  };

  it('should open an incident for an issue labelled incident, in any case, and resolve it when closed', () => {
    expect(incidentOfIssue(issue)).toEqual({ openedAt: '2026-11-02T08:00:00Z', resolvedAt: null });
    expect(
      incidentOfIssue({
        ...issue,
        state: 'closed',
        stateReason: 'completed',
        closedAt: '2026-11-02T10:30:00Z',
      }),
    ).toEqual({ openedAt: '2026-11-02T08:00:00Z', resolvedAt: '2026-11-02T10:30:00Z' });
  });

  it('should see no incident without the label, or in an issue closed as not planned or a duplicate', () => {
    expect(incidentOfIssue({ ...issue, labels: ['bug', 'incident-review'] })).toBeNull();
    for (const stateReason of ['not_planned', 'duplicate'])
      expect(
        incidentOfIssue({ ...issue, state: 'closed', stateReason, closedAt: '2026-11-03T08:00:00Z' }),
      ).toBeNull();
  });

  it('should never resolve an incident before it opened', () => {
    const early = {
      ...issue,
      state: 'closed' as const,
      stateReason: null,
      closedAt: '2026-11-02T07:59:59+00:00',
    };
    expect(incidentOfIssue(early)?.resolvedAt).toBe('2026-11-02T08:00:00Z');
  });
});
