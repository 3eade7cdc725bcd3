import type { Logger } from 'pino';
import type { Instance } from '../contract';
import type { Database } from '../db/client';
import type { DecisionMatrix, Role } from '../domain/decision-rights';
import type { GithubOptions } from './github/sync';
import type { JobQueue } from './jobs/queue';
import type { LiveHub } from './live/hub';
import type { MailConfig } from './mail/brief-digest';
import type { Metrics, PoolFigures } from './metrics';
import type { TargetPolicy } from './webhooks/target';

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
  /** The live event streams (`GET /api/workspaces/{id}/events`); without one the route answers 404. */
  live?: LiveHub | undefined;
  /**
   * Check responses built by a presenter (items) against their schema before sending them
   * (default true, as in tests). `headway serve` skips it unless HEADWAY_CHECK_RESPONSES=1: the
   * presenter's type already fixes the shape, and the check cost grows with every item sent.
   */
  checkResponses?: boolean;
  /** The background job queue, when this server runs one (webhook replays, the dead-letter view). */
  jobs?: JobQueue | undefined;
  /** Which webhook targets the operator allows beyond public addresses (default: none). */
  webhookPolicy?: TargetPolicy | undefined;
  /** Where GitHub connections reach GitHub (default api.github.com) and how they wait out its limits. */
  github?: GithubOptions | undefined;
  /** The operator's SMTP settings (HEADWAY_SMTP_URL…); null or absent: e-mail is off and a send says what to set. */
  mail?: MailConfig | null | undefined;
  /** Set while the server shuts down: readiness answers 503 so load balancers stop sending requests. */
  lifecycle?: { draining: boolean };
}

/** A caller's membership of a workspace, as read with their session or token. */
export interface MemberRow {
  role: Role;
  workspaceName: string;
  matrix: DecisionMatrix;
  matrixVersion: number;
}

export interface Caller {
  userId: string;
  via: 'session' | 'token';
  csrfToken: string | null;
  /**
   * The caller's membership of the workspace the path names, read in the same query as the
   * caller (null: not a member). Kept for this request only: another server may change it next.
   */
  member?: { workspaceId: string; row: MemberRow | null };
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
