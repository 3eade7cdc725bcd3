/**
 * The DORA questions of the assessment prefilled from recorded delivery events: unknown while
 * none were sent, then measured over the last 90 days with a note that says so and names the period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentPrefill, CreatedIngestToken } from '../../src/contract';
import { MS_PER_DAY } from '../../src/domain/shared';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let prefill: string;

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder']);
  prefill = `/api/workspaces/${team.workspaceId}/assessments/prefill?variant=full`;
});
afterAll(() => ctx.close());

describe('DORA answers measured from delivery events', () => {
  it('should leave the DORA questions unknown and say how to measure them while no event was sent', async () => {
    const res = await team.founder.get<AssessmentPrefill>(prefill);
    expect(res.body.answers['deploy-frequency']).toBeUndefined();
    expect(res.body.unknown.find((u) => u.questionId === 'lead-time')?.reason).toContain('ingest token');
  });

  it('should prefill the DORA questions from the last 90 days and note the period', async () => {
    const created = await team.founder.post<CreatedIngestToken>(
      `/api/workspaces/${team.workspaceId}/ingest-tokens`,
      {
        name: 'ci',
      },
    );
    const pipeline = new TestClient(ctx.app);
    pipeline.token = created.body.token;
    const base = `/api/workspaces/${team.workspaceId}/events`;
    // 26 deployments over the last 13 weeks (2 a week), each 3 hours after its commit.
    for (let i = 0; i < 26; i++) {
      const at = Date.now() - (1 + i * 3.4) * MS_PER_DAY;
      const res = await pipeline.post(`${base}/deployments`, {
        key: `run-${i}`,
        deployedAt: new Date(at).toISOString(),
        commitTimes: [new Date(at - 3 * HOUR).toISOString()],
        succeeded: i !== 0,
      });
      expect(res.status).toBe(201);
    }
    // Deployed 200 days ago: outside the period, neither counted nor measured.
    await pipeline.post(`${base}/deployments`, { key: 'old', deployedAt: ago(200 * MS_PER_DAY) });
    await pipeline.post(`${base}/incidents`, {
      key: 'inc-1',
      openedAt: ago(10 * MS_PER_DAY),
      resolvedAt: ago(10 * MS_PER_DAY - 30 * 60_000),
      causedBy: 'run-5',
    });

    const res = await team.founder.get<AssessmentPrefill>(prefill);
    // 25 successful of 26 over 90 days: 1.9 a week; run-0 failed and run-5 caused inc-1: 2 of 26.
    expect(res.body.answers).toMatchObject({
      'deploy-frequency': 'daily-to-weekly',
      'lead-time': 'under-1-day',
      'change-fail-rate': 7.7,
      'recovery-time': 'under-1-hour',
    });
    const period = /^measured from delivery events \d{1,2} \w{3}( \d{4})? – \d{1,2} \w{3} \d{4}: /;
    expect(res.body.sources['deploy-frequency']).toMatch(period);
    expect(res.body.sources['deploy-frequency']).toContain('1.9 deployments a week');
    expect(res.body.sources['lead-time']).toContain('median 3 hours from commit to deployment');
    expect(res.body.sources['recovery-time']).toContain('median 0.5 hours to restore service');
    expect(res.body.unknown.map((u) => u.questionId)).not.toContain('deploy-frequency');
  });
});
