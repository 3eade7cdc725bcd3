import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/migrate';
import { createTestDatabase, TEST_DB } from './database';

describe.runIf(TEST_DB === 'pglite')('test databases from the migrated snapshot', () => {
  it('should start a file from the snapshot with every migration applied and no rows', async () => {
    expect(inject('pgliteTemplate')).toMatch(/migrated\.tar$/);
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'));
    const handle = await createTestDatabase();
    try {
      const applied = await handle.db.execute(sql`select count(*)::int as n from headway_migrations`);
      const users = await handle.db.execute(sql`select count(*)::int as n from users`);
      expect((applied as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(journal.entries.length);
      expect((users as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
