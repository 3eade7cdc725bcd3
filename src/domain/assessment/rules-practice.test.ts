import { describe, expect, it } from 'vitest';
import { assessSetup } from './assess';
import { withAnswers } from './test-answers';
import type { AnswerValue, Finding } from './types';

function find(
  id: string,
  changes: Record<string, AnswerValue | undefined>,
  options: { doraYear?: number } = {},
): Finding | undefined {
  return assessSetup({ answers: withAnswers(changes), ...options }).findings.find((f) => f.id === id);
}

describe('uncalibrated-estimation', () => {
  it('should fire when one developer gives a single number', () => {
    expect(find('uncalibrated-estimation', { 'estimation-method': 'single-number' })?.severity).toBe(
      'medium',
    );
  });

  it('should fire when actuals are compared only informally', () => {
    expect(find('uncalibrated-estimation', { 'estimate-feedback': 'informally' })).toBeDefined();
  });

  it('should stay quiet with team sizing compared every cycle', () => {
    expect(
      find('uncalibrated-estimation', { 'estimation-method': 'relative', 'estimate-feedback': 'per-cycle' }),
    ).toBeUndefined();
  });
});

describe('missed-commitments', () => {
  it('should fire when two of five milestones were on time, showing the cadence as support', () => {
    const f = find('missed-commitments', { 'milestones-on-time': '2', cadence: 'irregular' });
    expect(f?.severity).toBe('high');
    expect(f?.evidence.map((e) => e.questionId)).toEqual(['milestones-on-time', 'cadence']);
  });

  it('should stay quiet when three or four were on time', () => {
    expect(find('missed-commitments', { 'milestones-on-time': '3-4' })).toBeUndefined();
  });
});

describe('work-item rules', () => {
  it('should flag items of one to two weeks and not of three to five days', () => {
    expect(find('oversized-work-items', { 'item-size': '1-2-weeks' })).toBeDefined();
    expect(find('oversized-work-items', { 'item-size': '3-5-days' })).toBeUndefined();
  });

  it('should flag estimating before items are ready only sometimes, not usually', () => {
    expect(find('no-definition-of-ready', { 'definition-of-ready': 'sometimes' })).toBeDefined();
    expect(find('no-definition-of-ready', { 'definition-of-ready': 'usually' })).toBeUndefined();
  });
});

describe('low-throughput', () => {
  it('should fire when deploys are monthly to six-monthly against 2024', () => {
    const f = find('low-throughput', { 'deploy-frequency': 'monthly-to-6-monthly' });
    expect(f?.severity).toBe('high');
    expect(f?.evidence.map((e) => e.questionId)).toEqual(['deploy-frequency', 'lead-time']);
  });

  it('should stay quiet for the same answer against 2021, where it was the medium cluster', () => {
    expect(
      find('low-throughput', { 'deploy-frequency': 'monthly-to-6-monthly' }, { doraYear: 2021 }),
    ).toBeUndefined();
  });

  it('should stay quiet for weekly-to-monthly deploys and lead times under a month', () => {
    expect(
      find('low-throughput', { 'deploy-frequency': 'weekly-to-monthly', 'lead-time': '1-week-to-1-month' }),
    ).toBeUndefined();
  });

  it('should stay quiet when the lead time is unanswered, even with slow deploys', () => {
    expect(
      find('low-throughput', { 'deploy-frequency': 'weekly-to-monthly', 'lead-time': undefined }),
    ).toBeUndefined();
  });
});

describe('instability', () => {
  it('should fire when 31% of deployments fail', () => {
    expect(find('instability', { 'change-fail-rate': 31 })?.severity).toBe('high');
  });

  it('should fire when recovery takes between a day and a week', () => {
    expect(find('instability', { 'recovery-time': '1-day-to-1-week' })).toBeDefined();
  });

  it('should raise rework, not instability, when more than 20% of deployments are unplanned fixes', () => {
    // Rework has no DORA tier, so it never claims unstable releases beside a high stability tier.
    expect(find('high-rework', { 'rework-rate': 21 })).toBeDefined();
    expect(find('instability', { 'rework-rate': 21 })).toBeUndefined();
  });

  it('should stay quiet at exactly 30% failures, recovery within a day and 20% rework', () => {
    expect(
      find('instability', { 'change-fail-rate': 30, 'recovery-time': 'under-1-day', 'rework-rate': 20 }),
    ).toBeUndefined();
  });
});

