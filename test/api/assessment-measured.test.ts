/**
 * Practice answers measured from the state history: a hand-built history of items finished in
 * the last 90 days prefills the item size, noted as measured with the period, and the answer
 * the person gives instead is the one the assessment keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, AssessmentPrefill } from '../../src/contract';
import { itemStateChanges, items } from '../../src/db/schema';
import { MS_PER_DAY } from '../../src/domain/shared';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let base: string;
let nextNumber = 1;

/** Cycle times in days, sorted: median 4, P85 8 + 0.35 × (10 − 8) = 8.7. */
const CYCLE_DAYS = [1, 2, 3, 3, 4, 4, 4, 5, 6, 8, 10, 12];

/** Adds a task started `startedDaysAgo` days ago and finished `days` later. */
async function addFinished(startedDaysAgo: number, days: number): Promise<void> {
  const db = ctx.handle.db;
  const started = Date.now() - startedDaysAgo * MS_PER_DAY;
  const number = nextNumber++;
  const [row] = await db
    .insert(items)
    .values({
      workspaceId: team.workspaceId,
      number,
      type: 'task',
      title: `Task ${number}`,
      rank: `a${number}`,
      state: 'done',
    })
    .returning({ id: items.id });
  const steps: ['new' | 'in_progress' | 'done', number][] = [
    ['new', started - MS_PER_DAY],
    ['in_progress', started],
    ['done', started + days * MS_PER_DAY],
  ];
  let from: string | null = null;
  for (const [to, at] of steps) {
    await db.insert(itemStateChanges).values({
      workspaceId: team.workspaceId,
      itemId: row!.id,
      fromState: from as never,
      toState: to,
      changedAt: new Date(at),
    });
    from = to;
  }
}

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app);
  base = `/api/workspaces/${team.workspaceId}/assessments`;
});
afterAll(() => ctx.close());

describe('measured practice answers', () => {
  it('should leave the item size unmeasured while fewer than ten items finished', async () => {
    for (const days of CYCLE_DAYS.slice(0, 9)) await addFinished(40, days);
    const res = await team.founder.get<AssessmentPrefill>(`${base}/prefill?variant=full`);
    expect(res.status).toBe(200);
    expect(res.body.answers['item-size']).toBeUndefined();
    expect(res.body.unknown.find((u) => u.questionId === 'item-size')?.reason).toContain('(9)');
  });

  it('should prefill the item size from the cycle times of the last 90 days and note the period', async () => {
    for (const days of CYCLE_DAYS.slice(9)) await addFinished(30, days);
    // Finished 100 days ago: outside the period, so neither counted nor measured.
    await addFinished(130, 30);
    const res = await team.founder.get<AssessmentPrefill>(`${base}/prefill?variant=full`);
    expect(res.body.answers['item-size']).toBe('3-5-days');
    expect(res.body.sources['item-size']).toMatch(
      /^measured: 12 items finished \d{1,2} \w{3}( \d{4})? – \d{1,2} \w{3} \d{4}, cycle time median 4 days, P85 8\.7 days$/,
    );
    expect(res.body.unknown.some((u) => u.questionId === 'item-size')).toBe(false);
  });

  it('should keep the answer the person gives instead of the measured one', async () => {
    const prefill = await team.founder.get<AssessmentPrefill>(`${base}/prefill?variant=full`);
    const answers = { ...prefill.body.answers, 'item-size': 'over-2-weeks' };
    const created = await team.founder.post<Assessment>(base, { variant: 'full', answers });
    expect(created.status).toBe(201);
    expect(created.body.report.answers['item-size']).toBe('over-2-weeks');
    const stored = await team.founder.get<Assessment>(`${base}/${created.body.number}`);
    expect(stored.body.report.answers['item-size']).toBe('over-2-weeks');
    expect(stored.body.report.findings.map((f) => f.id)).toContain('oversized-work-items');
  });
});
