/** The session and CSRF cookies' attributes, with and without an https public URL. */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { TEST_PASSWORD } from '../support/client';
import { createTestDatabase } from '../support/database';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const appWith = (publicUrl?: string) =>
  createApp({ db: handle.db, logger: pino({ level: 'silent' }), ...(publicUrl ? { publicUrl } : {}) });

async function signUp(app: ReturnType<typeof createApp>) {
  const email = `cookie.${Math.random().toString(36).slice(2)}@example.com`;
  const res = await app.request('/api/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: 'Cookie Tester', password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(201);
  const cookies = res.headers.getSetCookie();
  const find = (name: string) => {
    const cookie = cookies.find((c) => c.startsWith(`${name}=`));
    if (!cookie) throw new Error(`no ${name} cookie in ${cookies.join(' | ')}`);
    return { raw: cookie, attributes: cookie.split(';').map((part) => part.trim().toLowerCase()) };
  };
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { find, csrfToken };
}

describe('session cookies', () => {
  it('should not be Secure nor prefixed when served over plain http', async () => {
    const { find } = await signUp(appWith());
    const session = find('headway_session');
    expect(session.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(session.attributes).not.toContain('secure');
    expect(find('headway_csrf').attributes).not.toContain('httponly');
  });

  it('should not be Secure with an http public URL', async () => {
    const { find } = await signUp(appWith('http://headway.internal:3000'));
    expect(find('headway_session').attributes).not.toContain('secure');
  });

  it('should be Secure, __Host- prefixed, host-only and on / behind an https public URL', async () => {
    const app = appWith('https://headway.example.com');
    const { find, csrfToken } = await signUp(app);
    for (const name of ['__Host-headway_session', '__Host-headway_csrf']) {
      const cookie = find(name);
      expect(cookie.attributes, name).toEqual(expect.arrayContaining(['secure', 'path=/', 'samesite=lax']));
      expect(cookie.attributes.some((a) => a.startsWith('domain='))).toBe(false);
    }
    expect(find('__Host-headway_session').attributes).toContain('httponly');

    const sessionPair = find('__Host-headway_session').raw.split(';')[0] as string;
    const me = await app.request('/api/me', { headers: { cookie: sessionPair } });
    expect(me.status).toBe(200);
    // The unprefixed name, which a plain-http page or a sibling domain could plant, is not read.
    const planted = await app.request('/api/me', { headers: { cookie: sessionPair.replace('__Host-', '') } });
    expect(planted.status).toBe(401);

    const out = await app.request('/api/auth/signout', {
      method: 'POST',
      headers: { cookie: sessionPair, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie();
    expect(
      cleared.filter((c) => c.startsWith('__Host-') && /max-age=0/i.test(c) && /secure/i.test(c)),
    ).toHaveLength(2);
  });
});

describe('a session cookie that is no longer valid', () => {
  it('should answer 401 and clear the session and CSRF cookies', async () => {
    const res = await appWith().request('/api/auth/session', {
      headers: { cookie: 'headway_session=expired-or-revoked; headway_csrf=stale' },
    });
    expect(res.status).toBe(401);
    const cleared = res.headers
      .getSetCookie()
      .filter((c) => /max-age=0/i.test(c))
      .map((c) => c.split('=')[0]);
    expect(cleared).toEqual(['headway_session', 'headway_csrf']);
  });

  it('should clear nothing when no session cookie was sent', async () => {
    const res = await appWith().request('/api/auth/session');
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
