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
  /** The address people reach Headway at; an https one turns on HSTS. */
  publicUrl?: string | undefined;
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
