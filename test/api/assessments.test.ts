/**
 * The assessment over HTTP: questionnaire and prefill, storing versioned assessments, reports,
 * comparisons and applying the decision rights a growth plan implies.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AppliedAssessmentRights,
  Assessment,
  AssessmentComparisonView,
  AssessmentPrefill,
  AssessmentSummary,
  DecisionRights,
  Member,
  Questionnaire,
} from '../../src/contract';
import { workspaces } from '../../src/db/schema';
import { assessSetup, listQuestions } from '../../src/domain/assessment';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let other: Team;
let base: string;

/**
 * A seed-stage company whose CTO runs delivery for five developers: answers to the short
 * questionnaire, plus `hygiene`, which only the full questionnaire asks.
 */
const CTO_RUNS_DELIVERY = {
  stage: 'early-traction',
  'user-facing': 'yes',
  developers: 5,
  'tech-leads': 0,
  designers: 0.5,
  'product-managers': 0,
  location: 'remote',
  'senior-tech': 'cto',
  'backlog-owner': 'cto',
  'delivery-owner': 'cto',
  roadmap: 'ordered',
  'design-ownership': 'freelance-screens',
  'delivery-manager': 'none',
  'cto-delivery-share': 'over-60',
  'product-leadership': 'informal-mentor',
  'estimation-method': 'relative',
  'milestones-on-time': '0-1',
  'deploy-frequency': 'weekly-to-monthly',
  'lead-time': '1-week-to-1-month',
  'change-fail-rate': 20,
  'recovery-time': 'under-1-day',
  'bus-factor': 'one',
  hygiene: ['source-control', 'ci-build'],
};

/** Six months later: a project manager runs delivery and the CTO spends under 20% on it. */
const AFTER_HIRING_A_MANAGER = {
  ...CTO_RUNS_DELIVERY,
  'product-managers': 1,
  'delivery-owner': 'manager',
  'delivery-manager': 'dedicated',
  'cto-delivery-share': 'under-20',
};

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app);
  other = await createTeam(ctx.app, ['founder']);
  base = `/api/workspaces/${team.workspaceId}/assessments`;
});
afterAll(() => ctx.close());

async function countAssessments(): Promise<number> {
  const res = await team.viewer.get<{ data: AssessmentSummary[] }>(base);
  expect(res.status).toBe(200);
  return res.body.data.length;
}

async function rightsVersion(): Promise<number> {
  const res = await team.founder.get<DecisionRights>(`/api/workspaces/${team.workspaceId}/decision-rights`);
  return res.body.version;
}

describe('assessment questionnaire and prefill', () => {
  it('should serve the short questionnaire as data when asked for the short variant', async () => {
    const short = await team.developer.get<Questionnaire>(`${base}/questionnaire?variant=short`);
    const full = await team.developer.get<Questionnaire>(`${base}/questionnaire?variant=full`);
    expect(short.status).toBe(200);
    expect(short.body.questions.map((q) => q.id)).toEqual(listQuestions({ short: true }).map((q) => q.id));
    expect(short.body.questions.every((q) => q.short)).toBe(true);
    expect(full.body.questions.length).toBeGreaterThan(short.body.questions.length);
    expect(short.body.areas).toHaveLength(5);
    const developers = short.body.questions.find((q) => q.id === 'developers');
    expect(developers?.answer).toMatchObject({ kind: 'number', unit: 'FTE' });
  });

  it('should refuse an unknown variant with 400', async () => {
    const res = await team.developer.get(`${base}/questionnaire?variant=medium`);
    expect(res.status).toBe(400);
  });

  it('should prefill head counts and roles from the members and leave DORA unknown', async () => {
    // The team has one developer, one designer, one product manager, a CTO, a CTPO and a CPO at 0.2.
    const res = await team.founder.get<AssessmentPrefill>(`${base}/prefill?variant=short`);
    expect(res.status).toBe(200);
    expect(res.body.answers).toMatchObject({
      developers: 1,
      designers: 1,
      'product-managers': 1,
      'senior-tech': 'ctpo',
      'product-leadership': 'ctpo',
    });
    expect(res.body.sources.developers).toContain('team members');
    for (const id of ['deploy-frequency', 'lead-time', 'change-fail-rate', 'recovery-time']) {
      expect(res.body.answers[id]).toBeUndefined();
      expect(res.body.unknown.find((u) => u.questionId === id)?.reason).toContain('no deploy');
    }
  });

  it('should count a developer with a tech-lead skill as a tech lead when prefilling', async () => {
    const members = await team.founder.get<{ data: Member[] }>(`/api/workspaces/${team.workspaceId}/members`);
    const jonas = members.body.data.find((m) => m.role === 'developer') as Member;
    const patched = await team.founder.patch(`/api/workspaces/${team.workspaceId}/members/${jonas.userId}`, {
      version: jonas.version,
      skills: ['backend', 'tech-lead'],
    });
    expect(patched.status).toBe(200);
    const res = await team.founder.get<AssessmentPrefill>(`${base}/prefill?variant=short`);
    expect(res.body.answers.developers).toBe(0);
    expect(res.body.answers['tech-leads']).toBe(1);
    expect(res.body.sources['tech-leads']).toContain('tech-lead skill');
  });
});