describe('hygiene-gaps', () => {
  const basics = ['source-control', 'ci-build', 'code-review', 'issue-tracker', 'staging'];

  it('should fire as medium with four of the eight basics, showing onboarding as support', () => {
    const f = find('hygiene-gaps', { hygiene: basics.slice(0, 4), onboarding: '2-4-weeks' });
    expect(f?.severity).toBe('medium');
    expect(f?.evidence.map((e) => e.questionId)).toEqual(['hygiene', 'onboarding']);
  });

  it('should be high with two of the eight basics', () => {
    expect(find('hygiene-gaps', { hygiene: basics.slice(0, 2) })?.severity).toBe('high');
  });

  it('should stay quiet with five basics', () => {
    expect(find('hygiene-gaps', { hygiene: basics })).toBeUndefined();
  });
});

describe('team rules', () => {
  it('should flag a drained team at 2 out of 5 and not at 3', () => {
    expect(find('low-satisfaction', { satisfaction: '2' })?.severity).toBe('high');
    expect(find('low-satisfaction', { satisfaction: '3' })).toBeUndefined();
  });

  it('should flag slow feedback when developers wait every sprint, not occasionally', () => {
    expect(find('slow-feedback-loops', { 'answer-wait': 'every-sprint' })).toBeDefined();
    expect(find('slow-feedback-loops', { 'answer-wait': 'occasionally' })).toBeUndefined();
  });

  it('should flag a bus factor of one as medium and several as high', () => {
    expect(find('bus-factor', { 'bus-factor': 'one' })?.severity).toBe('medium');
    expect(find('bus-factor', { 'bus-factor': 'several' })?.severity).toBe('high');
    expect(find('bus-factor', { 'bus-factor': 'partly-documented' })).toBeUndefined();
  });

  it('should flag nine direct reports to the CTO and not eight', () => {
    expect(find('wide-span-of-control', { 'cto-direct-reports': 9 })).toBeDefined();
    expect(find('wide-span-of-control', { 'cto-direct-reports': 8 })).toBeUndefined();
  });

  it('should flag ten developers in one team, assuming one team when unanswered', () => {
    expect(find('team-too-large', { developers: 10 })).toBeDefined();
    expect(find('team-too-large', { developers: 10, teams: undefined })).toBeDefined();
  });

  it('should not flag ten developers in two teams, nor nine in one', () => {
    expect(find('team-too-large', { developers: 10, teams: 2 })).toBeUndefined();
    expect(find('team-too-large', { developers: 9 })).toBeUndefined();
  });
});

describe('distant-team-without-leads', () => {
  it('should fire for seven offshore developers with one tech lead', () => {
    expect(
      find('distant-team-without-leads', { location: 'offshore', developers: 7, 'tech-leads': 1 }),
    ).toBeDefined();
  });

  it('should fire for three agency developers without a tech lead', () => {
    expect(
      find('distant-team-without-leads', { location: 'agency', developers: 3, 'tech-leads': 0 }),
    ).toBeDefined();
  });

  it('should stay quiet for six offshore developers with one tech lead', () => {
    expect(
      find('distant-team-without-leads', { location: 'offshore', developers: 6, 'tech-leads': 1 }),
    ).toBeUndefined();
  });

  it('should stay quiet for two offshore developers without a lead', () => {
    expect(
      find('distant-team-without-leads', { location: 'offshore', developers: 2, 'tech-leads': 0 }),
    ).toBeUndefined();
  });

  it('should stay quiet for a remote in-house team without leads', () => {
    expect(
      find('distant-team-without-leads', { location: 'remote', developers: 8, 'tech-leads': 0 }),
    ).toBeUndefined();
  });
});
