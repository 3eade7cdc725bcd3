/**
 * A workspace started from an assessment (the last step of a published one): the decision rights
 * its growth plan implies, the assessment as #1 and invitation links for the team it describes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, CreatedWorkspace, DecisionRights, Member } from '../../src/contract';
import { defaultDecisionMatrix } from '../../src/domain/decision-rights';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** A seed company: a CTO, a fractional CPO, four developers and a half-time designer. */
const ANSWERS = {
  stage: 'mvp',
  developers: 4,
  'tech-leads': 0,
  designers: 0.5,
  'product-managers': 0,
  'senior-tech': 'cto',
  'product-leadership': 'fractional-cpo',
  'backlog-owner': 'founder',
  'delivery-owner': 'cto',
};

async function signedIn(name: string): Promise<TestClient> {
  const client = new TestClient(ctx.app);
  await client.signUp(name);
  return client;
}

describe('a workspace from an assessment', () => {
  it('should apply the plan’s decision rights, store the assessment as #1 and invite the team it describes', async () => {
    const founder = await signedIn('Ada');
    const res = await founder.post<CreatedWorkspace>('/api/workspaces', {
      name: 'Prospect Ltd',
      fromAssessment: { answers: ANSWERS },
    });
    expect(res.status).toBe(201);
    const created = res.body;
    expect(created.role).toBe('founder');
    const invited = created.fromAssessment?.invitations.map((i) => `${i.role}@${i.fte}`).sort();
    expect(invited).toEqual(
      ['cpo@0.2', 'cto@1', 'designer@0.5', 'developer@1', 'developer@1', 'developer@1', 'developer@1'].sort(),
    );

    const base = `/api/workspaces/${created.id}`;
    const assessment = await founder.get<Assessment>(`${base}/assessments/1`);
    expect(assessment.status).toBe(200);
    expect(assessment.body.report.company).toBe('Prospect Ltd');
    expect(assessment.body.report.answers).toMatchObject(ANSWERS);

    const rights = await founder.get<DecisionRights>(`${base}/decision-rights`);
    const accountable = assessment.body.impliedDecisionRights.filter((r) => r.letter === 'A');
    expect(accountable.length).toBeGreaterThan(0);
    for (const right of accountable) expect(rights.body.matrix[right.decision][right.role]).toBe('A');
    const defaults = defaultDecisionMatrix();
    const changed = Object.entries(rights.body.matrix).flatMap(([decision, row]) =>
      Object.entries(row).filter(
        ([role, letter]) => defaults[decision as keyof typeof defaults][role as keyof typeof row] !== letter,
      ),
    );
    expect(changed.length).toBe(created.fromAssessment?.rightsChanged);

    // An invitation link lets a colleague join in the role the answers gave them.
    const cto = created.fromAssessment?.invitations.find((i) => i.role === 'cto');
    const colleague = await signedIn('Sam');
    const joined = await colleague.post('/api/invitations/accept', { token: cto?.path.split('/join/')[1] });
    expect(joined.status).toBe(200);
    const members = await founder.get<{ data: Member[] }>(`${base}/members`);
    expect(members.body.data.find((m) => m.name === 'Sam')?.role).toBe('cto');
  });

  it('should refuse a bad answer naming its question, and create nothing', async () => {
    const founder = await signedIn('Bea');
    const res = await founder.post<{ error: { message: string } }>('/api/workspaces', {
      name: 'Broken',
      fromAssessment: { answers: { ...ANSWERS, developers: -3 } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('developers');
    const mine = await founder.get<{ workspaces: unknown[] }>('/api/me');
    expect(mine.body.workspaces).toEqual([]);
  });

  it('should create a plain workspace with the default decision rights without an assessment', async () => {
    const founder = await signedIn('Cy');
    const res = await founder.post<CreatedWorkspace>('/api/workspaces', { name: 'Plain' });
    expect(res.status).toBe(201);
    expect(res.body.fromAssessment).toBeUndefined();
    const rights = await founder.get<DecisionRights>(`/api/workspaces/${res.body.id}/decision-rights`);
    expect(rights.body.matrix).toEqual(defaultDecisionMatrix());
  });
});
