import type { Logger } from 'pino';
import type { Database } from '../db/client';

/** What the server needs from the outside; tests pass their own. */
export interface ServerDeps {
  db: Database;
  logger: Logger;
  /** Serve the built web app from this folder when set. */
  webRoot?: string | undefined;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  /**
   * Import limits: `embedded` (PGlite, one connection) lowers the size limit and runs one
   * background import at a time; the byte sizes override the defaults in LIMITS.
   */
  imports?: { embedded?: boolean; maxBytes?: number; syncBytes?: number };
}

export interface Caller {
  userId: string;
  via: 'session' | 'token';
  csrfToken: string | null;
}

export interface AppEnv {
  Variables: {
    deps: ServerDeps;
    requestId: string;
    logger: Logger;
    caller: Caller | null;
  };
}
