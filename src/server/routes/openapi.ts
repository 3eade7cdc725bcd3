import { isDeepStrictEqual } from 'node:util';
import type { RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { ErrorBodySchema, text } from '../../contract';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

type Responses = RouteConfig['responses'];

/** A JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } } as const;
}

/** A JSON response plus the error responses every route may give. */
export function jsonResponses<T extends z.ZodType>(
  status: 200 | 201,
  schema: T,
  description: string,
): Responses {
  const err = (d: string) => ({
    description: d,
    content: { 'application/json': { schema: ErrorBodySchema } },
  });
  return {
    [status]: { description, content: { 'application/json': { schema } } },
    400: err('The request is malformed or invalid: the message says what to fix'),
    401: err('Not signed in'),
    403: err('Not allowed; for decisions, the body names who decides'),
    404: err('Not found, or not in a workspace of yours'),
    409: err('Stale version or conflicting change'),
  };
}

export const noContent: Responses = { 204: { description: 'Done' } };

/** The 429 of a rate-limited route; the Retry-After header says when to try again. */
export function tooManyRequests(description: string): Responses {
  return {
    429: {
      description: `${description}: wait as long as the Retry-After header says (seconds)`,
      headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds to wait' } },
      content: { 'application/json': { schema: ErrorBodySchema } },
    },
  };
}

export const WorkspaceParams = z.object({ workspaceId: text() });
export const ItemParams = z.object({ workspaceId: text(), itemId: text() });

/**
 * A response that failed its schema. Routes answer after their command has committed, so by then a
 * write is done: the 500 says so instead of claiming that nothing changed.
 */
export class ResponseCheckError extends Error {
  constructor(cause: unknown) {
    super('a response did not match its schema', { cause });
    this.name = 'ResponseCheckError';
  }
}

function check<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const checked = schema.safeParse(data);
  if (!checked.success) throw new ResponseCheckError(checked.error);
  return checked.data;
}

/** Sends a response after checking it against its schema, so the document never lies. */
export function send<T extends z.ZodType>(
  c: Context<AppEnv>,
  schema: T,
  data: z.input<T>,
  status: 200 | 201 = 200,
) {
  return c.json(check(schema, data) as object, status);
}

/**
 * Sends what a presenter built. Where responses are checked (tests, HEADWAY_CHECK_RESPONSES=1)
 * it must pass its schema and come out of it unchanged, so skipping the check where it is off
 * (`headway serve`) can never change what is sent; there the cost does not grow with the items.
 */
export function sendPresented<T extends z.ZodType>(
  c: Context<AppEnv>,
  schema: T,
  data: z.output<T>,
  status: 200 | 201 = 200,
) {
  if (c.get('deps').checkResponses !== false) {
    if (!isDeepStrictEqual(check(schema, data), data)) {
      throw new ResponseCheckError(new Error('a presented response changed when checked against its schema'));
    }
  }
  return c.json(data as object, status);
}

/**
 * What {@link sendPresented} would send, as JSON text, checked the same way: for a body that is
 * kept and sent again (see ValidatedBodies).
 */
export function presentedJson<T extends z.ZodType>(c: Context<AppEnv>, schema: T, data: z.output<T>): string {
  if (c.get('deps').checkResponses !== false) {
    if (!isDeepStrictEqual(check(schema, data), data)) {
      throw new ResponseCheckError(new Error('a presented response changed when checked against its schema'));
    }
  }
  return JSON.stringify(data);
}

/** Sends JSON text as `c.json` would send the value it was made from. */
export function sendJsonText(c: Context<AppEnv>, body: string) {
  return c.body(body, 200, { 'Content-Type': 'application/json' });
}

/** The version an update is based on: the `version` field, or the If-Match header. */
export function expectedVersion(c: Context<AppEnv>, fromBody: number | undefined): number {
  if (fromBody !== undefined) return fromBody;
  const header = c.req.header('if-match');
  const n = header ? Number(header.replace(/^W\//, '').replace(/"/g, '')) : Number.NaN;
  if (!Number.isInteger(n) || n < 1) {
    throw new AppError(
      'validation_failed',
      'version: send the version you last loaded, as a "version" field or an If-Match header, so a concurrent change is not overwritten',
    );
  }
  return n;
}
