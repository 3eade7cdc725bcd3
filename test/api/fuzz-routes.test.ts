/**
 * Schema-level fuzz of the whole API, driven by the OpenAPI document: every write route gets
 * thousands of bodies that its schema refuses, every GET route hostile query strings, and the
 * body-less writes hostile path parameters. None may answer 500, none may be accepted, and the
 * workspace must read the same afterwards. HEADWAY_FUZZ_RUNS sets the bodies per route.
 */

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract';
import { createTestApp } from '../support/app';
import type { TestClient } from '../support/client';
import {
  arbitraryRefusedJson,
  hostileBody,
  type JsonSchema,
  RAW_BODIES,
  serializeBody,
} from '../support/hostile-bodies';
import { createTeam, type Team } from '../support/team';

const RUNS = Number(process.env.HEADWAY_FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.HEADWAY_FUZZ_SEED ?? 20260101);
// Bodies per write route; the default is the figure the security review asks for.
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, JsonSchema> };
}

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let team: Team;
let doc: OpenApiDocument;
/** A real row for every path parameter, so requests reach their handler. */
let rows: Record<string, string>;

async function seed({ founder, workspaceId }: Team) {
  const base = `/api/workspaces/${workspaceId}`;
  const created = async (path: string, body: unknown, by: TestClient = founder) => {
    const res = await by.post<Record<string, unknown>>(path, body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
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
  };
}

beforeAll(async () => {
  ctx = await createTestApp();
  // A founder alone holds every decision, so hostile values that pass validation reach the database.
  team = await createTeam(ctx.app, ['founder']);
  doc = await (await ctx.app.request('/api/openapi.json')).json();
  rows = await seed(team);
});
afterAll(() => ctx.close());

/** Everything a refused request could have changed, as one string. */
async function fingerprint(): Promise<string> {
  const base = `/api/workspaces/${team.workspaceId}`;
  const parts = await Promise.all(
    [`${base}/export`, '/api/workspaces', '/api/tokens', `${base}/members`, `${base}/saved-views`].map(
      async (path) => (await team.founder.get(path)).body,
    ),
  );
  return JSON.stringify(parts);
}

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no row for path parameter ${name} of ${template}`);
    return encodeURIComponent(value);
  });
}

function operations(filter: (method: string, op: Operation) => boolean) {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method, op]) => filter(method, op))
      .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
}

/** A short, printable account of a body for a failure message. */
function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const shown = text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
  return JSON.stringify(shown);
}

interface Finding {
  route: string;
  status: number;
  sent: string;
  answer: string;
}

function report(findings: Finding[]): string {
  return findings
    .slice(0, 25)
    .map((f) => `${f.route} → ${f.status}: ${f.sent}\n    ${f.answer}`)
    .join('\n');
}

describe('schema-level fuzz', () => {
  it(
    `should refuse ${RUNS} hostile bodies on every write route with a 4xx and change nothing`,
    async () => {
      const writes = operations((m, op) => WRITE_METHODS.includes(m) && Boolean(op.requestBody));
      expect(writes.length).toBeGreaterThanOrEqual(26);
      const components = doc.components.schemas ?? {};
      const before = await fingerprint();
      const crashed: Finding[] = [];
      const accepted: Finding[] = [];
      let sent = 0;
      const started = performance.now();
      for (const { path, method, op } of writes) {
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
        const url = fillPath(path, rows);
        for (const { body, where } of [...bodies, ...raw]) {
          const text = typeof body === 'string' && where === '(raw)' ? body : serializeBody(body);
          const res = await team.founder.request(method, url, text);
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
      }
      const seconds = (performance.now() - started) / 1000;
      console.info(`fuzzed ${writes.length} write routes, ${sent} requests in ${seconds.toFixed(1)} s`);
      expect(crashed, `${crashed.length} answers ≥ 500:\n${report(crashed)}`).toEqual([]);
      expect(accepted, `${accepted.length} hostile bodies accepted:\n${report(accepted)}`).toEqual([]);
      expect(await fingerprint()).toBe(before);
    },
    /* 52,000 requests take minutes on a busy machine */ 30 * 60_000,
  );

  it('should refuse a body without a JSON content type with a 4xx that says what to send', async () => {
    const writes = operations((m, op) => WRITE_METHODS.includes(m) && Boolean(op.requestBody));
    const before = await fingerprint();
    const wrong: Finding[] = [];
    for (const { path, method } of writes) {
      for (const type of [undefined, 'text/plain', 'multipart/form-data; boundary=x', 'application/xml']) {
        const headers: Record<string, string> = {
          cookie: team.founder.cookie,
          'x-csrf-token': team.founder.csrf,
          ...(type ? { 'content-type': type } : {}),
        };
        // Bytes, not a string: a string body would get text/plain from the Request constructor.
        const body = new TextEncoder().encode('{}');
        const res = await ctx.app.request(fillPath(path, rows), { method, headers, body });
        const answer = await res.text();
        if (res.status < 400 || res.status >= 500 || !/Content-Type: application\/json/.test(answer)) {
          wrong.push({ route: `${method} ${path}`, status: res.status, sent: String(type), answer });
        }
      }
    }
    expect(wrong, report(wrong)).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });

  const HOSTILE_PATH_VALUES = [
    'abc',
    '-1',
    '0',
    '1e3',
    '99999999999999999999',
    '2147483648',
    'nul\u0000byte',
    '00000000-0000-0000-0000-000000000000',
    `${'a'.repeat(5000)}`,
  ];

  it('should refuse hostile path parameters on the write routes without a body', async () => {
    const bodiless = operations(
      (m, op) =>
        WRITE_METHODS.includes(m) && !op.requestBody && (op.parameters ?? []).some((p) => p.in === 'path'),
    );
    expect(bodiless.length).toBeGreaterThan(0);
    const before = await fingerprint();
    const crashed: Finding[] = [];
    for (const { path, method, op } of bodiless) {
      for (const param of (op.parameters ?? []).filter((p) => p.in === 'path' && p.name !== 'workspaceId')) {
        for (const value of HOSTILE_PATH_VALUES) {
          const url = fillPath(path, { ...rows, [param.name]: value });
          const res = await team.founder.request(method, url);
          if (res.status >= 500 || res.status < 400) {
            crashed.push({
              route: `${method} ${path} [${param.name}]`,
              status: res.status,
              sent: describeBody(value),
              answer: JSON.stringify(res.body).slice(0, 300),
            });
          }
        }
      }
    }
    expect(crashed, report(crashed)).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });

  const HOSTILE_QUERY_VALUES = [
    'abc',
    '-1',
    '1e3',
    '1.5',
    'NaN',
    'Infinity',
    '99999999999999999999',
    '2147483648',
    '%00',
    'a%00b',
    '%ED%A0%80',
    '%ED%B0%80x',
    '%FF',
    '%',
    '0000-01-01',
    '9999-12-31',
    'bad%20cursor%20%F0',
    encodeURIComponent(Buffer.from('{"a":1}').toString('base64url')),
    'x'.repeat(3000),
  ];

  it('should answer hostile query strings on every GET route with a 4xx or a result, never a 500', async () => {
    const reads = operations((m, op) => m === 'get' && (op.parameters ?? []).some((p) => p.in === 'query'));
    expect(reads.length).toBeGreaterThan(0);
    const crashed: Finding[] = [];
    let sent = 0;
    for (const { path, op } of reads) {
      const url = fillPath(path, rows);
      for (const param of (op.parameters ?? []).filter((p) => p.in === 'query')) {
        for (const value of HOSTILE_QUERY_VALUES) {
          // The values are already percent-encoded: they reach the server exactly as a client sent them.
          const res = await team.founder.request('GET', `${url}?${param.name}=${value}`);
          sent += 1;
          if (res.status >= 500) {
            crashed.push({
              route: `GET ${path} [${param.name}]`,
              status: res.status,
              sent: describeBody(value),
              answer: JSON.stringify(res.body).slice(0, 300),
            });
          }
        }
      }
    }
    console.info(`fuzzed ${reads.length} GET routes with query parameters, ${sent} requests`);
    expect(crashed, `${crashed.length} answers ≥ 500:\n${report(crashed)}`).toEqual([]);
  });
});
