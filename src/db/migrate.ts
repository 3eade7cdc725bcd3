import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './database';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** Where the generated SQL migrations live (drizzle-kit output, never edited once landed). */
export const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', 'drizzle');

/**
 * Applies every migration not applied yet, in order, in one transaction. A transaction-level
 * advisory lock makes concurrent start-ups of several Headway processes on one PostgreSQL
 * server wait for each other instead of racing.
 * @returns the tags applied by this call.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(724500101)`);
    await tx.execute(
      sql`create table if not exists headway_migrations (tag text primary key, applied_at timestamptz not null default now())`,
    );
    const done = await tx.execute(sql`select tag from headway_migrations`);
    const applied = new Set(((done as { rows: { tag: string }[] }).rows ?? []).map((r) => r.tag));
    const now: string[] = [];
    for (const entry of entries) {
      if (applied.has(entry.tag)) continue;
      const text = readFileSync(join(dir, `${entry.tag}.sql`), 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into headway_migrations (tag) values (${entry.tag})`);
      now.push(entry.tag);
    }
    return now;
  });
}
