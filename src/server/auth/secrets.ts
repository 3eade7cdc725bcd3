import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random secret such as a session or API token, prefixed so leaked tokens are recognisable. */
export function createSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as their SHA-256; they are long random strings, so no salt is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 });
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random password nobody knows, made once per process with the same parameters as
 * real ones: checking a password against it costs what checking a real one costs.
 */
function hashOfNobody(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}

/**
 * Checks a password against an argon2id hash. Without a hash (no such account, or a person an
 * import added who has no password yet) it checks against a hash of nobody's password and says
 * no, so the answer takes as long either way and does not tell which emails have accounts.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const known = passwordHash !== null && passwordHash !== '';
  try {
    const ok = await verify(known ? passwordHash : await hashOfNobody(), password);
    return known && ok;
  } catch {
    return false;
  }
}
