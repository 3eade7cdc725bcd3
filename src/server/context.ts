import type { Logger } from 'pino';
import type { Database } from '../db/client';

/** What the server needs from the outside; tests pass their own. */
export interface ServerDeps {
  db: Database;
  logger: Logger;
  /** Serve the built web app from this folder when set. */
  webRoot?: string | undefined;
  /**
   * Where people reach this server (`--public-url`). When it is https, the session and CSRF
   * cookies are `Secure` and carry the `__Host-` prefix.
   */
  publicUrl?: string | undefined;
  /**
   * How many proxies in front of the server are trusted to write X-Forwarded-For
   * (`--trust-proxy`); 0 (the default) uses the socket's address and ignores the header.
   */
  trustProxy?: number | undefined;
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
