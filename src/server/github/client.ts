/**
 * The GitHub REST client of a connection: Octokit with the connection's token, pointed at
 * api.github.com (or another base URL), that waits out rate limits and asks first pages again
 * conditionally. Neither the token nor a response body is ever logged.
 */
import { Octokit } from '@octokit/rest';

/** How long a sync waits for GitHub before it gives up (a reset further away is an error). */
const MAX_WAIT_MS = 15 * 60_000;
const MAX_WAITS_PER_REQUEST = 3;

/** The clock a client waits with; tests pass one that does not really sleep as long. */
export interface GithubClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const REAL_CLOCK: GithubClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface GithubClientOptions {
  token: string;
  /** GitHub's REST API unless given (GitHub Enterprise, a local server in tests). */
  baseUrl?: string | undefined;
  /** ETags of first pages read by the last sync, by URL. */
  etags: Readonly<Record<string, string>>;
  /** Where the client puts the ETags of the first pages it reads now (kept for the next sync). */
  fresh: Record<string, string>;
  clock?: GithubClock | undefined;
}

type Headers = Record<string, string | number | undefined>;

/** How long a refused request says to wait, or null when it was not a rate limit. */
export function rateLimitWait(status: number, headers: Headers, now: number): number | null {
  if (status !== 403 && status !== 429) return null;
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter))
    return Math.max(0, retryAfter * 1000);
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    return Number.isFinite(reset) ? Math.max(0, reset - now) + 1000 : 60_000;
  }
  return status === 429 ? 60_000 : null;
}

/** Whether a request reads the first page of a listing (later pages are never asked conditionally). */
function isFirstPage(url: string): boolean {
  const page = /[?&]page=(\d+)/.exec(url)?.[1];
  return page === undefined || page === '1';
}

interface HttpError {
  status: number;
  response?: { headers: Headers };
}
const isHttpError = (error: unknown): error is HttpError =>
  typeof error === 'object' && error !== null && typeof (error as HttpError).status === 'number';

/**
 * An Octokit whose requests wait out GitHub's rate limits (Retry-After, or x-ratelimit-reset
 * when none remain) up to 15 minutes, and whose first-page reads carry the ETag seen last time:
 * a 304 answers an empty page, since nothing on it changed.
 */
export function createGithubClient(options: GithubClientOptions): Octokit {
  const clock = options.clock ?? REAL_CLOCK;
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'headway',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    request: { retries: 0 },
  });
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const { method, url } = octokit.request.endpoint.parse(requestOptions);
    const conditional = method === 'GET' && isFirstPage(url);
    const etag = conditional ? options.etags[url] : undefined;
    if (etag) requestOptions.headers = { ...requestOptions.headers, 'if-none-match': etag };
    for (let waits = 0; ; waits++) {
      try {
        const response = await request(requestOptions);
        const fresh = response.headers.etag;
        if (conditional && typeof fresh === 'string') options.fresh[url] = fresh;
        return response;
      } catch (error) {
        if (!isHttpError(error)) throw error;
        const headers = error.response?.headers ?? {};
        if (error.status === 304 && etag) {
          options.fresh[url] = etag;
          return { status: 304, url, headers, data: [] } as unknown as Awaited<ReturnType<typeof request>>;
        }
        const wait = rateLimitWait(error.status, headers, clock.now());
        if (wait === null || waits >= MAX_WAITS_PER_REQUEST) throw error;
        if (wait > MAX_WAIT_MS) {
          const at = new Date(clock.now() + wait).toISOString();
          throw new Error(`GitHub's rate limit is spent until ${at}: the next sync picks up from here`);
        }
        await clock.sleep(wait);
      }
    }
  });
  return octokit;
}
