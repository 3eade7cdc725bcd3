/**
 * A local stand-in for GitHub's REST API on 127.0.0.1, serving a generated repository in the
 * shapes the API uses (only the fields Headway reads): the issues listing (pull requests
 * included, with `pull_request`), pulls, deployments with statuses, commits and releases,
 * paginated with Link headers, with ETags answered 304, and rate-limit refusals on demand.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | null;
  labels: { name: string }[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  assignee: { login: string } | null;
}

export interface FakePull {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
  head: { ref: string };
  user: { login: string };
}

export interface FakeRepository {
  issues: FakeIssue[];
  pulls: FakePull[];
  deployments: {
    id: number;
    sha: string;
    environment: string;
    created_at: string;
    status: string;
    committedAt: string;
  }[];
  releases: { id: number; tag_name: string; draft: boolean; published_at: string | null }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A repository of `count` issues and pull requests numbered 1…count, three issues to every two
 * pull requests, one an hour from `start`: most issues closed as completed a few days later
 * (every 13th as not planned, every 4th still open); every other pull request says "Fixes #N"
 * of the nearest issue before it, the rest name nothing; most are merged within three days.
 */
export function generateRepository(count: number, start: number): FakeRepository {
  const repo: FakeRepository = { issues: [], pulls: [], deployments: [], releases: [] };
  for (let n = 1; n <= count; n++) {
    const created = start + n * HOUR;
    if (n % 5 < 3) {
      const open = n % 4 === 0;
      const closed = open ? null : created + ((n % 10) + 1) * DAY;
      repo.issues.push({
        number: n,
        title: `Issue ${n}`,
        body: n % 7 === 0 ? null : `What issue ${n} asks for`,
        state: open ? 'open' : 'closed',
        state_reason: open ? null : n % 13 === 0 ? 'not_planned' : 'completed',
        labels: n % 6 === 0 ? [{ name: 'bug' }] : [],
        created_at: iso(created),
        updated_at: iso(closed ?? created),
        closed_at: closed === null ? null : iso(closed),
        assignee: n % 3 === 0 ? { login: 'octo-dev' } : null,
      });
    } else {
      const merged = n % 9 === 0 ? null : created + ((n % 3) + 1) * DAY;
      const linked = n % 2 === 0;
      // The nearest issue before it: numbers that leave 2 when divided by 5 are issues.
      repo.pulls.push({
        number: n,
        title: `Change ${n}`,
        body: linked ? `Fixes #${n - ((n % 5) - 2)}` : 'A small change',
        state: merged === null && n % 18 !== 0 ? 'open' : 'closed',
        created_at: iso(created),
        updated_at: iso(merged ?? created),
        closed_at: merged === null ? null : iso(merged),
        merged_at: merged === null ? null : iso(merged),
        head: { ref: `change-${n}` },
        user: { login: 'octo-dev' },
      });
    }
  }
  return repo;
}

export interface FakeGithub {
  url: string;
  repo: FakeRepository;
  /** Every request: method, path with query, and the headers Headway sent. */
  requests: { method: string; url: string; ifNoneMatch: string | undefined; status: number }[];
  /** The next `times` requests are refused with this status and headers. */
  refuseNext: (times: number, status: 403 | 429, headers: Record<string, string>) => void;
  close: () => Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): number {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    connection: 'close',
    ...headers,
  });
  res.end(status === 304 ? undefined : JSON.stringify(body));
  return status;
}

/** One page of a list, with GitHub's Link header and an ETag; a matching If-None-Match gets 304. */
function page<T>(req: IncomingMessage, res: ServerResponse, url: URL, all: T[]): number {
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
  const number = Number(url.searchParams.get('page') ?? 1);
  const rows = all.slice((number - 1) * perPage, number * perPage);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (p: number, rel: string) => {
    const next = new URL(url);
    next.searchParams.set('page', String(p));
    return `<${next.href}>; rel="${rel}"`;
  };
  const links = [];
  if (number < last) links.push(link(number + 1, 'next'), link(last, 'last'));
  if (number > 1) links.push(link(1, 'first'), link(number - 1, 'prev'));
  const body = JSON.stringify(rows);
  const etag = `W/"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
  if (req.headers['if-none-match'] === etag) {
    send(res, 304, null, { etag });
    return 304;
  }
  send(res, 200, rows, { etag, ...(links.length > 0 ? { link: links.join(', ') } : {}) });
  return 200;
}

const byUpdatedDesc = <T extends { updated_at: string; number: number }>(a: T, b: T) =>
  b.updated_at.localeCompare(a.updated_at) || b.number - a.number;

/** Starts the fake GitHub on a free port of 127.0.0.1 for one owner/repo and one token. */
export async function startFakeGithub(options: {
  repository: string;
  token: string;
  repo: FakeRepository;
}): Promise<FakeGithub> {
  const requests: FakeGithub['requests'] = [];
  const refusals: { status: number; headers: Record<string, string> }[] = [];
  const prefix = `/repos/${options.repository}`;
  const handle = (req: IncomingMessage, res: ServerResponse): number => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const refusal = refusals.shift();
    if (refusal) {
      send(res, refusal.status, { message: 'API rate limit exceeded' }, refusal.headers);
      return refusal.status;
    }
    if (
      req.headers.authorization !== `token ${options.token}` &&
      req.headers.authorization !== `Bearer ${options.token}`
    ) {
      send(res, 401, { message: 'Bad credentials' });
      return 401;
    }
    const { repo } = options;
    const path = url.pathname;
    if (path === prefix) return send(res, 200, { full_name: options.repository });
    if (path === `${prefix}/issues`) {
      const since = url.searchParams.get('since');
      const entries = [
        ...repo.issues,
        ...repo.pulls.map((p) => ({
          number: p.number,
          title: p.title,
          body: p.body,
          state: p.state,
          state_reason: null,
          labels: [],
          created_at: p.created_at,
          updated_at: p.updated_at,
          closed_at: p.closed_at,
          assignee: null,
          pull_request: { merged_at: p.merged_at },
        })),
      ].filter((i) => since === null || i.updated_at >= since);
      return page(req, res, url, entries.sort(byUpdatedDesc));
    }
    if (path === `${prefix}/pulls`) return page(req, res, url, [...repo.pulls].sort(byUpdatedDesc));
    if (path === `${prefix}/deployments`) {
      const list = [...repo.deployments].sort((a, b) => b.created_at.localeCompare(a.created_at));
      return page(
        req,
        res,
        url,
        list.map(({ id, sha, environment, created_at }) => ({ id, sha, environment, created_at })),
      );
    }
    const statuses = new RegExp(`^${prefix}/deployments/(\\d+)/statuses$`).exec(path);
    if (statuses) {
      const d = repo.deployments.find((x) => x.id === Number(statuses[1]));
      return send(res, 200, d ? [{ state: d.status, created_at: d.created_at }] : []);
    }
    const commit = new RegExp(`^${prefix}/commits/(\\w+)$`).exec(path);
    if (commit) {
      const d = repo.deployments.find((x) => x.sha === commit[1]);
      if (!d) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, { sha: d.sha, commit: { committer: { date: d.committedAt } } });
    }
    if (path === `${prefix}/releases`) return page(req, res, url, [...repo.releases].reverse());
    send(res, 404, { message: 'Not Found' });
    return 404;
  };
  const server: Server = createServer((req, res) => {
    const status = handle(req, res);
    const ifNoneMatch = req.headers['if-none-match'];
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', ifNoneMatch, status });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    repo: options.repo,
    requests,
    refuseNext: (times, status, headers) => {
      for (let i = 0; i < times; i++) refusals.push({ status, headers });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
