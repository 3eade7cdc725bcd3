/**
 * Load: the demo workspace served by `headway serve` on loopback, driven by autocannon. Each
 * workload runs flat out (req/s, p50/p99, errors) with the same server's `/api/health` ceiling
 * measured in the same run, then paced at a fixed rate to read its p99 there.
 *
 *   npm run bench:load -- [--duration 10] [--connections 50] [--rate 500]
 *                         [--database-url postgres://… --servers 2] [--only mixed]
 *
 * Without a database URL: one server on a throwaway embedded data directory. With one: the demo
 * is added to that PostgreSQL database and `--servers` processes share it, each getting an equal
 * share of the connections. Traffic goes to 127.0.0.1 only.
 */
import { parseArgs } from 'node:util';
import autocannon, { type Request, type Result } from 'autocannon';
import { type LoadTarget, startLoadTarget } from './lib/load-server';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rate: { type: 'string', default: '500' },
    'database-url': { type: 'string' },
    servers: { type: 'string', default: '1' },
    /** Runs only the workloads whose label contains this text (the health ceiling always runs). */
    only: { type: 'string', default: '' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rate = Number(values.rate);
const databaseUrl = values['database-url'];
const servers = databaseUrl ? Math.max(1, Number(values.servers)) : 1;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  conflicts: number;
  /** Each other status outside 2xx with its count, e.g. "400×3", to say what the non-2xx were. */
  others: string;
}

type Workload = (target: LoadTarget) => Request[];

const health: Workload = () => [{ method: 'GET', path: '/api/health' }];
const backlogPage: Workload = (t) => [
  { method: 'GET', path: `/api/workspaces/${t.workspaceId}/items?limit=100` },
];
/** The backlog page as a browser revalidates its copy: If-None-Match, a 304 while unchanged. */
const backlogRevalidated: Workload = (t) => [
  {
    method: 'GET',
    path: `/api/workspaces/${t.workspaceId}/items?limit=100`,
    headers: { 'if-none-match': t.pageEtag },
  },
];
const oneItem: Workload = (t) => [
  { method: 'GET', path: `/api/workspaces/${t.workspaceId}/items/${t.items[7]?.id}` },
];

/**
 * 70 % reads, 20 % updates, 10 % reorders. Each pass of a connection takes the next item of
 * the backlog's first 100, reads it (for its version), then updates and moves that item, so
 * passes running side by side rarely touch the same item; a 409 is counted, not hidden.
 */
let pass = 0;
const mixed: Workload = (t) => {
  const base = `/api/workspaces/${t.workspaceId}/items`;
  type Context = { id?: string; version?: number; after?: string };
  const remember = (status: number, body: string, context: Context) => {
    if (status < 300) context.version = (JSON.parse(body) as { version: number }).version;
  };
  const read: Request = {
    method: 'GET',
    setupRequest: (req, context: Context) => {
      if (!context.id) {
        const at = pass++ % t.items.length;
        context.id = t.items[at]?.id;
        context.after = t.items[(at + 1) % t.items.length]?.id;
      }
      return { ...req, path: `${base}/${context.id}` };
    },
    onResponse: remember,
  };
  const update: Request = {
    method: 'PATCH',
    setupRequest: (req, context: Context) => ({
      ...req,
      path: `${base}/${context.id}`,
      body: JSON.stringify({ title: `Load test item ${pass}`, version: context.version }),
    }),
    onResponse: remember,
  };
  const move: Request = {
    method: 'POST',
    setupRequest: (req, context: Context) => ({
      ...req,
      path: `${base}/${context.id}/move`,
      body: JSON.stringify({ afterId: context.after, version: context.version }),
    }),
    onResponse: remember,
  };
  return [read, read, read, update, read, read, update, read, read, move];
};

async function drive(target: LoadTarget, workload: Workload, overallRate?: number): Promise<Figures> {
  const share = Math.max(1, Math.floor(connections / target.urls.length));
  const runs = target.urls.map(
    (url) =>
      autocannon({
        url,
        connections: share,
        duration,
        headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
        requests: workload(target),
        ...(overallRate ? { overallRate: overallRate / target.urls.length } : {}),
      }) as unknown as Promise<Result>,
  );
  const results = await Promise.all(runs);
  // Requests still queued in a server would be served during the next run: wait them out.
  await Promise.all(target.urls.map((url) => fetch(`${url}/api/health`).then((res) => res.body?.cancel())));
  const counts = new Map<string, number>();
  for (const r of results) {
    for (const [status, { count }] of Object.entries(r.statusCodeStats ?? {})) {
      counts.set(status, (counts.get(status) ?? 0) + (count ?? 0));
    }
  }
  const conflicts = counts.get('409') ?? 0;
  // A 304 confirms a revalidated copy: a success, as a 200 is.
  const notModified = counts.get('304') ?? 0;
  const others = [...counts]
    .filter(([status]) => !status.startsWith('2') && status !== '304' && status !== '409')
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    // Per-server percentiles cannot be merged exactly: the slower server's are reported.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0) - conflicts - notModified,
    conflicts,
    others,
  };
}

const where = databaseUrl
  ? `PostgreSQL, ${servers} server${servers > 1 ? 's' : ''}`
  : 'embedded database, 1 server';
process.stdout.write(`load on ${where}: ${connections} connections, ${duration} s per run, loopback only\n`);
const target = await startLoadTarget({ databaseUrl, servers });
try {
  await drive(target, backlogPage); // warm up caches and the JIT before measuring
  const ceiling = await drive(target, health);
  const cell = (n: number, width = 9) => n.toFixed(n < 100 ? 1 : 0).padStart(width);
  const rows = [
    `${'workload'.padEnd(34)}${'req/s'.padStart(9)}${'of health'.padStart(11)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'non-2xx'.padStart(9)}${'409'.padStart(6)}`,
  ];
  const line = (label: string, f: Figures) =>
    `${label.padEnd(34)}${cell(f.rps)}${`${((100 * f.rps) / ceiling.rps).toFixed(1)} %`.padStart(11)}${cell(f.p50)}${cell(f.p99)}${String(f.errors).padStart(8)}${String(f.non2xx).padStart(9)}${String(f.conflicts).padStart(6)}${f.others ? `  (${f.others})` : ''}`;
  rows.push(line('/api/health (ceiling, baseline)', ceiling));
  for (const [label, workload] of [
    ['backlog page (100 items)', backlogPage],
    ['backlog page, revalidated (304)', backlogRevalidated],
    ['one item', oneItem],
    ['mixed 70/20/10 read/update/move', mixed],
  ] as const) {
    if (!label.includes(values.only)) continue;
    rows.push(line(label, await drive(target, workload)));
    rows.push(line(`  paced at ${rate} req/s`, await drive(target, workload, rate)));
  }
  process.stdout.write(`${rows.join('\n')}\n`);
} finally {
  await target.stop();
}
