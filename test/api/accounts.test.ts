/**
 * Accounts as an attacker sees them: sign-up does not say which emails exist, sign-in does the
 * same argon2 work for unknown emails, and weak passwords are refused with a reason.
 */
import * as argon2 from '@node-rs/argon2';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '../../src/db/schema';
import { createTestApp } from '../support/app';
import { TEST_PASSWORD, TestClient } from '../support/client';

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});

let ctx: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(() => {
  vi.mocked(argon2.verify).mockClear();
});

const email = () => `person.${Math.random().toString(36).slice(2)}@example.com`;

async function signUpAs(address: string, password = TEST_PASSWORD, name = 'Sam Taylor') {
  return new TestClient(ctx.app).post<{ error: { code: string; message: string } }>('/api/auth/signup', {
    email: address,
    name,
    password,
  });
}

/** Someone an import or the demo added: an account without a password. */
async function addImportedPerson(address: string) {
  await ctx.handle.db.insert(users).values({ email: address, name: 'Imported Person', passwordHash: null });
}

describe('sign-up does not tell which emails exist', () => {
  it('should refuse an existing account without saying so, and treat an imported address as a free one', async () => {
    const taken = email();
    expect((await signUpAs(taken)).status).toBe(201);
    const imported = email();
    await addImportedPerson(imported);

    const again = await signUpAs(taken);
    expect(again.status).toBe(409);
    expect(again.body.error.message).not.toMatch(/exist|import|already registered|taken/i);
    expect(again.body.error.message).toMatch(/No account can be created with these details/);
    // A password-less person an old import left proves nothing about who owns the address: its
    // owner signs up like anyone with a free address (and joins workspaces through invitations).
    const placeholder = await signUpAs(imported);
    const fresh = await signUpAs(email());
    expect(placeholder.status).toBe(201);
    expect(fresh.status).toBe(201);
    expect(Object.keys(placeholder.body).sort()).toEqual(Object.keys(fresh.body).sort());
  });
});

describe('sign-in does the same work for unknown emails', () => {
  it('should verify against an argon2id hash for an unknown email, a password-less person and a wrong password', async () => {
    const known = email();
    await signUpAs(known);
    const imported = email();
    await addImportedPerson(imported);
    const verify = vi.mocked(argon2.verify);

    for (const who of [email(), imported, known]) {
      verify.mockClear();
      const res = await new TestClient(ctx.app).post('/api/auth/signin', {
        email: who,
        password: 'not the password',
      });
      expect(res.status).toBe(401);
      expect(verify).toHaveBeenCalledTimes(1);
      expect(String(verify.mock.calls[0]?.[0])).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
  });

  it('should give the same answer for an unknown email and a wrong password', async () => {
    const known = email();
    await signUpAs(known);
    const wrong = await new TestClient(ctx.app).post('/api/auth/signin', {
      email: known,
      password: 'nope nope',
    });
    const unknown = await new TestClient(ctx.app).post('/api/auth/signin', {
      email: email(),
      password: 'nope nope',
    });
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.body).toEqual(unknown.body);
  });
});

describe('weak passwords', () => {
  it.each([
    ['aaaaaaaaaa', /fewer than 4 different characters/],
    ['password12', /most common passwords/],
    ['          ', /only spaces/],
    ['\u0001'.repeat(10), /control characters/],
    ['\u0000'.repeat(10), /remove the NUL character/],
    ['1234567890', /sequence/],
    ['taylor-is-great-2024', /your name or email address/],
    ['short', /at least 10 characters/],
  ])('should refuse %j at sign-up, say why, and create nobody', async (password, reason) => {
    const address = email();
    const res = await signUpAs(address, password);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/^password: /);
    expect(res.body.error.message).toMatch(reason);
    const [row] = await ctx.handle.db.select({ n: count() }).from(users).where(eq(users.email, address));
    expect(row?.n).toBe(0);
  });

  it('should refuse a password containing the local part of the email', async () => {
    const res = await signUpAs('quillfeather@example.com', 'quillfeather-rocks!', 'Q F');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/“quillfeather”/);
  });
});
