/**
 * Closing the loop on scores: adoption recorded for shipped ideas, compared with what their
 * acceptance predicted. Intervals are the Jeffreys 90 % ones the reach engine gives; the figures
 * quoted were computed independently with SciPy (`scipy.stats.beta.ppf`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdeaAdoption, IdeaList, IdeaTrackRecord, Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app, ['founder', 'cpo', 'product_manager', 'developer', 'viewer']);
});
afterAll(() => ctx.close());

const W = () => `/api/workspaces/${team.workspaceId}`;

// Four accounts heard: SSO asked by Acme (sales) and Globex (sales and support), 2 of 4; Export
// by Initech (support), 1 of 4; Dark mode by Umbrella (interview), never accepted.
const EVIDENCE = [
  'external_id,created_at,source_type,source_url,requester_email,company,text,idea_ref,importance',
  'ev-1,2026-10-01,sales,,ana@acme.com,Acme,Needs SSO,SSO,3',
  'ev-2,2026-10-02,sales,,li@globex.com,Globex,SSO for renewal,SSO,2',
  'ev-3,2026-10-03,support,,li@globex.com,Globex,SSO please,SSO,2',
  'ev-4,2026-10-03,support,,bo@initech.com,Initech,Export to CSV,Export,1',
  'ev-5,2026-10-04,interview,,kim@umbrella.com,Umbrella,Dark mode,Dark mode,1',
].join('\n');

async function ideaOf(ref: string) {
  const res = await team.viewer.get<IdeaList>(`${W()}/ideas`);
  const idea = res.body.ideas.find((i) => i.ref === ref);
  if (!idea) throw new Error(`no idea ${ref}`);
  return idea;
}

/**
 * Scores an idea (RICE reach and impact, typed by Dana), accepts it (Chris), and marks it done.
 * With `impactByChris`, Chris types the impact over Dana's before accepting.
 */
async function acceptAndShip(
  ref: string,
  scores: { reach: number; impact: number | string },
  options: { impactByChris?: boolean } = {},
) {
  const idea = await ideaOf(ref);
  const item = (await team.cpo.get<Item>(`${W()}/items/${idea.itemId}`)).body;
  const typed = { rice_reach: scores.reach, rice_impact: 'low', rice_confidence: 80, rice_effort: 2 };
  let scored = await team.product_manager.patch<Item>(`${W()}/items/${idea.itemId}`, {
    version: item.version,
    scores: options.impactByChris ? typed : { ...typed, rice_impact: scores.impact },
  });
  expect(scored.status).toBe(200);
  if (options.impactByChris) {
    scored = await team.cpo.patch<Item>(`${W()}/items/${idea.itemId}`, {
      version: scored.body.version,
      scores: { ...typed, rice_impact: scores.impact },
    });
    expect(scored.status).toBe(200);
  }
  const decided = await team.cpo.post(`${W()}/ideas/${idea.itemId}/decision`, {
    outcome: 'accepted',
    reason: 'Customers ask',
    version: scored.body.version,
  });
  expect(decided.status).toBe(200);
  return idea.itemId;
}

async function ship(itemId: string) {
  const item = (await team.cpo.get<Item>(`${W()}/items/${itemId}`)).body;
  const done = await team.developer.patch<Item>(`${W()}/items/${itemId}`, {
    version: item.version,
    state: 'done',
  });
  expect(done.status).toBe(200);
}

const adoption = (itemId: string) => `${W()}/ideas/${itemId}/adoption`;
const OBSERVED = { periodStart: '2026-11-01', periodEnd: '2026-11-30', unit: 'users' } as const;

