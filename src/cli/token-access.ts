/**
 * How `headway token …` reaches a person's API tokens: straight through the database, or —
 * when `headway serve` holds the embedded data directory — through that server's API, signed
 * in with the person's password, exactly as the web app's Settings → API tokens page does.
 */
import { hostname } from 'node:os';
import type { ApiToken, CreatedToken, CreateToken } from '../contract';
import { DataDirLockedError } from '../db/lock';
import { createApiToken, findApiTokens, revokeApiToken } from '../server/commands/api-tokens';
import { findUserByEmail } from '../server/commands/auth';
import { type DatabaseFlags, withDatabase } from './config';
import { readSecret } from './prompt';

/** One person's tokens, wherever they are reached. */
export interface TokenAccess {
  create: (input: CreateToken) => Promise<CreatedToken>;
  list: () => Promise<ApiToken[]>;
  revoke: (tokenId: string) => Promise<void>;
}

/**
 * Runs `use` with access to the tokens of the person with this email.
 * @param password where to read the password when a running server must be asked.
 */
export async function withTokenAccess<T>(
  flags: DatabaseFlags & { email: string },
  use: (access: TokenAccess) => Promise<T>,
  password: () => Promise<string> = readPassword,
): Promise<T> {
  try {
    return await withDatabase(flags, async ({ db }) => {
      const user = await findUserByEmail(db, flags.email);
      if (!user)
        throw new Error(`No user with email ${flags.email}: create one with \`headway user create\``);
      return use({
        create: (input) => createApiToken(db, user.id, input),
        list: () => findApiTokens(db, user.id),
        revoke: (tokenId) => revokeApiToken(db, user.id, tokenId),
      });
    });
  } catch (error) {
    const url =
      error instanceof DataDirLockedError && error.holder.host === hostname() ? error.holder.url : undefined;
    if (!url) throw error;
    process.stderr.write(
      `The Headway server at ${url} holds ${flags.dataDir}: signing in to it as ${flags.email}.\n`,
    );
    const session = await signIn(url, flags.email, await password());
    try {
      return await use(serverAccess(session));
    } finally {
      await call(session, 'POST', '/api/auth/signout').catch(() => undefined);
    }
  }
}

function readPassword(): Promise<string> {
  const fromEnv = process.env.HEADWAY_PASSWORD;
  if (fromEnv) return Promise.resolve(fromEnv);
  return readSecret(
    'Password: ',
    'The data directory is in use by `headway serve`: set HEADWAY_PASSWORD, run this in a terminal, or create the token in the web app (Settings → API tokens)',
  );
}

interface ServerSession {
  url: string;
  cookie: string;
  csrfToken: string;
}

async function signIn(url: string, email: string, password: string): Promise<ServerSession> {
  const res = await fetch(`${url}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json().catch(() => null)) as {
    csrfToken?: string;
    error?: { message: string };
  } | null;
  if (!res.ok || !body?.csrfToken) {
    throw new Error(
      `The server at ${url} refused to sign in: ${body?.error?.message ?? `HTTP ${res.status}`}`,
    );
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { url, cookie, csrfToken: body.csrfToken };
}

async function call<T>(session: ServerSession, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${session.url}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const parsed = (await res.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!res.ok) throw new Error(parsed?.error?.message ?? `${method} ${path} answered HTTP ${res.status}`);
  return parsed as T;
}

function serverAccess(session: ServerSession): TokenAccess {
  return {
    create: (input) => call<CreatedToken>(session, 'POST', '/api/tokens', input),
    list: async () => (await call<{ data: ApiToken[] }>(session, 'GET', '/api/tokens')).data,
    revoke: (tokenId) => call<void>(session, 'DELETE', `/api/tokens/${encodeURIComponent(tokenId)}`),
  };
}
