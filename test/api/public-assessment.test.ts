/**
 * The free assessment behind a published link: publishing, listing and revoking links, a
 * visitor's answers with and without consent, and the abuse a public form invites (huge bodies,
 * rapid submissions, hostile text).
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AssessmentLead,
  AssessmentLink,
  CreatedAssessmentLink,
  PublicAssessment,
  PublicAssessmentResult,
  Questionnaire,
} from '../../src/contract';
import { assessmentLeads } from '../../src/db/schema';
import { renderPublicReport } from '../../src/server/commands/public-assessment';
import { inspectHtml } from '../support/active-content';
import { createTestApp, databaseOf } from '../support/app';
import { TestClient } from '../support/client';
import { createTeam, type Team } from '../support/team';

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let links: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.app);
  links = `/api/workspaces/${team.workspaceId}/assessment-links`;
});
afterAll(() => ctx.close());

let n = 0;
/** A visitor from a new address of the documentation ranges, so each test has its own counters. */
function visitor(): TestClient {
  n += 1;
  const client = new TestClient(ctx.app);
  client.address = `198.51.100.${n}`;
  return client;
}

async function publish(name = 'Website'): Promise<CreatedAssessmentLink> {
  const res = await team.cpo.post<CreatedAssessmentLink>(links, { name });
  expect(res.status).toBe(201);
  return res.body;
}

const publicPath = (token: string) => `/api/public/assessments/${token}`;

/** An answer to every question: the first option of each choice, the least of each number. */
function answersTo(questionnaire: Questionnaire): Record<string, unknown> {
  return Object.fromEntries(
    questionnaire.questions.map((q) => {
      const spec = q.answer;
      if (spec.kind === 'number') return [q.id, spec.min];
      if (spec.kind === 'multi') return [q.id, [spec.options[0]?.id]];
      return [q.id, spec.options[0]?.id];
    }),
  );
}

async function leadCount(): Promise<number> {
  const db = databaseOf(ctx.app);
  const [row] = await db
    .select({ n: count() })
    .from(assessmentLeads)
    .where(eq(assessmentLeads.workspaceId, team.workspaceId));
  return row?.n ?? 0;
}

