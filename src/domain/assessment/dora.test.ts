import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTiers, computeDoraByYear, computeDoraTiers, findDoraBenchmark } from './dora';
import { DORA_BENCHMARKS } from './dora-benchmarks';
import { findQuestion } from './questionnaire';
import type { Answers, DoraTier } from './types';

function bench(year: number) {
  const found = findDoraBenchmark(year);
  if (!found) throw new Error(`missing ${year}`);
  return found;
}

function bandIds(questionId: string): string[] {
  const spec = findQuestion(questionId)?.answer;
  return spec?.kind === 'choice' ? spec.options.map((o) => o.id) : [];
}

describe('computeDoraTiers', () => {
  it('should take the worse metric for throughput, stability and overall', () => {
    // 2024: daily-to-weekly = high, under a day = elite → throughput high;
    // 12% = high, 1 day–1 week = medium → stability medium; overall medium.
    const result = computeDoraTiers(
      {
        'deploy-frequency': 'daily-to-weekly',
        'lead-time': 'under-1-day',
        'change-fail-rate': 12,
        'recovery-time': '1-day-to-1-week',
      },
      bench(2024),
    );
    expect(result.metrics).toEqual({
      'deploy-frequency': 'high',
      'lead-time': 'elite',
      'change-fail-rate': 'high',
      'recovery-time': 'medium',
    });
    expect([result.throughput, result.stability, result.overall]).toEqual(['high', 'medium', 'medium']);
  });

  it('should read the same fail rate differently per report year', () => {
    // 2023 cut-offs: 7.5 / 12.5 / 39.5 → 20% is medium; 2024 cut-offs 7.5 / 30 → high; 2021: 15 / 30 → high.
    const answers: Answers = { 'change-fail-rate': 20 };
    expect(computeDoraTiers(answers, bench(2023)).metrics['change-fail-rate']).toBe('medium');
    expect(computeDoraTiers(answers, bench(2024)).metrics['change-fail-rate']).toBe('high');
    expect(computeDoraTiers(answers, bench(2021)).metrics['change-fail-rate']).toBe('high');
  });

  it('should leave rolled-up tiers empty when a metric of the pair is unanswered', () => {
    const result = computeDoraTiers({ 'deploy-frequency': 'on-demand' }, bench(2024));
    expect(result.throughput).toBeNull();
    expect(result.overall).toBeNull();
  });

  it('should report every seeded year separately, newest first, each with its source', () => {
    const years = computeDoraByYear({
      'deploy-frequency': 'monthly-to-6-monthly',
      'lead-time': 'under-1-day',
    });
    expect(years.map((y) => y.year)).toEqual([2024, 2023, 2021]);
    expect(years.map((y) => y.throughput)).toEqual(['low', 'low', 'medium']);
    for (const y of years) expect(y.source).toMatch(String(y.year));
  });
});

describe('DORA benchmark tables', () => {
  it('should map every answer band of every year', () => {
    for (const b of DORA_BENCHMARKS) {
      expect(Object.keys(b.deployFrequency).sort()).toEqual(bandIds('deploy-frequency').sort());
      expect(Object.keys(b.leadTime).sort()).toEqual(bandIds('lead-time').sort());
      expect(Object.keys(b.recoveryTime).sort()).toEqual(bandIds('recovery-time').sort());
    }
  });

  it('should never give a better tier to a worse answer in any year (property)', () => {
    const metrics = [
      ['deploy-frequency', 'deployFrequency'],
      ['lead-time', 'leadTime'],
      ['recovery-time', 'recoveryTime'],
    ] as const;
    const years = DORA_BENCHMARKS.map((b) => b.year);
    fc.assert(
      fc.property(
        fc.constantFrom(...years),
        fc.constantFrom(...metrics),
        fc.nat(5),
        fc.nat(5),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (year, [questionId], i, j, rateA, rateB) => {
          const bands = bandIds(questionId); // best first
          const better = bands[Math.min(i, j)] as string;
          const worse = bands[Math.max(i, j)] as string;
          const base: Answers = {
            'deploy-frequency': 'daily-to-weekly',
            'lead-time': '1-day-to-1-week',
            'change-fail-rate': Math.min(rateA, rateB),
            'recovery-time': 'under-1-day',
          };
          const b = bench(year);
          const good = computeDoraTiers({ ...base, [questionId]: better }, b);
          const bad = computeDoraTiers(
            { ...base, [questionId]: worse, 'change-fail-rate': Math.max(rateA, rateB) },
            b,
          );
          const notBetter = (x: DoraTier | null, y: DoraTier | null) =>
            x !== null && y !== null && compareTiers(y, x) <= 0;
          expect(notBetter(good.throughput, bad.throughput)).toBe(true);
          expect(notBetter(good.stability, bad.stability)).toBe(true);
          expect(notBetter(good.overall, bad.overall)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
