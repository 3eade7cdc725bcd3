import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Database } from './database';
import { lockDataDir } from './lock';
import { migrate } from './migrate';
import * as schema from './schema';

export type { Database } from './database';

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs and the start-up banner (no password). */
  location: string;
  /** The pool's connections (PostgreSQL only; PGlite is one connection in the process). */
  pool?: () => { total: number; idle: number; waiting: number };
  /**
   * Calls `onNotify` with the payload of every NOTIFY on `channel` until the returned function
   * stops it. On a server this holds a connection of its own, outside the pool; `onLost` says
   * that connection dropped (notifications sent since then were missed) and listening stopped.
   */
  listen: Listen;
  /** Runs raw SQL outside drizzle, for the job queue (pg-boss keeps its own schema and SQL). */
  executeSql: ExecuteSql;
  close: () => Promise<void>;
}

/** Raw SQL with positional parameters; without parameters the text may hold several statements. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * Raw SQL on an embedded database. PGlite's extended protocol takes one statement, so text
 * without parameters (pg-boss's schema scripts) runs through `exec` and answers its last result.
 */
export function executeOnPglite(client: PGlite): ExecuteSql {
  return async (text, values) => {
    if (values && values.length > 0) return client.query(text, values);
    // A script may open its own transaction; run it inside PGlite's, which holds the one
    // connection until it ends and rolls back on failure, so no other caller's query lands in
    // a transaction the failed script left open. (PGlite only warns of the nested BEGIN/COMMIT.)
    const results = await client.transaction((tx) => tx.exec(text));
    return { rows: results.at(-1)?.rows ?? [] };
  };
}

/** Raw SQL on a server's pool; a failed script's transaction is rolled back before the connection returns. */
function executeOnPool(pool: pg.Pool): ExecuteSql {
  return async (text, values) => {
    if (values && values.length > 0) return pool.query(text, values);
    const client = await pool.connect();
    try {
      return await client.query(text);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

export type Listen = (
  channel: string,
  onNotify: (payload: string) => void,
  onLost: (error: Error) => void,
) => Promise<() => Promise<void>>;

/** Listening on an embedded database: notifications of committed transactions, in this process. */
export function listenOnPglite(client: PGlite): Listen {
  return (channel, onNotify) => client.listen(channel, onNotify);
}

/** Listening on a PostgreSQL server, on a dedicated connection (a pooled one would be handed out). */
function listenOnServer(databaseUrl: string): Listen {
  return async (channel, onNotify, onLost) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    let stopped = false;
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    client.on('error', (error) => {
      if (!stopped) onLost(error);
    });
    client.on('end', () => {
      if (!stopped) onLost(new Error('the listening connection closed'));
      stopped = true;
    });
    await client.connect();
    await client.query(`listen "${channel.replaceAll('"', '""')}"`);
    return async () => {
      stopped = true;
      await client.end();
    };
  };
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server; when absent Headway uses the embedded PGlite database. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory (tests). */
  dataDir?: string | undefined;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres server';
  }
}

/**
 * Opens the database Headway runs on: a PostgreSQL server when a URL is given, otherwise an
 * embedded PGlite data directory held under an exclusive lock. Migrations run before it returns.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // pg returns int8 as strings by default; our bigserial ids are well below 2^53.
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on the next query.
    });
    const db = drizzleNodePg(pool, { schema }) as unknown as Database;
    handle = {
      db,
      kind: 'postgres',
      location: redact(options.databaseUrl),
      pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      listen: listenOnServer(options.databaseUrl),
      executeSql: executeOnPool(pool),
      close: () => pool.end(),
    };
  } else {
    const dataDir = options.dataDir ?? './headway-data';
    const inMemory = dataDir.startsWith('memory://');
    const release = inMemory ? () => {} : lockDataDir(dataDir);
    let client: PGlite;
    try {
      client = await PGlite.create(inMemory ? undefined : dataDir);
    } catch (error) {
      release();
      throw error;
    }
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    handle = {
      db,
      kind: 'pglite',
      location: inMemory ? 'in memory' : dataDir,
      listen: listenOnPglite(client),
      executeSql: executeOnPglite(client),
      close: async () => {
        await client.close();
        release();
      },
    };
  }
  if (options.migrate !== false) {
    try {
      await migrate(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}
