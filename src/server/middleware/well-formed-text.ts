import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

// A JSON escape of a UTF-16 surrogate (\uD800–\uDFFF): the only way a lone one reaches a string,
// since raw bytes that are not UTF-8 decode to U+FFFD.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);

/**
 * The path of the first string (value or key) in a JSON value that is not well-formed Unicode:
 * one holding a lone surrogate, which no database text column can store.
 * @returns the path ("items.3.title", "" for the value itself), or null when every string is well formed
 */
export function findMalformedText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (!isWellFormed(key)) return at;
    const found = findMalformedText(child, at);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses, with a 400 naming the field, a JSON body whose text holds a lone UTF-16 surrogate
 * (`"\ud800"`): valid JSON, but not text PostgreSQL can store, so without this check it fails deep
 * in a write instead of at the edge. Bodies without such an escape are not parsed here.
 */
export function requireWellFormedText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') return next();
    // An upload's parts are read (and their JSON checked) by the route that takes it.
    if (c.req.header('content-type')?.toLowerCase().startsWith('multipart/form-data')) return next();
    const text = await c.req.text();
    if (!SURROGATE_ESCAPE.test(text)) return next();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return next(); // not JSON: the route's own validation says so
    }
    const path = findMalformedText(body);
    if (path !== null) {
      throw new AppError(
        'validation_failed',
        `${path || 'the body'}: the text holds a lone UTF-16 surrogate (an unpaired \\ud800–\\udfff escape): send well-formed Unicode`,
      );
    }
    return next();
  };
}
