/**
 * Online password guessing, written as the attack: many wrong passwords against one account,
 * against many accounts from one address, through two servers sharing one database, with a
 * forged X-Forwarded-For. Limits are documented in SECURITY.md.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { LIMIT_POLICIES } from '../../src/server/auth/throttle-policy';
import { connectionFrom, TEST_PASSWORD, TestClient } from '../support/client';
import { createTestDatabase } from '../support/database';

type App = ReturnType<typeof createApp>;
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: App;
let other: App;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = createApp({ db: handle.db, logger: pino({ level: 'silent' }) });
  // A second server on the same database, as behind a load balancer.
  other = createApp({ db: handle.db, logger: pino({ level: 'silent' }) });
});
afterAll(() => handle.close());

let n = 0;
/** A new address from the documentation ranges, so each test has its own counters. */
const nextAddress = () => {
  n += 1;
  return `203.0.113.${n}`;
};

async function signUp(name: string) {
  const client = new TestClient(app);
  return client.signUp(name);
}

async function signIn(
  target: App,
  email: string,
  password: string,
  address: string | null,
  headers: Record<string, string> = {},
): Promise<Response> {
  return target.request(
    '/api/auth/signin',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    },
    address ? connectionFrom(address) : undefined,
  );
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe('sign-in limits', () => {
  it('should refuse the right password with 429 and Retry-After after 200 wrong ones', async () => {
    const alice = await signUp('Alice');
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const res = await signIn(app, alice.email, `wrong guess number ${i}`, address);
      statuses.push(res.status);
      await res.body?.cancel();
    }
    // Only the free attempts were checked at all; every later guess was refused unchecked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT_POLICIES.signInAccount.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - LIMIT_POLICIES.signInAccount.free);

    const right = await signIn(app, alice.email, TEST_PASSWORD, address);
    expect(right.status).toBe(429);
    const retryAfter = Number(right.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const error = await errorOf(right);
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(
      // A minute's lock read back at once is still a whole minute; a slower run reads seconds.
      /^Too many failed sign-ins for this account: try again in (\d+ seconds?|1 minute) \(after \d\d:\d\d UTC\)$/,
    );
    expect(right.headers.getSetCookie()).toEqual([]);

    // The same from an address never seen before: the account itself is locked.
    expect((await signIn(app, alice.email, TEST_PASSWORD, nextAddress())).status).toBe(429);
  });

  it('should lock an unknown email exactly as a known one, so the lock tells nothing', async () => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push((await signIn(app, 'nobody.here@example.com', `guess ${i}`, address)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("should not lock another account from the same address by a different email's failures", async () => {
    const alice = await signUp('Alice');
    const bob = await signUp('Bob');
    const shared = nextAddress();
    for (let i = 0; i < 6; i += 1) await signIn(app, alice.email, `wrong ${i}`, shared);
    expect((await signIn(app, alice.email, TEST_PASSWORD, shared)).status).toBe(429);
    expect((await signIn(app, bob.email, TEST_PASSWORD, shared)).status).toBe(200);
  });

  it('should lock an address that guesses across many accounts, and only that address', async () => {
    const bob = await signUp('Bob');
    const attacker = nextAddress();
    const free = LIMIT_POLICIES.signInAddress.free;
    for (let i = 0; i < free; i += 1) {
      const res = await signIn(app, `victim${i}@example.com`, 'a wrong password', attacker);
      expect(res.status).toBe(401);
    }
    const locked = await signIn(app, bob.email, TEST_PASSWORD, attacker);
    expect(locked.status).toBe(429);
    expect((await errorOf(locked)).message).toMatch(/from your network address/);
    expect((await signIn(app, bob.email, TEST_PASSWORD, nextAddress())).status).toBe(200);
  });

  it('should hold the limit across two servers sharing one database, also under concurrent guesses', async () => {
    const carol = await signUp('Carol');
    const address = nextAddress();
    const guesses = Array.from({ length: 20 }, (_, i) =>
      signIn(i % 2 === 0 ? app : other, carol.email, `parallel guess ${i}`, address).then((r) => r.status),
    );
    const statuses = await Promise.all(guesses);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT_POLICIES.signInAccount.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - LIMIT_POLICIES.signInAccount.free);
    expect((await signIn(other, carol.email, TEST_PASSWORD, address)).status).toBe(429);
    expect((await signIn(app, carol.email, TEST_PASSWORD, address)).status).toBe(429);
  });

  it('should forget an account’s failures after a successful sign-in', async () => {
    const dave = await signUp('Dave');
    const address = nextAddress();
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < LIMIT_POLICIES.signInAccount.free - 1; i += 1) {
        expect((await signIn(app, dave.email, `typo ${i}`, address)).status).toBe(401);
      }
      expect((await signIn(app, dave.email, TEST_PASSWORD, address)).status).toBe(200);
    }
  });

  it('should count the socket address and ignore X-Forwarded-For unless a proxy is trusted', async () => {
    const erin = await signUp('Erin');
    const socket = nextAddress();
    for (let i = 0; i < LIMIT_POLICIES.signInAddress.free; i += 1) {
      // A client rotating a forged header still comes from one socket address.
      await signIn(app, `spray${i}@example.com`, 'a wrong password', socket, {
        'x-forwarded-for': `198.51.100.${i}`,
      });
    }
    expect((await signIn(app, erin.email, TEST_PASSWORD, socket)).status).toBe(429);
  });

  it('should count the address the trusted proxy saw, not what the client wrote before it', async () => {
    const behindProxy = createApp({ db: handle.db, logger: pino({ level: 'silent' }), trustProxy: 1 });
    const frank = await signUp('Frank');
    const proxy = '127.0.0.1';
    const client = nextAddress();
    for (let i = 0; i < LIMIT_POLICIES.signInAddress.free; i += 1) {
      await signIn(behindProxy, `spray${i}.proxy@example.com`, 'a wrong password', proxy, {
        'x-forwarded-for': `10.9.${i}.1, ${client}`,
      });
    }
    const locked = await signIn(behindProxy, frank.email, TEST_PASSWORD, proxy, {
      'x-forwarded-for': client,
    });
    expect(locked.status).toBe(429);
    // Someone else behind the same proxy is not locked out.
    const neighbour = await signIn(behindProxy, frank.email, TEST_PASSWORD, proxy, {
      'x-forwarded-for': nextAddress(),
    });
    expect(neighbour.status).toBe(200);
  });
});

describe('sign-up and token limits', () => {
  it('should refuse sign-ups from one address beyond the hourly limit, with Retry-After', async () => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT_POLICIES.signUpAddress.free; i += 1) {
      const client = new TestClient(app);
      client.address = address;
      const res = await client.post('/api/auth/signup', {
        email: `signup.${i}.${address}@example.com`,
        name: `Person ${i}`,
        password: TEST_PASSWORD,
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('should refuse the token beyond the hourly number a person may create', async () => {
    const client = new TestClient(app);
    await client.signUp('Grace');
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT_POLICIES.tokenCreation.free; i += 1) {
      statuses.push((await client.post('/api/tokens', { name: `token ${i}` })).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
