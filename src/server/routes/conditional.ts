import type { Context } from 'hono';
import type { AppEnv } from '../context';

/**
 * Browsers keep API answers only to revalidate them: every use asks the server again, with the
 * validator, and a 304 confirms the copy. `private`: no shared cache may keep a member's data.
 */
const REVALIDATE = 'private, no-cache';

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** True when If-None-Match names this validator (weak comparison) or is `*`. */
export function isNotModified(c: Context<AppEnv>, etag: string | null): boolean {
  const header = c.req.header('if-none-match');
  if (!header || !etag) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** The 304 for a copy that is still current: the validator again, no body. */
export function notModified(c: Context<AppEnv>, etag: string) {
  c.header('ETag', etag);
  c.header('Cache-Control', REVALIDATE);
  return c.body(null, 304);
}

/** Marks a response with its validator, to be revalidated on every use. */
export function tagResponse(c: Context<AppEnv>, etag: string): void {
  c.header('ETag', etag);
  c.header('Cache-Control', REVALIDATE);
}