describe('adoption and the track record of predictions', () => {
  let sso: string;
  let exported: string;

  beforeAll(async () => {
    expect((await team.cpo.post(`${W()}/evidence/import`, { evidenceCsv: EVIDENCE })).status).toBe(200);
    sso = await acceptAndShip('SSO', { reach: 100, impact: 'high' });
    exported = await acceptAndShip('Export', { reach: 12, impact: 1 }, { impactByChris: true });
  });

  it('should keep the sources and the scores with the acceptance', async () => {
    const decision = (await ideaOf('SSO')).decision;
    expect(decision?.snapshot).toMatchObject({
      accounts: 2,
      reach: { share: 0.5, asked: 2, heard: 4 },
      sources: [
        { source: 'sales', notes: 2, accounts: 2 },
        { source: 'support', notes: 1, accounts: 1 },
      ],
      // Dana typed both; Chris, who accepted, vouched for them.
      estimate: { reach: 100, impact: 2, reachBy: 'Dana', impactBy: 'Dana' },
    });
    expect((await ideaOf('Export')).decision?.snapshot.estimate).toEqual({
      reach: 12,
      impact: 1,
      reachBy: 'Dana',
      impactBy: 'Chris',
    });
    expect(decision?.snapshot.reach?.low).toBeCloseTo(0.16528, 4);
    expect(decision?.snapshot.reach?.high).toBeCloseTo(0.83472, 4);
  });

  it('should refuse an adoption for an idea not done yet, and say so', async () => {
    const res = await team.cpo.post<{ error: { message: string } }>(adoption(sso), { ...OBSERVED, reach: 5 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /is not done yet \(it is \w+\): record its adoption once it has shipped/,
    );
    expect((await team.cpo.get<{ adoption: null }>(adoption(sso))).body.adoption).toBeNull();
  });

  it('should refuse negative, non-numeric and inconsistent values with what to fix', async () => {
    await ship(sso);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...OBSERVED, reach: -1 }, /cannot be negative/],
      [{ ...OBSERVED, reach: 'many' }, /as a number/],
      [{ ...OBSERVED, reach: 2.5 }, /whole number/],
      [{ ...OBSERVED, reach: 10, outOf: 5 }, /outOf \(5\) must be at least the reach \(10\)/],
      [{ ...OBSERVED, reach: 1, impact: -0.5 }, /impact cannot be negative/],
      [{ ...OBSERVED, reach: 1, impact: 'big' }, /impact as a number/],
      [{ ...OBSERVED, periodEnd: '2026-10-01', reach: 1 }, /end the period on or after its start/],
      [{ ...OBSERVED, unit: 'teams', reach: 1 }, /accounts, users/],
    ];
    for (const [body, message] of cases) {
      const res = await team.cpo.post<{ error: { message: string } }>(adoption(sso), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await team.cpo.get<{ adoption: null }>(adoption(sso))).body.adoption).toBeNull();
    const viewer = await team.viewer.post(adoption(sso), { ...OBSERVED, reach: 1 });
    expect(viewer.status).toBe(403);
  });

  it('should record an adoption, refuse a second one without its version, and correct it with it', async () => {
    const first = await team.developer.post<IdeaAdoption>(adoption(sso), {
      ...OBSERVED,
      reach: 120,
      outOf: 600,
      impact: 1,
      note: 'Two accounts turned SSO on',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ reach: 120, outOf: 600, impact: 1, recordedBy: 'Jonas', version: 1 });

    const again = await team.cpo.post(adoption(sso), { ...OBSERVED, reach: 150, outOf: 600, impact: 1 });
    expect(again.status).toBe(409);
    const corrected = await team.cpo.post<IdeaAdoption>(adoption(sso), {
      ...OBSERVED,
      reach: 150,
      outOf: 600,
      impact: 1,
      version: 1,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ reach: 150, recordedBy: 'Chris', version: 2, note: null });
    const stale = await team.cpo.post(adoption(sso), { ...OBSERVED, reach: 1, outOf: 600, version: 1 });
    expect(stale.status).toBe(409);
    const read = await team.viewer.get<{ adoption: IdeaAdoption }>(adoption(sso));
    expect(read.body.adoption).toEqual(corrected.body);
  });

  it('should compare predictions with adoption per source and per estimator, with hand-computed figures', async () => {
    const waiting = (await team.viewer.get<IdeaTrackRecord>(`${W()}/ideas/track-record`)).body;
    expect(waiting).toMatchObject({ compared: 1, awaitingAdoption: 0, minIdeas: 5 });
    await ship(exported);
    expect((await team.viewer.get<IdeaTrackRecord>(`${W()}/ideas/track-record`)).body.awaitingAdoption).toBe(
      1,
    );
    // Export: predicted share 1/4 = 0.25, interval 0.046–0.651; observed 18 of 600 = 0.03 (outside).
    const res = await team.cpo.post(adoption(exported), { ...OBSERVED, reach: 18, outOf: 600, impact: 3 });
    expect(res.status).toBe(200);

    const record = (await team.viewer.get<IdeaTrackRecord>(`${W()}/ideas/track-record`)).body;
    expect(record).toMatchObject({ compared: 2, awaitingAdoption: 0 });
    const group = (groupBy: string, key: string, measure: string) =>
      record.groups.find((g) => g.groupBy === groupBy && g.key === key && g.measure === measure);
    // SSO: observed 150 / 600 = 0.25 against 0.5 → ratio 0.5, inside 0.165–0.835.
    expect(group('source', 'sales', 'reach')).toMatchObject({
      ideas: 1,
      inside: 1,
      withInterval: 1,
      enough: false,
    });
    expect(group('source', 'sales', 'reach')?.medianRatio).toBeCloseTo(0.5, 10);
    expect(group('source', 'sales', 'reach')?.verdict).toBe(
      'sales-sourced reach over-predicted by ~2× on 1 idea, inside its interval 1 of 1 times; too few to tell (1 of the 5 ideas needed)',
    );
    // Support fed both: ratios 0.5 and 0.03 / 0.25 = 0.12 → √0.06 ≈ 0.245, over by ~4.1×.
    const support = group('source', 'support', 'reach');
    expect(support).toMatchObject({ ideas: 2, inside: 1, withInterval: 2 });
    expect(support?.medianRatio).toBeCloseTo(Math.sqrt(0.06), 10);
    expect(support?.verdict).toMatch(/^support-sourced reach over-predicted by ~4.1× on 2 ideas/);
    expect(group('estimator', 'evidence', 'reach')?.medianRatio).toBeCloseTo(Math.sqrt(0.06), 10);
    // Each prediction is credited to whoever typed it, not to Chris, who accepted both.
    // Dana typed both reaches: 100 and 12 against 150 and 18 users → 1.5 each.
    expect(group('estimator', 'Dana', 'reach')).toMatchObject({ ideas: 2 });
    expect(group('estimator', 'Dana', 'reach')?.medianRatio).toBeCloseTo(1.5, 10);
    expect(group('estimator', 'Dana', 'reach')?.verdict).toMatch(
      /^reach estimated by Dana under-predicted by ~1.5×/,
    );
    expect(group('estimator', 'Chris', 'reach')).toBeUndefined();
    // Impact: Dana's 2 → observed 1 (ratio 0.5); Chris's 1 → observed 3 (ratio 3).
    expect(group('estimator', 'Dana', 'impact')).toMatchObject({ ideas: 1 });
    expect(group('estimator', 'Dana', 'impact')?.medianRatio).toBeCloseTo(0.5, 10);
    expect(group('estimator', 'Chris', 'impact')).toMatchObject({ ideas: 1 });
    expect(group('estimator', 'Chris', 'impact')?.medianRatio).toBeCloseTo(3, 10);
    expect(record.groups.some((g) => g.key === 'interview')).toBe(false);

    const list = (await team.viewer.get<IdeaList>(`${W()}/ideas`)).body;
    expect(list.trackRecord).toEqual(record);
    expect(list.ideas.find((i) => i.itemId === exported)?.adoption).toMatchObject({ reach: 18, outOf: 600 });
  });

  it('should answer 404 for an idea of another workspace or a malformed id', async () => {
    expect((await team.cpo.get(`${W()}/ideas/not-a-uuid/adoption`)).status).toBe(404);
    const missing = await team.cpo.post(adoption('00000000-0000-4000-8000-000000000000'), {
      ...OBSERVED,
      reach: 1,
    });
    expect(missing.status).toBe(404);
  });
});
