import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './database';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** Where the generated SQL migrations live (drizzle-kit output, never edited once landed). */
export const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', 'drizzle');

/** The tags of the migrations in `dir`, oldest first. */
export function migrationTags(dir = MIGRATIONS_DIR): string[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => e.tag);
}

/**
 * Applies every migration not applied yet, in order, in one transaction. A transaction-level
 * advisory lock makes concurrent start-ups of several Headway processes on one PostgreSQL
 * server wait for each other instead of racing.
 * @returns the tags applied by this call.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const tags = migrationTags(dir);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(724500101)`);
    await tx.execute(
      sql`create table if not exists headway_migrations (tag text primary key, applied_at timestamptz not null default now())`,
    );
    const done = await tx.execute(sql`select tag from headway_migrations`);
    const applied = new Set(((done as { rows: { tag: string }[] }).rows ?? []).map((r) => r.tag));
    const now: string[] = [];
    for (const tag of tags) {
      if (applied.has(tag)) continue;
      const text = readFileSync(join(dir, `${tag}.sql`), 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into headway_migrations (tag) values (${tag})`);
      now.push(tag);
    }
    return now;
  });
}
