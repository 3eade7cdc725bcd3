import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database';
import { buildUser } from '../../../test/support/factories';
import type { DatabaseHandle } from '../../db/client';
import { users } from '../../db/schema';
import { type CommandContext, inTransaction, isInTransaction } from './context';

let handle: DatabaseHandle;
let ctx: CommandContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  // inTransaction only passes the actor on; these tests never read it.
  ctx = { db: handle.db, actor: {} as CommandContext['actor'] };
});
afterAll(() => handle.close());

async function nameOf(id: string): Promise<string | undefined> {
  const [row] = await handle.db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name;
}

describe('inTransaction', () => {
  it('should open a transaction and let a nested call join it', async () => {
    expect(isInTransaction(ctx)).toBe(false);
    await inTransaction(ctx, async (outer) => {
      expect(isInTransaction(outer)).toBe(true);
      await inTransaction(outer, async (inner) => {
        expect(inner.db).toBe(outer.db);
      });
    });
  });

  it('should roll back the outer and the nested writes together when a later step fails', async () => {
    const user = await buildUser(handle.db, { name: 'Before' });
    const failed = inTransaction(ctx, async (outer) => {
      await outer.db.update(users).set({ name: 'Outer' }).where(eq(users.id, user.id));
      await inTransaction(outer, async (inner) => {
        await inner.db.update(users).set({ name: 'Inner' }).where(eq(users.id, user.id));
      });
      throw new Error('a later step failed');
    });
    await expect(failed).rejects.toThrow('a later step failed');
    expect(await nameOf(user.id)).toBe('Before');
  });

  it('should commit every write when the work succeeds', async () => {
    const user = await buildUser(handle.db, { name: 'Before' });
    await inTransaction(ctx, async (outer) => {
      await inTransaction(outer, (inner) =>
        inner.db.update(users).set({ name: 'After' }).where(eq(users.id, user.id)),
      );
    });
    expect(await nameOf(user.id)).toBe('After');
  });
});
