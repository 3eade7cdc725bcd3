/**
 * Schema-level fuzz of the whole API, driven by the OpenAPI document: hostile content types on
 * every write route, hostile path parameters on the body-less writes and hostile query strings on
 * every GET route. None may answer 500 and the workspace must read the same afterwards. The
 * hostile bodies of the write routes are in `fuzz-write-bodies-*.test.ts`.
 */

import { describe, expect, it } from 'vitest';
import {
  describeBody,
  type Finding,
  fillPath,
  fingerprint,
  operations,
  prepareFuzzTarget,
  report,
  WRITE_METHODS,
} from '../support/route-fuzz';

const target = prepareFuzzTarget();

describe('schema-level fuzz', () => {
  it('should refuse a body without a JSON content type with a 4xx that says what to send', async () => {
    const writes = operations(target, (m, op) => WRITE_METHODS.includes(m) && Boolean(op.requestBody));
    const before = await fingerprint(target);
    const wrong: Finding[] = [];
    for (const { path, method } of writes) {
      for (const type of [undefined, 'text/plain', 'multipart/form-data; boundary=x', 'application/xml']) {
        const headers: Record<string, string> = {
          cookie: target.team.founder.cookie,
          'x-csrf-token': target.team.founder.csrf,
          ...(type ? { 'content-type': type } : {}),
        };
        // Bytes, not a string: a string body would get text/plain from the Request constructor.
        const body = new TextEncoder().encode('{}');
        const res = await target.ctx.app.request(fillPath(path, target.rows), { method, headers, body });
        const answer = await res.text();
        if (res.status < 400 || res.status >= 500 || !/Content-Type: application\/json/.test(answer)) {
          wrong.push({ route: `${method} ${path}`, status: res.status, sent: String(type), answer });
        }
      }
    }
    expect(wrong, report(wrong)).toEqual([]);
    expect(await fingerprint(target)).toBe(before);
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
      target,
      (m, op) =>
        WRITE_METHODS.includes(m) && !op.requestBody && (op.parameters ?? []).some((p) => p.in === 'path'),
    );
    expect(bodiless.length).toBeGreaterThan(0);
    const before = await fingerprint(target);
    const crashed: Finding[] = [];
    for (const { path, method, op } of bodiless) {
      for (const param of (op.parameters ?? []).filter((p) => p.in === 'path' && p.name !== 'workspaceId')) {
        for (const value of HOSTILE_PATH_VALUES) {
          const url = fillPath(path, { ...target.rows, [param.name]: value });
          const res = await target.team.founder.request(method, url);
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
    expect(await fingerprint(target)).toBe(before);
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

  it(
    'should answer hostile query strings on every GET route with a 4xx or a result, never a 500',
    async () => {
      const reads = operations(
        target,
        (m, op) => m === 'get' && (op.parameters ?? []).some((p) => p.in === 'query'),
      );
      expect(reads.length).toBeGreaterThan(0);
      const crashed: Finding[] = [];
      let sent = 0;
      for (const { path, op } of reads) {
        const url = fillPath(path, target.rows);
        for (const param of (op.parameters ?? []).filter((p) => p.in === 'query')) {
          for (const value of HOSTILE_QUERY_VALUES) {
            // The values are already percent-encoded: they reach the server exactly as a client sent them.
            const res = await target.team.founder.request('GET', `${url}?${param.name}=${value}`);
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
    },
    /* over a thousand requests, slow on a busy machine */ 10 * 60_000,
  );
});
