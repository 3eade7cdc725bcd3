/**
 * Invariants of the DORA measures on random event streams. HEADWAY_DORA_RUNS raises the run count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../shared';
import { computeDoraMeasures, type Deployment, type Incident } from './measures';

const RUNS = Number(process.env.HEADWAY_DORA_RUNS ?? 100);
const START = Date.parse('2026-01-01T00:00:00Z');
const FREQUENCY_ORDER = [
  'under-6-monthly',
  'monthly-to-6-monthly',
  'weekly-to-monthly',
  'daily-to-weekly',
  'hourly-to-daily',
  'on-demand',
];

/** A moment from 30 days before to 70 days after 1 January 2026. */
const moment = fc.double({ min: -30, max: 70, noNaN: true }).map((d) => START + d * MS_PER_DAY);

const deployment = (key: string) =>
  fc
    .record({
      at: moment,
      waits: fc.array(fc.double({ min: -2, max: 40, noNaN: true }), { maxLength: 4 }),
      succeeded: fc.boolean(),
      environment: fc.constantFrom('production', 'staging'),
    })
    .map(
      ({ at, waits, succeeded, environment }): Deployment => ({
        key,
        environment,
        deployedAt: at,
        commitTimes: waits.map((w) => at - w * MS_PER_DAY),
        succeeded,
      }),
    );

const incident = (key: string, keys: string[]) =>
  fc
    .record({
      opened: moment,
      hours: fc.option(fc.double({ min: 0, max: 500, noNaN: true })),
      cause: fc.constantFrom(null, ...keys),
    })
    .map(
      ({ opened, hours, cause }): Incident => ({
        key,
        openedAt: opened,
        resolvedAt: hours === null ? null : opened + hours * 3_600_000,
        causedBy: cause,
      }),
    );

const events = fc.integer({ min: 0, max: 30 }).chain((n) => {
  const keys = Array.from({ length: n }, (_, i) => `d${i}`);
  return fc.record({
    deployments: fc.tuple(...keys.map(deployment)),
    incidents: fc.array(
      fc.integer().chain((i) => incident(`i${i}`, keys)),
      { maxLength: 10 },
    ),
    extra: deployment('extra'),
    length: fc.integer({ min: 1, max: 60 }),
  });
});

const periodOf = (length: number) => ({
  from: '2026-01-01',
  to: new Date(START + (length - 1) * MS_PER_DAY).toISOString().slice(0, 10),
  environment: 'production',
});

describe('DORA measures on random events', () => {
  it('should keep the failure rate in [0, 1], durations non-negative and the median at most the P85', () => {
    fc.assert(
      fc.property(events, ({ deployments, incidents, length }) => {
        const m = computeDoraMeasures({ deployments, incidents, ...periodOf(length) });
        if (m.changeFailure.rate !== null) {
          expect(m.changeFailure.rate).toBeGreaterThanOrEqual(0);
          expect(m.changeFailure.rate).toBeLessThanOrEqual(1);
        }
        for (const summary of [m.leadTime, m.timeToRestore]) {
          if (summary.medianHours === null) continue;
          expect(summary.medianHours).toBeGreaterThanOrEqual(0);
          expect(summary.medianHours).toBeLessThanOrEqual(summary.p85Hours as number);
        }
        expect(m.changeFailure.failed).toBeLessThanOrEqual(m.changeFailure.deployments);
        expect(m.deploymentFrequency.deployments).toBeLessThanOrEqual(m.changeFailure.deployments);
      }),
      { numRuns: RUNS },
    );
  });

  it('should never lower the deployment frequency or its band when a deployment is added', () => {
    fc.assert(
      fc.property(events, ({ deployments, incidents, extra, length }) => {
        const period = periodOf(length);
        const before = computeDoraMeasures({ deployments, incidents, ...period }).deploymentFrequency;
        const after = computeDoraMeasures({
          deployments: [...deployments, extra],
          incidents,
          ...period,
        }).deploymentFrequency;
        expect(after.perWeek).toBeGreaterThanOrEqual(before.perWeek);
        if (before.band !== null) {
          expect(FREQUENCY_ORDER.indexOf(after.band as string)).toBeGreaterThanOrEqual(
            FREQUENCY_ORDER.indexOf(before.band),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});