describe('assessments', () => {
  let first: Assessment;

  it('should assess the short questionnaire and return findings when the founder answers it', async () => {
    const res = await team.founder.post<Assessment>(base, { variant: 'short', answers: CTO_RUNS_DELIVERY });
    expect(res.status).toBe(201);
    first = res.body;
    expect(first.number).toBe(1);
    expect(first.variant).toBe('short');
    expect(first.createdByName).toBe('Alex');
    expect(first.ignored).toEqual(['hygiene']);
    const ids = first.report.findings.map((f) => f.id);
    expect(ids).toContain('cto-owns-delivery');
    expect(ids).toContain('no-delivery-manager');
    // The response carries the engine's report whole: nothing dropped on the way out.
    const { hygiene: _hygiene, ...shortAnswers } = CTO_RUNS_DELIVERY;
    expect(first.report).toEqual(
      JSON.parse(JSON.stringify(assessSetup({ answers: shortAnswers, short: true, company: 'Acme' }))),
    );
    expect(first.findings.high).toBe(first.report.findings.filter((f) => f.severity === 'high').length);
    expect(first.impliedDecisionRights.length).toBeGreaterThan(0);
  });

  it('should let any member read the list and the assessment when it is stored', async () => {
    const list = await team.viewer.get<{ data: AssessmentSummary[] }>(base);
    expect(list.body.data.map((a) => a.number)).toEqual([1]);
    const one = await team.developer.get<Assessment>(`${base}/1`);
    expect(one.status).toBe(200);
    expect(one.body.report.findings).toEqual(first.report.findings);
  });

  it('should list every bad answer and store nothing when the answers are invalid', async () => {
    const before = await countAssessments();
    const res = await team.founder.post<{
      error: {
        code: string;
        message: string;
        details: { problems: { questionId: string; message: string }[] };
      };
    }>(base, {
      variant: 'short',
      answers: { ...CTO_RUNS_DELIVERY, developers: -2, 'delivery-owner': 'the-intern', colour: 'blue' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const problems = res.body.error.details.problems;
    expect(problems.map((p) => p.questionId).sort()).toEqual(['colour', 'delivery-owner', 'developers']);
    expect(problems.find((p) => p.questionId === 'delivery-owner')?.message).toContain('manager');
    expect(problems.find((p) => p.questionId === 'developers')?.message).toContain('from 0 to 500');
    expect(await countAssessments()).toBe(before);
  });

  it('should refuse a developer recording an assessment and name who decides', async () => {
    const res = await team.developer.post<{ error: { code: string } }>(base, {
      variant: 'short',
      answers: CTO_RUNS_DELIVERY,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
  });

  it('should render the report as Markdown, standalone HTML and JSON when asked', async () => {
    const md = await team.developer.request('GET', `${base}/1/report?format=md`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(String(md.body)).toContain('# Development setup assessment: Acme');
    const html = await team.developer.request('GET', `${base}/1/report?format=html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = String(html.body);
    expect(page.toLowerCase()).toMatch(/^<!doctype html>/);
    expect(page).toContain('@media print');
    expect(page).not.toMatch(/<script|<link /i);
    const json = await team.developer.get<{ findings: { id: string }[] }>(`${base}/1/report?format=json`);
    expect(json.body.findings.map((f) => f.id)).toEqual(first.report.findings.map((f) => f.id));
  });

  it('should close the CTO-owns-delivery finding when a re-assessment shows a manager running delivery', async () => {
    const second = await team.founder.post<Assessment>(base, {
      variant: 'short',
      answers: AFTER_HIRING_A_MANAGER,
    });
    expect(second.status).toBe(201);
    expect(second.body.number).toBe(2);
    const res = await team.viewer.get<AssessmentComparisonView>(`${base}/compare?from=1&to=2`);
    expect(res.status).toBe(200);
    const closed = res.body.closed.map((f) => f.id);
    expect(closed).toContain('cto-owns-delivery');
    expect(closed).toContain('no-delivery-manager');
    expect(res.body.opened).toEqual([]);
    expect(res.body.persisting.map((f) => f.id)).toContain('bus-factor');
    // Delivery ownership is scored under product ownership: a manager (3 points) replaces the CTO (1).
    const product = res.body.areas.find((a) => a.area === 'product');
    expect(product?.delta).toBeGreaterThan(0);
    expect(res.body.overall.delta).toBeGreaterThan(0);
    expect(res.body.from.number).toBe(1);
    expect(res.body.to.number).toBe(2);
    expect(res.body.markdown).toContain('The CTO owns delivery');
    const list = await team.viewer.get<{ data: AssessmentSummary[] }>(base);
    expect(list.body.data.map((a) => a.number)).toEqual([2, 1]);
  });

  it('should answer 404 when a compared number does not exist', async () => {
    const res = await team.viewer.get(`${base}/compare?from=1&to=9`);
    expect(res.status).toBe(404);
  });
});

describe('applying the decision rights of an assessment', () => {
  it('should preview the diff without changing the matrix when preview is true', async () => {
    const version = await rightsVersion();
    const res = await team.founder.post<AppliedAssessmentRights>(
      `${base}/1/apply-decision-rights?preview=true`,
      { version },
    );
    expect(res.status).toBe(200);
    expect(res.body.preview).toBe(true);
    expect(res.body.applied).toBe(false);
    // The default matrix gives the roadmap to the CPO; with nobody owning delivery day to day
    // the plan makes the founder accountable for it, and the CPO keeps doing the work (R).
    expect(res.body.changes).toContainEqual({
      decision: 'roadmap',
      role: 'founder',
      before: 'R',
      after: 'A',
      actionId: 'name-product-owner',
    });
    expect(res.body.changes).toContainEqual({
      decision: 'roadmap',
      role: 'cpo',
      before: 'A',
      after: 'R',
      actionId: null,
    });
    expect(await rightsVersion()).toBe(version);
  });

  it('should refuse a developer and a CTO applying decision rights with 403', async () => {
    const version = await rightsVersion();
    for (const client of [team.developer, team.cto]) {
      const res = await client.post<{ error: { code: string } }>(`${base}/1/apply-decision-rights`, {
        version,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(await rightsVersion()).toBe(version);
  });

  it('should change the matrix and log it with the assessment number when the founder applies', async () => {
    const version = await rightsVersion();
    const res = await team.founder.post<AppliedAssessmentRights>(`${base}/1/apply-decision-rights`, {
      version,
      rationale: 'the founder owns the roadmap until a PM joins',
    });
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(true);
    expect(res.body.version).toBe(version + 1);
    const rights = await team.developer.get<DecisionRights>(
      `/api/workspaces/${team.workspaceId}/decision-rights`,
    );
    expect(rights.body.version).toBe(version + 1);
    expect(rights.body.matrix.roadmap.founder).toBe('A');
    expect(rights.body.matrix.roadmap.cpo).toBe('R');
    expect(rights.body.matrix).toEqual(res.body.matrix);
    const log = await team.developer.get<{
      data: { summary: string; rationale: string | null; details: { assessmentNumber: number } }[];
    }>(`/api/workspaces/${team.workspaceId}/decisions`);
    const entry = log.body.data.find((e) => e.summary.includes('assessment #1'));
    expect(entry?.rationale).toBe('the founder owns the roadmap until a PM joins');
    expect(entry?.details.assessmentNumber).toBe(1);
  });

  it('should answer 409 when the reviewed version is stale', async () => {
    const current = await rightsVersion();
    const res = await team.founder.post<{ error: { code: string; details: { currentVersion: number } } }>(
      `${base}/1/apply-decision-rights`,
      { version: current - 1 },
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect(res.body.error.details.currentVersion).toBe(current);
  });

  it('should apply nothing and keep the version when the matrix already matches the plan', async () => {
    const version = await rightsVersion();
    const res = await team.founder.post<AppliedAssessmentRights>(`${base}/1/apply-decision-rights`, {
      version,
    });
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual([]);
    expect(res.body.applied).toBe(false);
    expect(await rightsVersion()).toBe(version);
  });

  it('should refuse with 400 when the resulting matrix would not have exactly one A per decision', async () => {
    const version = await rightsVersion();
    const rights = await team.founder.get<DecisionRights>(
      `/api/workspaces/${team.workspaceId}/decision-rights`,
    );
    // A matrix damaged outside the API (two accountable roles for scope) must not be built upon.
    const damaged = structuredClone(rights.body.matrix);
    damaged.scope.developer = 'A';
    await ctx.handle.db
      .update(workspaces)
      .set({ decisionRights: damaged })
      .where(eq(workspaces.id, team.workspaceId));
    try {
      const res = await team.founder.post<{ error: { code: string; message: string } }>(
        `${base}/1/apply-decision-rights`,
        { version },
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('exactly one accountable');
    } finally {
      await ctx.handle.db
        .update(workspaces)
        .set({ decisionRights: rights.body.matrix })
        .where(eq(workspaces.id, team.workspaceId));
    }
  });
});

describe('assessments across workspaces', () => {
  it('should answer 404 for another workspace’s assessment, report, comparison and apply', async () => {
    const paths = [
      base,
      `${base}/1`,
      `${base}/1/report?format=html`,
      `${base}/compare?from=1&to=2`,
      `${base}/prefill`,
    ];
    for (const path of paths) {
      const res = await other.founder.get(path);
      expect(res.status, path).toBe(404);
    }
    const apply = await other.founder.post(`${base}/1/apply-decision-rights`, { version: 1 });
    expect(apply.status).toBe(404);
    const create = await other.founder.post(base, { variant: 'short', answers: {} });
    expect(create.status).toBe(404);
  });

  it('should number each workspace’s assessments from 1 and keep them apart', async () => {
    const own = `/api/workspaces/${other.workspaceId}/assessments`;
    const created = await other.founder.post<Assessment>(own, {
      variant: 'full',
      answers: { developers: 2 },
    });
    expect(created.status).toBe(201);
    expect(created.body.number).toBe(1);
    expect(created.body.variant).toBe('full');
    const mine = await team.founder.get<Assessment>(`${base}/1`);
    expect(mine.body.id).not.toBe(created.body.id);
    expect((await other.founder.get<{ data: unknown[] }>(own)).body.data).toHaveLength(1);
  });

  it('should give concurrent assessments distinct consecutive numbers', async () => {
    const own = `/api/workspaces/${other.workspaceId}/assessments`;
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        other.founder.post<Assessment>(own, { variant: 'short', answers: { developers: n } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => r.body.number).sort()).toEqual([2, 3, 4]);
  });
});

describe('deleting an assessment', () => {
  it('should let only who holds the team decision delete one, and 404 from another workspace', async () => {
    const made = await team.founder.post<Assessment>(base, { variant: 'short', answers: CTO_RUNS_DELIVERY });
    expect(made.status).toBe(201);
    const path = `${base}/${made.body.number}`;
    for (const role of ['cto', 'developer', 'product_manager', 'cpo', 'viewer'] as const) {
      expect((await team[role].delete(path)).status, role).toBe(403);
    }
    expect((await other.founder.delete(path)).status).toBe(404);
    expect((await team.viewer.get(path)).status).toBe(200);
    expect((await team.founder.delete(path)).status).toBe(204);
    expect((await team.viewer.get(path)).status).toBe(404);
  });
});
