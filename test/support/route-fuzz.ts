/**
 * The schema-level fuzz of the whole API, driven by the OpenAPI document: a workspace with a real
 * row behind every path parameter, the routes the document lists, and a fingerprint of everything
 * a refused request could have changed. The hostile bodies of the write routes are split over
 * several files (`fuzz-write-bodies-*.test.ts`), so they run side by side; `fuzz-routes.test.ts`
 * sends the hostile content types, path parameters and query strings.
 */

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import type { Database } from '../../src/db/client';
import { portalSubmissions } from '../../src/db/schema';
import { createPendingDeliveries } from '../../src/server/webhooks/dispatch';
import { createTestApp } from './app';
import type { TestClient } from './client';
import { buildGithubConnection } from './factories';
import {
  arbitraryRefusedJson,
  hostileBody,
  type JsonSchema,
  RAW_BODIES,
  serializeBody,
} from './hostile-bodies';
import { createTeam, type Team } from './team';

export const RUNS = Number(process.env.HEADWAY_FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.HEADWAY_FUZZ_SEED ?? 20260101);
// Bodies per write route; the default is the figure the security review asks for.
export const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

export interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, JsonSchema> };
}

async function seed({ founder, workspaceId }: Team, db: Database) {
  const base = `/api/workspaces/${workspaceId}`;
  const created = async (path: string, body: unknown, by: TestClient = founder) => {
    const res = await by.post<Record<string, unknown>>(path, body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  // Registered first, so the changes below become its deliveries (nothing is sent: no job queue).
  const endpoint = await created(`${base}/webhooks`, { url: 'https://hooks.example.com/h', kinds: ['item'] });
  const first = (await created(`${base}/items`, { type: 'feature', title: 'Checkout' })) as unknown as Item;
  const second = (await created(`${base}/items`, { type: 'task', title: 'Invoices' })) as unknown as Item;
  await created(`${base}/items/${second.id}/dependencies`, { dependsOnId: first.id });
  const moved = await created(`${base}/items/${second.id}/move`, { afterId: null });
  const snapshot = await created(`${base}/roadmap/snapshots`, { note: 'baseline' });
  const formula = await created(`${base}/formulas`, { name: 'Value', expression: 'rice_reach * 2' });
  const session = await created(`${base}/estimation-sessions`, { title: 'Sizing', itemIds: [first.id] });
  const assessment = await created(`${base}/assessments`, { answers: {} });
  const token = await created('/api/tokens', { name: 'ci' });
  const view = await created(`${base}/saved-views`, { name: 'Bugs', shared: true, query: { type: 'bug' } });
  const link = await created(`${base}/assessment-links`, { name: 'Website' });
  await created(`/api/public/assessments/${String(link.token)}/report`, {
    answers: {},
    consent: true,
    email: 'lead@example.com',
  });
  const proposal = await created(`${base}/proposals`, {
    itemId: first.id,
    change: { kind: 'cut' },
    reason: 'Too early',
  });
  const leads = (await founder.get<{ data: { id: string }[] }>(`${base}/assessment-leads`)).body.data;
  const [delivery] = await createPendingDeliveries(db);
  const state = await created(`${base}/workflow/states`, { name: 'QA', builtinState: 'in_review' });
  const cycle = await created(`${base}/cycles`, {
    name: 'Sprint 1',
    startDate: '2026-01-05',
    endDate: '2026-01-16',
  });
  const company = await created(`${base}/companies`, { name: 'Acme', domains: ['acme.com'] });
  const notes = await founder.post<{ written: boolean }>(`${base}/evidence`, {
    evidence: [{ external_id: 'fuzz-note', text: 'We need SSO', idea_ref: `#${String(first.number)}` }],
  });
  if (!notes.body.written) throw new Error(`evidence: ${notes.status} ${JSON.stringify(notes.body)}`);
  const [note] = (await founder.get<{ data: { id: string }[] }>(`${base}/evidence`)).body.data;
  const portal = await founder.put(`${base}/portal`, { published: true, slug: 'fuzz-ideas', version: 0 });
  if (portal.status !== 200) throw new Error(`portal: ${portal.status} ${JSON.stringify(portal.body)}`);
  // A visitor's confirmed submission, written directly: this server sends no e-mail.
  const [submission] = await db
    .insert(portalSubmissions)
    .values({
      workspaceId,
      kind: 'idea',
      title: 'Dark mode',
      body: 'Please',
      importance: 2,
      email: 'zoe@example.org',
      status: 'pending',
      tokenExpiresAt: new Date(),
    })
    .returning({ id: portalSubmissions.id });
  return {
    workspaceId,
    itemId: first.id,
    dependsOnId: first.id,
    userId: founder.userId,
    decisionId: String((moved.decision as { id: string }).id),
    snapshotId: String(snapshot.id),
    formulaId: String(formula.id),
    sessionId: String(session.id),
    number: String(assessment.number),
    tokenId: String(token.id),
    viewId: String(view.id),
    token: String(link.token),
    linkId: String(link.id),
    leadId: String(leads[0]?.id),
    proposalId: String(proposal.id),
    endpointId: String(endpoint.id),
    deliveryId: String(delivery?.subject),
    // No job has failed here: the retry route answers 404 for any id, which the fuzz accepts.
    jobId: '00000000-0000-4000-8000-000000000000',
    stateId: String(state.id),
    cycleId: String(cycle.id),
    companyId: String(company.id),
    slug: 'fuzz-ideas',
    submissionId: String(submission?.id),
    noteId: String(note?.id),
  };
}

export interface FuzzTarget {
  ctx: Awaited<ReturnType<typeof createTestApp>>;
  team: Team;
  doc: OpenApiDocument;
  /** A real row for every path parameter, so requests reach their handler. */
  rows: Record<string, string>;
}

/**
 * A test workspace to fuzz, made before the file's tests and closed after them. A founder alone
 * holds every decision, so hostile values that pass validation reach the database.
 */
export function prepareFuzzTarget(): FuzzTarget {
  const target = {} as FuzzTarget;
  beforeAll(async () => {
    target.ctx = await createTestApp();
    target.team = await createTeam(target.ctx.app, ['founder']);
    target.doc = await (await target.ctx.app.request('/api/openapi.json')).json();
    target.rows = await seed(target.team, target.ctx.handle.db);
    const connection = await buildGithubConnection(target.ctx.handle.db, target.team.workspaceId);
    target.rows.connectionId = connection.id;
  });
  afterAll(() => target.ctx.close());
  return target;
}

/** Everything a refused request could have changed, as one string. */
export async function fingerprint({ team }: FuzzTarget): Promise<string> {
  const base = `/api/workspaces/${team.workspaceId}`;
  const parts = await Promise.all(
    [`${base}/export`, '/api/workspaces', '/api/tokens', `${base}/members`, `${base}/saved-views`].map(
      async (path) => (await team.founder.get(path)).body,
    ),
  );
  return JSON.stringify(parts);
}

export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no row for path parameter ${name} of ${template}`);
    return encodeURIComponent(value);
  });
}

export function operations({ doc }: FuzzTarget, filter: (method: string, op: Operation) => boolean) {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method, op]) => filter(method, op))
      .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
}

/** A short, printable account of a body for a failure message. */
export function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const shown = text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
  return JSON.stringify(shown);
}

export interface Finding {
  route: string;
  status: number;
  sent: string;
  answer: string;
}

export function report(findings: Finding[]): string {
  return findings
    .slice(0, 25)
    .map((f) => `${f.route} → ${f.status}: ${f.sent}\n    ${f.answer}`)
    .join('\n');
}

/**
 * Part `part` of `parts` of the write routes (every parts-th route of the document's list, so the
 * parts together cover each route once) gets RUNS bodies its schema refuses, plus the raw ones.
 */
export function describeWriteBodyFuzz(part: number, parts: number): void {
  const target = prepareFuzzTarget();
  describe(`schema-level fuzz of the write routes, part ${part} of ${parts}`, () => {
    it(
      `should refuse ${RUNS} hostile bodies on each of its write routes with a 4xx and change nothing`,
      async () => {
        const all = operations(target, (m, op) => WRITE_METHODS.includes(m) && Boolean(op.requestBody));
        expect(all.length).toBeGreaterThanOrEqual(26);
        const writes = all.filter((_, index) => index % parts === part - 1);
        const components = target.doc.components.schemas ?? {};
        const before = await fingerprint(target);
        const crashed: Finding[] = [];
        const accepted: Finding[] = [];
        let sent = 0;
        const started = performance.now();
        const secondsOf: [string, number][] = [];
        for (const { path, method, op } of writes) {
          const routeStarted = performance.now();
          const schema = op.requestBody?.content['application/json']?.schema;
          if (!schema) throw new Error(`${method} ${path} has no JSON body schema`);
          const bodies = fc.sample(
            fc.oneof(
              { weight: 9, arbitrary: hostileBody(schema, components) },
              { weight: 1, arbitrary: arbitraryRefusedJson() },
            ),
            { numRuns: RUNS, seed: SEED },
          );
          const raw = RAW_BODIES.map((text) => ({ body: text, where: '(raw)' }));
          const url = fillPath(path, target.rows);
          for (const { body, where } of [...bodies, ...raw]) {
            const text = typeof body === 'string' && where === '(raw)' ? body : serializeBody(body);
            const res = await target.team.founder.request(method, url, text);
            sent += 1;
            const finding = {
              route: `${method} ${path} [${where}]`,
              status: res.status,
              sent: describeBody(text),
              answer: JSON.stringify(res.body).slice(0, 300),
            };
            if (res.status >= 500) crashed.push(finding);
            else if (res.status < 400) accepted.push(finding);
          }
          secondsOf.push([`${method} ${path}`, (performance.now() - routeStarted) / 1000]);
        }
        const seconds = (performance.now() - started) / 1000;
        const slowest = secondsOf
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([route, s]) => `${route} ${s.toFixed(1)} s`);
        console.info(
          `fuzzed ${writes.length} of ${all.length} write routes, ${sent} requests in ${seconds.toFixed(1)} s; slowest: ${slowest.join(', ')}`,
        );
        expect(crashed, `${crashed.length} answers ≥ 500:\n${report(crashed)}`).toEqual([]);
        expect(accepted, `${accepted.length} hostile bodies accepted:\n${report(accepted)}`).toEqual([]);
        expect(await fingerprint(target)).toBe(before);
      },
      /* thousands of requests take minutes on a busy machine */ 30 * 60_000,
    );
  });
}
