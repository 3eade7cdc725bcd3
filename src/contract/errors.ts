/**
 * The closed set of error codes every surface speaks. The server maps each code to one HTTP
 * status in one exhaustive switch (src/server/errors.ts); the web app and the CLI read the same
 * codes. Every error travels as `{ error: { code, message, details? } }`.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'csrf_failed',
  'forbidden',
  'decision_not_yours',
  'not_found',
  'conflict',
  'version_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
