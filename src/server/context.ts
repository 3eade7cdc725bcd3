import type { Logger } from 'pino';
import type { Instance } from '../contract';
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
   * Which requests get an access-log line at info level: every one (for log collectors), or only
   * failures (at a terminal, so the lines a person must read are not buried); the rest go to debug.
   */
  accessLog?: 'every' | 'failures';
  /** The demo people and password, when the server runs the demo (shown on the sign-in page). */
  demo?: Instance['demo'];
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
