/**
 * Sending one signed webhook: the body is signed with HMAC-SHA256 over `<timestamp>.<body>`, the
 * target is checked after its name is resolved, the connection goes to the address checked (so a
 * second DNS answer cannot switch it), and each redirect is checked the same way before it is
 * followed.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type Resolve, resolveTarget, type TargetPolicy } from './target';

/** Redirects followed before a delivery counts as failed. */
const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 10_000;
/** How much of a response is read (its code is what counts). */
const MAX_RESPONSE_BYTES = 16 * 1024;

/** The signature of a body at a time: hex HMAC-SHA256 of `<timestamp>.<body>` with the secret. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** One HTTP exchange with an address already checked: what a test may replace to watch sockets. */
export type Transport = (request: {
  url: URL;
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}) => Promise<{ status: number; location: string | null }>;

/** The outcome of one try: a response code, or why none came (refused, unreachable, timed out). */
export interface SendOutcome {
  ok: boolean;
  responseCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface SendOptions {
  resolve: Resolve;
  policy: TargetPolicy;
  transport?: Transport;
  /** Unix seconds of the signature (defaults to now). */
  now?: () => number;
}

/**
 * Posts a signed body to a URL, following redirects only to addresses that pass the policy.
 * @param headers extra headers (the delivery and event ids)
 */
export async function sendWebhook(
  target: string,
  body: string,
  secret: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendOutcome> {
  const started = performance.now();
  const timestamp = options.now?.() ?? Math.floor(Date.now() / 1000);
  const signed = {
    ...headers,
    'content-type': 'application/json',
    'user-agent': 'Headway-Webhooks',
    'headway-timestamp': String(timestamp),
    'headway-signature': `v1=${signPayload(secret, timestamp, body)}`,
  };
  const transport = options.transport ?? sendOverHttp;
  const done = (outcome: Omit<SendOutcome, 'durationMs'>): SendOutcome => ({
    ...outcome,
    durationMs: Math.round(performance.now() - started),
  });
  let url = new URL(target);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const resolved = await resolveTarget(url, options);
    if ('refused' in resolved)
      return done({ ok: false, responseCode: null, error: `refused: ${resolved.refused}` });
    let response: Awaited<ReturnType<Transport>>;
    try {
      response = await transport({ url, ...resolved, headers: signed, body, timeoutMs: TIMEOUT_MS });
    } catch (error) {
      return done({
        ok: false,
        responseCode: null,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    const redirected = response.status >= 300 && response.status < 400 && response.location;
    if (!redirected) {
      const ok = response.status >= 200 && response.status < 300;
      return done({ ok, responseCode: response.status, error: ok ? null : `answered ${response.status}` });
    }
    url = new URL(response.location as string, url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return done({
        ok: false,
        responseCode: response.status,
        error: `redirected to ${url.protocol} (not followed)`,
      });
    }
  }
  return done({ ok: false, responseCode: null, error: `more than ${MAX_REDIRECTS} redirects` });
}

/** POSTs over http or https to the checked address, with the URL's name for Host and TLS. */
export const sendOverHttp: Transport = ({ url, address, family, headers, body, timeoutMs }) =>
  new Promise((resolve, reject) => {
    // Node asks `lookup` for the name's address: answer only the one that was checked.
    const pinned: LookupFunction = (_host, options, callback) => {
      if (options.all) callback(null, [{ address, family }]);
      else callback(null, address, family);
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        timeout: timeoutMs,
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        response.on('close', () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on('error', reject);
    request.end(body);
  });
