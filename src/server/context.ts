import type { Logger } from 'pino';
import type { Instance } from '../contract';
import type { Database } from '../db/client';
import type { Metrics, PoolFigures } from './metrics';

/** What the server needs from the outside; tests pass their own. */
export interface ServerDeps {
  db: Database;
  logger: Logger;
  /** Serve the built web app from this folder when set. */
  webRoot?: string | undefined;
  /**
   * Where people reach this server (`--public-url`). When it is https, the session and CSRF
   * cookies are `Secure` and carry the `__Host-` prefix, and responses carry HSTS.
   */
  publicUrl?: string | undefined;
  /**
   * How many proxies in front of the server are trusted to write X-Forwarded-For
   * (`--trust-proxy`); 0 (the default) uses the socket's address and ignores the header.
   */
  trustProxy?: number | undefined;
  /**
   * Which requests get an access-log line at info level: every one (for log collectors), or only
   * failures (at a terminal, so the lines a person must read are not buried); the rest go to debug.
   */
  accessLog?: 'every' | 'failures';
  /** The demo people and password, when the server runs the demo (shown on the sign-in page). */
  demo?: Instance['demo'];
  /**
   * Import limits: `embedded` (PGlite, one connection) lowers the size limit and runs one
   * background import at a time; the byte sizes override the defaults in LIMITS.
   */
  imports?: { embedded?: boolean; maxBytes?: number; syncBytes?: number };
  /** Request and process figures for /api/metrics; the app makes its own when none is given. */
  metrics?: Metrics;
  /** The operator's token for /api/metrics (HEADWAY_METRICS_TOKEN); without one the endpoint does not exist. */
  metricsToken?: string | undefined;
  /** The database pool's connections, when the driver has a pool. */
  databasePool?: (() => PoolFigures) | undefined;
  /** Set while the server shuts down: readiness answers 503 so load balancers stop sending requests. */
  lifecycle?: { draining: boolean };
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
    /** An ingest token's secret (hwi_…): it is no caller, and only the event routes read it. */
    ingestSecret: string | undefined;
  };
}
