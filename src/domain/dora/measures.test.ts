import { describe, expect, it } from 'vitest';
import { computeDoraMeasures, type Deployment, type Incident } from './measures';

const t = (iso: string) => Date.parse(`${iso}Z`);

function deploy(
  key: string,
  at: string,
  commits: string[],
  succeeded = true,
  environment = 'production',
): Deployment {
  return { key, environment, deployedAt: t(at), commitTimes: commits.map(t), succeeded };
}

function incident(
  key: string,
  opened: string,
  resolved: string | null,
  causedBy: string | null = null,
): Incident {
  return { key, openedAt: t(opened), resolvedAt: resolved === null ? null : t(resolved), causedBy };
}

/** Two weeks of a small team's events, with answers worked out by hand below. */
const DEPLOYMENTS = [
  deploy('d0', '2026-02-27T10:00', ['2026-02-27T09:00']),
  deploy('d1', '2026-03-02T10:00', ['2026-03-02T08:00', '2026-03-01T10:00']),
  deploy('s1', '2026-03-03T10:00', ['2026-03-03T09:00'], true, 'staging'),
  deploy('d2', '2026-03-04T10:00', ['2026-03-04T09:00']),
  deploy('d3', '2026-03-06T10:00', ['2026-03-06T09:00'], false),
  deploy('d4', '2026-03-09T12:00', ['2026-03-08T12:00', '2026-03-09T06:00']),
];
const INCIDENTS = [
  incident('i0', '2026-02-27T11:00', '2026-02-28T11:00', 'd0'),
  incident('i1', '2026-03-04T11:00', '2026-03-04T13:00', 'd2'),
  incident('i2', '2026-03-10T00:00', '2026-03-10T06:00'),
  incident('i3', '2026-03-12T00:00', null),
];
const PERIOD = { from: '2026-03-01', to: '2026-03-14', environment: 'production' };

describe('computeDoraMeasures', () => {
  const measures = computeDoraMeasures({ deployments: DEPLOYMENTS, incidents: INCIDENTS, ...PERIOD });

  it('should count successful production deployments of the period per day and per week', () => {
    // d1, d2, d4 over 14 days: d0 is before the period, s1 is staging, d3 failed.
    expect(measures.days).toBe(14);
    expect(measures.deploymentFrequency.deployments).toBe(3);
    expect(measures.deploymentFrequency.perDay).toBeCloseTo(3 / 14, 10);
    expect(measures.deploymentFrequency.perWeek).toBeCloseTo(1.5, 10);
    expect(measures.deploymentFrequency.band).toBe('daily-to-weekly');
  });

  it('should give the median and P85 of commit-to-deploy hours of successful deployments', () => {
    // Hours 2, 24 (d1), 1 (d2), 24, 6 (d4): sorted 1, 2, 6, 24, 24.
    expect(measures.leadTime).toEqual({ count: 5, medianHours: 6, p85Hours: 24, band: 'under-1-day' });
  });

  it('should count a failed deployment and one that caused an incident as failures', () => {
    // d3 failed, d2 caused i1; d1 and d4 did not: 2 of 4. d0 caused i0 but is outside the period.
    expect(measures.changeFailure).toEqual({ deployments: 4, failed: 2, rate: 0.5 });
  });

  it('should measure time to restore over the incidents resolved in the period and count those open', () => {
    // i1 took 2 h, i2 6 h: median 4, P85 2 + 0.85 × 4 = 5.4. i3 is still open; i0 ended before.
    expect(measures.timeToRestore.count).toBe(2);
    expect(measures.timeToRestore.medianHours).toBe(4);
    expect(measures.timeToRestore.p85Hours).toBeCloseTo(5.4, 10);
    expect(measures.timeToRestore.band).toBe('under-1-day');
    expect(measures.timeToRestore.open).toBe(1);
  });

  it('should tier each measure by the report year and roll up to the worse side', () => {
    const y2024 = measures.tiers.find((y) => y.year === 2024);
    expect(y2024?.metrics).toEqual({
      'deploy-frequency': 'high',
      'lead-time': 'elite',
      'change-fail-rate': 'low',
      'recovery-time': 'high',
    });
    expect([y2024?.throughput, y2024?.stability, y2024?.overall]).toEqual(['high', 'low', 'low']);
    expect(measures.tiers.map((y) => y.year)).toEqual([2024, 2023, 2021]);
  });

  it('should leave every measure unknown when the period holds no events', () => {
    const empty = computeDoraMeasures({ deployments: [], incidents: [], ...PERIOD });
    expect(empty.deploymentFrequency).toEqual({ deployments: 0, perDay: 0, perWeek: 0, band: null });
    expect(empty.leadTime.medianHours).toBeNull();
    expect(empty.changeFailure.rate).toBeNull();
    expect(empty.timeToRestore).toEqual({ count: 0, medianHours: null, p85Hours: null, band: null, open: 0 });
    expect(empty.tiers[0]?.metrics).toEqual({});
    expect(empty.tiers[0]?.overall).toBeNull();
  });

  it('should measure another environment when asked', () => {
    const staging = computeDoraMeasures({
      deployments: DEPLOYMENTS,
      incidents: INCIDENTS,
      ...PERIOD,
      environment: 'staging',
    });
    expect(staging.deploymentFrequency.deployments).toBe(1);
    expect(staging.leadTime.medianHours).toBe(1);
    expect(staging.changeFailure).toEqual({ deployments: 1, failed: 0, rate: 0 });
  });

  it('should call several deployments a day on demand', () => {
    const busy = Array.from({ length: 28 }, (_, i) =>
      deploy(`b${i}`, `2026-03-${String(1 + Math.floor(i / 2)).padStart(2, '0')}T1${i % 2}:00`, []),
    );
    const result = computeDoraMeasures({ deployments: busy, incidents: [], ...PERIOD });
    expect(result.deploymentFrequency.perWeek).toBe(14);
    expect(result.deploymentFrequency.band).toBe('on-demand');
    expect(result.leadTime.count).toBe(0);
  });
});
