import type { ErrorCode } from '../../contract';

/** An error answered by the API, in its one shape `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly details: unknown;

  constructor(options: { status: number; code: ErrorCode | 'network'; message: string; details?: unknown }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the session (from sign-in or GET /api/auth/session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF cookie; behind HTTPS it carries the `__Host-` prefix. */
function readCsrfCookie(): string | null {
  const match = /(?:^|;\s*)(?:__Host-)?headway_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * Whether this browser may hold a session: it has the CSRF cookie that comes with one. Without
 * it nobody is signed in, so the app does not ask (and the console shows no refused request).
 */
export function mayHaveSession(): boolean {
  return csrfToken !== null || readCsrfCookie() !== null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

/** Builds `/api/...` with a query string, leaving out empty values. */
export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Calls the Headway API with the session cookie, sending the CSRF token on writes.
 * Resolves with the parsed JSON body (undefined for 204) or rejects with an ApiError.
 */
export async function requestApi<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const token = currentCsrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'network',
      message: 'Headway cannot be reached: check the connection',
    });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw errorFromBody(response.status, body);
  return body as T;
}

/** The ApiError of an answer that is not a success, from its parsed body (if any). */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | undefined)
    ?.error;
  return new ApiError({
    status,
    code: error?.code ?? 'internal',
    message: error?.message ?? `The server answered ${status}`,
    details: error?.details,
  });
}

/** The CSRF token to send on a write, if the session has one. */
export function currentCsrfToken(): string | null {
  return csrfToken ?? readCsrfCookie();
}

/** True when the error is an ApiError with one of the codes. */
export function isApiError(error: unknown, ...codes: ApiError['code'][]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** A message fit to show a person, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
