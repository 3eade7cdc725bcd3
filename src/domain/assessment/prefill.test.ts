import { describe, expect, it } from 'vitest';
import { bandDeployFrequency, bandDuration, prefillAnswers } from './prefill';
import { QUESTIONS } from './questionnaire';
import { validateAnswers } from './validate-answers';

describe('prefillAnswers', () => {
  it('should count roles by FTE and recognise a fractional CPO', () => {
    const { answers, notes } = prefillAnswers({
      members: [
        { role: 'founder', fte: 1 },
        { role: 'cto', fte: 1 },
        { role: 'developer', fte: 1 },
        { role: 'developer', fte: 0.5 },
        { role: 'designer', fte: 0.6 },
        { role: 'cpo', fte: 0.2 },
      ],
    });
    expect(answers).toEqual({
      developers: 1.5,
      designers: 0.6,
      'product-managers': 0,
      'senior-tech': 'cto',
      'product-leadership': 'fractional-cpo',
    });
    expect(notes['product-leadership']).toMatch(/0.2 FTE/);
  });

  it('should prefer explicit head counts and recognise a CTPO', () => {
    const { answers } = prefillAnswers({
      members: [{ role: 'ctpo' }, { role: 'developer' }],
      headcounts: { developers: 4, techLeads: 1 },
    });
    expect(answers).toMatchObject({
      developers: 4,
      'tech-leads': 1,
      'senior-tech': 'ctpo',
      'product-leadership': 'ctpo',
    });
  });

  it('should band measured DORA figures', () => {
    const { answers } = prefillAnswers({
      dora: {
        deploymentsPerWeek: 3,
        leadTimeHours: 30,
        changeFailRatePercent: 12.34,
        recoveryTimeHours: 0.5,
      },
    });
    expect(answers).toEqual({
      'deploy-frequency': 'daily-to-weekly',
      'lead-time': '1-day-to-1-week',
      'change-fail-rate': 12.3,
      'recovery-time': 'under-1-hour',
    });
  });

  it('should prefill nothing from an empty workspace', () => {
    expect(prefillAnswers({})).toEqual({ answers: {}, notes: {} });
  });

  it('should only produce answers that pass validation', () => {
    const { answers } = prefillAnswers({
      members: [
        { role: 'cto', fte: 0.3 },
        { role: 'product_manager', fte: 1 },
      ],
      ctoDirectReports: 7,
      dora: { deploymentsPerWeek: 0, leadTimeHours: 10_000, reworkRatePercent: 150 },
    });
    expect(validateAnswers(answers, { short: false }).problems).toEqual([]);
    expect(answers['senior-tech']).toBe('fractional-cto');
    expect(answers['rework-rate']).toBe(100);
  });
});

describe('DORA bands', () => {
  it('should put durations into the survey bands', () => {
    expect([0.5, 1, 23, 24, 24 * 7, 24 * 30, 24 * 200].map(bandDuration)).toEqual([
      'under-1-hour',
      'under-1-day',
      'under-1-day',
      '1-day-to-1-week',
      '1-week-to-1-month',
      '1-to-6-months',
      'over-6-months',
    ]);
  });

  it('should put deployment rates into the survey bands', () => {
    expect([20, 7, 1, 0.5, 0.1, 0].map(bandDeployFrequency)).toEqual([
      'on-demand',
      'hourly-to-daily',
      'daily-to-weekly',
      'weekly-to-monthly',
      'monthly-to-6-monthly',
      'under-6-monthly',
    ]);
  });
});

describe('prefill coverage', () => {
  it('should be able to prefill every question marked as prefillable, and only those', () => {
    const { answers } = prefillAnswers({
      members: [{ role: 'cto' }, { role: 'cpo', fte: 1 }],
      headcounts: { developers: 5, techLeads: 1, designers: 1, productManagers: 1 },
      ctoDirectReports: 6,
      dora: {
        deploymentsPerWeek: 5,
        leadTimeHours: 20,
        changeFailRatePercent: 8,
        recoveryTimeHours: 2,
        reworkRatePercent: 4,
      },
      flow: {
        from: '2026-09-03',
        to: '2026-12-01',
        finishedItems: 12,
        cycleTimeDays: { count: 12, p50: 4, p85: 9 },
      },
    });
    const marked = QUESTIONS.filter((q) => q.prefill !== undefined).map((q) => q.id);
    expect(Object.keys(answers).sort()).toEqual(marked.sort());
  });
});

describe('measured DORA notes', () => {
  it('should say each DORA answer was measured, over which period and from which figure', () => {
    const { notes } = prefillAnswers({
      dora: {
        period: { from: '2026-09-03', to: '2026-12-01' },
        deploymentsPerWeek: 2.46,
        leadTimeHours: 30,
        changeFailRatePercent: 12.34,
      },
    });
    expect(notes).toEqual({
      'deploy-frequency': 'measured from delivery events 3 Sep – 1 Dec 2026: 2.5 deployments a week',
      'lead-time':
        'measured from delivery events 3 Sep – 1 Dec 2026: median 30 hours from commit to deployment',
      'change-fail-rate':
        'measured from delivery events 3 Sep – 1 Dec 2026: 12.3% of deployments failed or caused an incident',
    });
  });
});
