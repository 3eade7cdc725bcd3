/**
 * Sealing the secrets of a connection (a GitHub token, a webhook secret): AES-256-GCM under the
 * instance key, so the database, its backups and every answer hold only ciphertext. The key is
 * HEADWAY_SECRET_KEY (any text of 32 characters or more, hashed to 256 bits) when the operator
 * sets it; otherwise one random key made on first use and kept in `instance_secrets`.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { instanceSecrets } from '../../db/schema';

const KEY_NAME = 'seal-key';
const FORMAT = 'v1';

/** The key that seals secrets, from the environment or the database. */
export async function loadSealKey(db: Database, env = process.env): Promise<Buffer> {
  const given = env.HEADWAY_SECRET_KEY;
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new Error('HEADWAY_SECRET_KEY must be at least 32 characters');
    return createHash('sha256').update(given).digest();
  }
  await db
    .insert(instanceSecrets)
    .values({ name: KEY_NAME, value: randomBytes(32).toString('base64') })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, KEY_NAME));
  if (!row) throw new Error('the instance key vanished');
  return Buffer.from(row.value, 'base64');
}

/** A secret sealed under the key: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/**
 * The secret a sealed value holds.
 * @throws Error when it was sealed under another key or changed
 */
export function unseal(key: Buffer, sealed: string): string {
  const [format, iv, tag, body] = sealed.split('.');
  if (format !== FORMAT || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
