/**
 * Fuzzing the multipart contract of the import routes: generated uploads with wrong or missing
 * boundaries, NUL bytes, lone surrogates (as bytes that are not UTF-8 and as JSON escapes in the
 * mapping), unknown, doubled and hostile part names, and huge field counts. Each is answered with
 * a 2xx or a 4xx that says what to fix, never a 500; a refused upload writes nothing.
 *
 * HEADWAY_UPLOAD_FUZZ_RUNS sets the number of generated uploads (default 150).
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { TestClient } from '../support/client';

const RUNS = Number(process.env.HEADWAY_UPLOAD_FUZZ_RUNS ?? 150);

let ctx: Awaited<ReturnType<typeof createTestApp>>;
let client: TestClient;
let workspaceId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  client = new TestClient(ctx.app);
  await client.signUp('Lena');
  workspaceId = (await client.post<{ id: string }>('/api/workspaces', { name: 'Fuzzed uploads' })).body.id;
});
afterAll(() => ctx.close());

async function rowCount(): Promise<number> {
  const result = (await ctx.handle.db.execute(
    sql.raw(
      'select (select count(*) from items) + (select count(*) from workspaces) + (select count(*) from invitations) as n',
    ),
  )) as unknown as { rows: { n: string | number }[] } | { n: string | number }[];
  return Number(Array.isArray(result) ? result[0]?.n : result.rows[0]?.n);
}

const encoder = new TextEncoder();
const concat = (chunks: Uint8Array[]) => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};

// A lone high surrogate as a UTF-8 encoder without checks writes it: not valid UTF-8.
const LONE_SURROGATE_BYTES = Uint8Array.of(0xed, 0xa0, 0x80);
const JIRA = 'Summary,Issue key,Issue Type,Status,Created\nFirst,FZ-1,Story,Done,2025-03-01 09:00\n';

interface Part {
  name: Uint8Array;
  filename: Uint8Array | null;
  value: Uint8Array;
}

const text = (s: string) => encoder.encode(s);
const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }).map(text),
  fc.string({ unit: 'binary', maxLength: 30 }).map(text),
  fc.constantFrom(text('nul\u0000byte'), LONE_SURROGATE_BYTES, text('\r\n--boundary\r\n'), text('"')),
  fc.uint8Array({ maxLength: 40 }),
);
const partName = fc.oneof(
  fc.constantFrom('file', 'format', 'name', 'mapping', 'dateFormat', 'dryRun', 'from', 'text').map(text),
  hostileText,
);
const partValue = fc.oneof(
  fc.constantFrom(
    text(JIRA),
    text('jira'),
    text('true'),
    text('{"states":{"Done":"done"}}'),
    text('{"states":{"\\ud800":"done"}}'),
    text('{"types":{"Story":"bug"},"people":{"x@example.com":{"kind":"unmatched"}}}'),
    concat([text(JIRA), Uint8Array.of(0), LONE_SURROGATE_BYTES]),
  ),
  hostileText,
);
const part: fc.Arbitrary<Part> = fc.record({
  name: partName,
  filename: fc.option(fc.oneof(fc.constant(text('export.csv')), hostileText), { nil: null }),
  value: partValue,
});

/** A multipart body: parts framed by `boundary`, sent under a header naming `declared`. */
function encode(parts: readonly Part[], boundary: string, closed: boolean): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    chunks.push(text(`--${boundary}\r\nContent-Disposition: form-data; name="`), p.name, text('"'));
    if (p.filename) chunks.push(text('; filename="'), p.filename, text('"'));
    chunks.push(text('\r\n\r\n'), p.value, text('\r\n'));
  }
  if (closed) chunks.push(text(`--${boundary}--\r\n`));
  return concat(chunks);
}

const boundary = fc.oneof(
  fc.constant('b0undary'),
  fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,70}$/),
  fc.string({ maxLength: 90 }),
);

const upload = fc.record({
  parts: fc.array(part, { maxLength: 6 }),
  boundary,
  declared: fc.option(boundary, { nil: null }),
  sameBoundary: fc.boolean(),
  closed: fc.boolean(),
  dryRun: fc.boolean(),
  newWorkspace: fc.boolean(),
});

async function send(path: string, body: Uint8Array, contentType: string) {
  const before = await rowCount();
  const res = await client.postBody<{ error?: { message: string } }>(path, body, {
    'content-type': contentType,
    'content-length': String(body.byteLength),
  });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.body.error?.message ?? '', 'a refusal says what to fix').not.toBe('');
    expect(await rowCount()).toBe(before);
  }
  return res.status;
}

describe('the multipart contract of the import routes', () => {
  it(`should answer each of ${RUNS} generated uploads without a 500, writing nothing when refused`, {
    timeout: 60_000 + RUNS * 400,
  }, async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(upload, async (u) => {
        const header = u.sameBoundary ? u.boundary : (u.declared ?? '');
        const path = u.newWorkspace
          ? '/api/workspaces/import/foreign'
          : `/api/workspaces/${workspaceId}/import`;
        const query = u.dryRun ? '?dryRun=true' : '';
        const contentType = header === '' ? 'multipart/form-data' : `multipart/form-data; boundary=${header}`;
        statuses.add(await send(`${path}${query}`, encode(u.parts, u.boundary, u.closed), contentType));
      }),
      { numRuns: RUNS },
    );
    // The generator reaches past the framing: some uploads are read and answered on their fields.
    expect([...statuses].some((s) => s === 400)).toBe(true);
  });

  it.each([
    ['20,000 unknown fields', (i: number) => ({ name: `field${i}`, value: 'x' })],
    ['20,000 file parts', (i: number) => ({ name: 'file', value: `row ${i}` })],
    ['20,000 format fields', () => ({ name: 'format', value: 'jira' })],
  ])('should refuse %s with a 400', { timeout: 30_000 }, async (_, make) => {
    const parts = Array.from({ length: 20_000 }, (_, i) => {
      const p = make(i);
      return { name: text(p.name), filename: null, value: text(p.value) };
    });
    const status = await send(
      `/api/workspaces/${workspaceId}/import?dryRun=true`,
      encode(
        [{ name: text('file'), filename: text('a.csv'), value: text(JIRA) }, ...parts],
        'b0undary',
        true,
      ),
      'multipart/form-data; boundary=b0undary',
    );
    expect(status).toBe(400);
  });
});