describe('published assessment links', () => {
  it('should publish a link whose page shows the questionnaire and the publisher without an account', async () => {
    const link = await publish();
    expect(link.token).toMatch(/^hwa_[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/a/${link.token}`);
    const page = await visitor().get<PublicAssessment>(publicPath(link.token));
    expect(page.status).toBe(200);
    expect(page.body.publisher).toBe('Acme');
    expect(page.body.questionnaire.variant).toBe('short');
    expect(page.body.questionnaire.questions.length).toBeGreaterThan(5);
  });

  it('should list the open links without their secrets, and answer 404 once one is revoked', async () => {
    const link = await publish('Newsletter');
    const listed = await team.developer.get<{ data: AssessmentLink[] }>(links);
    expect(listed.status).toBe(200);
    const mine = listed.body.data.find((l) => l.id === link.id);
    expect(mine).toMatchObject({ name: 'Newsletter', leads: 0, createdByName: 'Chris' });
    expect(JSON.stringify(listed.body)).not.toContain(link.token);

    expect((await team.founder.delete(`${links}/${link.id}`)).status).toBe(204);
    const gone = await visitor().get<{ error: { message: string } }>(publicPath(link.token));
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/unknown or was withdrawn/);
    const submit = await visitor().post(`${publicPath(link.token)}/report`, { answers: {} });
    expect(submit.status).toBe(404);
    const after = await team.founder.get<{ data: AssessmentLink[] }>(links);
    expect(after.body.data.map((l) => l.id)).not.toContain(link.id);
    expect((await team.founder.delete(`${links}/${link.id}`)).status).toBe(404);
  });

  it('should answer 404 for an unknown or malformed secret', async () => {
    const unknown = `hwa_${'A'.repeat(43)}`;
    expect((await visitor().get(publicPath(unknown))).status).toBe(404);
    expect((await visitor().get(publicPath('nope'))).status).toBe(404);
  });

  it('should refuse publishing to a member without the roadmap decision, naming who holds it', async () => {
    const res = await team.developer.post<{ error: { code: string; message: string } }>(links, { name: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('decision_not_yours');
    expect(res.body.error.message).toMatch(/Chris/);
  });
});

describe('a visitor answering a published assessment', () => {
  it('should return the report and keep nothing when the visitor does not consent', async () => {
    const link = await publish();
    const page = await visitor().get<PublicAssessment>(publicPath(link.token));
    const before = await leadCount();
    const res = await visitor().post<PublicAssessmentResult>(`${publicPath(link.token)}/report`, {
      answers: answersTo(page.body.questionnaire),
      email: 'without-consent@example.com',
    });
    expect(res.status).toBe(200);
    expect(res.body.leadStored).toBe(false);
    expect(res.body.publisher).toBe('Acme');
    expect(res.body.report.findings.length).toBeGreaterThan(0);
    expect(await leadCount()).toBe(before);
  });

  it('should keep a lead with answers and score when the visitor consents and gives an e-mail', async () => {
    const link = await publish();
    const page = await visitor().get<PublicAssessment>(publicPath(link.token));
    const answers = answersTo(page.body.questionnaire);
    const res = await visitor().post<PublicAssessmentResult>(`${publicPath(link.token)}/report`, {
      answers,
      consent: true,
      email: 'Founder@Prospect.example',
      company: 'Prospect Ltd',
    });
    expect(res.status).toBe(200);
    expect(res.body.leadStored).toBe(true);
    const leads = await team.viewer.get<{ data: AssessmentLead[] }>(
      `/api/workspaces/${team.workspaceId}/assessment-leads`,
    );
    const lead = leads.body.data.find((l) => l.email === 'founder@prospect.example');
    expect(lead).toMatchObject({ company: 'Prospect Ltd', linkName: 'Website', answers });
    expect(lead?.overall).toBe(Math.round(res.body.report.scores.overall ?? Number.NaN));
    expect(lead?.findings).toBe(res.body.report.findings.length);
  });

  it('should refuse consent without an e-mail, and keep nothing', async () => {
    const link = await publish();
    const before = await leadCount();
    const res = await visitor().post<{ error: { message: string } }>(`${publicPath(link.token)}/report`, {
      answers: {},
      consent: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/email: give your e-mail/);
    expect(await leadCount()).toBe(before);
  });

  it('should answer 400 naming the question of a bad answer', async () => {
    const link = await publish();
    const page = await visitor().get<PublicAssessment>(publicPath(link.token));
    const choice = page.body.questionnaire.questions.find((q) => q.answer.kind === 'choice');
    if (!choice) throw new Error('the short questionnaire has no choice question');
    const res = await visitor().post<{
      error: { message: string; details: { problems: { questionId: string }[] } };
    }>(`${publicPath(link.token)}/report`, { answers: { [choice.id]: 'not-an-option' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(choice.id);
    expect(res.body.error.details.problems.map((p) => p.questionId)).toEqual([choice.id]);
  });

  it('should refuse a 10 MB answer with 413 and say what to send', async () => {
    const link = await publish();
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const res = await visitor().post<{ error: { code: string; message: string } }>(
      `${publicPath(link.token)}/report`,
      { answers: { stage: huge } },
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toMatch(/Your answers are larger than 64 kB/);
  });

  it('should throttle 1,000 rapid submissions from one address with 429 and Retry-After', async () => {
    const link = await publish();
    const client = visitor();
    const statuses: number[] = [];
    // After the first 30, a submission may pass only once the wait the last refusal named is over
    // (a loaded machine can take longer than that wait to send the thousand).
    const early: string[] = [];
    let retryAfter: string | null = null;
    let lockedUntil = 0;
    for (let i = 0; i < 1000; i += 1) {
      const res = await client.post<{ error: { details: { retryAt: string } } }>(
        `${publicPath(link.token)}/report`,
        { answers: {} },
      );
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter ??= res.headers.get('retry-after');
        lockedUntil = Date.parse(res.body.error.details.retryAt);
      } else if (i >= 30 && Date.now() < lockedUntil) early.push(`#${i + 1} → ${res.status}`);
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(early).toEqual([]);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another address is not held back by this one.
    expect((await visitor().post(`${publicPath(link.token)}/report`, { answers: {} })).status).toBe(200);
  }, /* a thousand requests on a busy machine */ 180_000);
});

describe('hostile text in a published assessment', () => {
  const HOSTILE = ['<script>window.__pwned(1)</script>', '"><img src=x onerror=window.__pwned(2)>'];

  it('should render a visitor’s hostile company name as text in the HTML report behind the PDF', async () => {
    const link = await publish();
    for (const company of HOSTILE) {
      const { html } = await renderPublicReport(databaseOf(ctx.app), {
        secret: link.token,
        addressKey: null,
        answers: {},
        company,
      });
      const { problems, doc } = inspectHtml(html, { styleAttribute: /^width:\s?\d+(\.\d+)?%;?$/ });
      expect(problems, company).toEqual([]);
      expect(doc.querySelector('h1')?.textContent).toContain(company);
    }
  });

  it('should refuse hostile text given as an answer with a JSON 400 naming the question, keeping nothing', async () => {
    const link = await publish();
    const page = await visitor().get<PublicAssessment>(publicPath(link.token));
    const choice = page.body.questionnaire.questions.find((q) => q.answer.kind === 'choice');
    if (!choice) throw new Error('the short questionnaire has no choice question');
    const before = await leadCount();
    for (const text of HOSTILE) {
      const res = await visitor().post<{ error: { details: { problems: { questionId: string }[] } } }>(
        `${publicPath(link.token)}/report`,
        { answers: { [choice.id]: text }, consent: true, email: 'hostile-answer@example.com' },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body.error.details.problems.map((p) => p.questionId)).toEqual([choice.id]);
    }
    expect(await leadCount()).toBe(before);
  });

  it('should keep hostile contact details as plain data in the leads', async () => {
    const link = await publish();
    const res = await visitor().post<PublicAssessmentResult>(`${publicPath(link.token)}/report`, {
      answers: {},
      consent: true,
      email: 'hostile@example.com',
      name: HOSTILE[0],
      company: HOSTILE[1],
    });
    expect(res.body.report.company).toBe(HOSTILE[1]);
    const leads = await team.founder.get<{ data: AssessmentLead[] }>(
      `/api/workspaces/${team.workspaceId}/assessment-leads`,
    );
    expect(leads.body.data.find((l) => l.email === 'hostile@example.com')).toMatchObject({
      name: HOSTILE[0],
      company: HOSTILE[1],
    });
  });
});

describe('the PDF of a published assessment', () => {
  it('should print the report of the answers as a PDF download', async () => {
    const link = await publish();
    const res = await ctx.app.request(`${publicPath(link.token)}/report/pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: {} }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 30_000);
});
