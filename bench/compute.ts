/**
 * Compute off the request path: a plan forecast of the demo workspace (the roadmap milestones'
 * Monte Carlo) runs while `/api/health` is asked every few milliseconds, first with the
 * simulation in the request's thread, then on the compute pool, in the same run. Prints the
 * forecast's time, the event loop's delay (p50, p99, max) and the health answers' latency and
 * longest wait meanwhile. One in-process server on an in-memory embedded database; loopback only.
 *
 *   npm run bench:compute -- [--trials 2000] [--probe-ms 20]
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { computeMedian } from '../src/domain/shared';
import { createComputePool, defaultComputeThreads, setComputePool } from '../src/server/compute/pool';
import { DEMO_PASSWORD } from '../src/server/demo/demo-workspace';
import { startServer } from '../src/server/main';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '2000' },
    'probe-ms': { type: 'string', default: '20' },
  },
});
const trials = Number(values.trials);
const probeMs = Number(values['probe-ms']);

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir: 'memory://',
  demo: true,
  logLevel: 'silent',
});
const url = server.url.replace('localhost', '127.0.0.1');

async function signIn(): Promise<{ cookie: string; workspaceId: string }> {
  const res = await fetch(`${url}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'dana@demo.headway.dev', password: DEMO_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const list = (await (await fetch(`${url}/api/workspaces`, { headers: { cookie } })).json()) as {
    data: { id: string }[];
  };
  return { cookie, workspaceId: list.data[0]!.id };
}

interface Figures {
  forecastMs: number;
  loop: { p50: number; p99: number; max: number };
  health: { answers: number; p50: number; p99: number; longestWait: number };
}

function percentile(sorted: readonly number[], level: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((level / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** One plan forecast while the health probe runs, with the loop's delay meanwhile. */
async function measure(session: { cookie: string; workspaceId: string }): Promise<Figures> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // The histogram records from its second tick on: let it tick before the simulation starts.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const latencies: number[] = [];
  let done = false;
  let last = performance.now();
  let longestWait = 0;
  const probe = (async () => {
    while (!done) {
      const sent = performance.now();
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      const now = performance.now();
      latencies.push(now - sent);
      longestWait = Math.max(longestWait, now - last);
      last = now;
      await new Promise((resolve) => setTimeout(resolve, probeMs));
    }
  })();
  const started = performance.now();
  const res = await fetch(
    `${url}/api/workspaces/${session.workspaceId}/forecasts/milestones?trials=${trials}&seed=1`,
    { headers: { cookie: session.cookie } },
  );
  if (!res.ok) throw new Error(`the forecast answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  const forecastMs = performance.now() - started;
  longestWait = Math.max(longestWait, performance.now() - last);
  done = true;
  await probe;
  delay.disable();
  const sorted = latencies.toSorted((a, b) => a - b);
  return {
    forecastMs,
    loop: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
    health: {
      answers: latencies.length,
      p50: computeMedian(sorted),
      p99: percentile(sorted, 99),
      longestWait,
    },
  };
}

try {
  const session = await signIn();
  const threads = defaultComputeThreads();
  const modes = [
    ['in the request thread', createComputePool({ threads: 0 })],
    [
      `on the pool (${threads} thread${threads > 1 ? 's' : ''})`,
      createComputePool({ threads, inlineBelow: 0 }),
    ],
  ] as const;
  const ms = (n: number) => n.toFixed(n < 100 ? 1 : 0).padStart(9);
  const rows = [
    `plan forecast of the demo roadmap, ${trials} trials, /api/health every ${probeMs} ms meanwhile`,
    `${'simulation'.padEnd(26)}${'forecast'.padStart(9)}${'loop p50'.padStart(9)}${'loop p99'.padStart(9)}${'loop max'.padStart(9)}${'health'.padStart(8)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'longest'.padStart(9)}`,
  ];
  for (const [label, pool] of modes) {
    await setComputePool(pool);
    await measure(session); // warm up: the JIT, and the pool's thread start
    const f = await measure(session);
    rows.push(
      `${label.padEnd(26)}${ms(f.forecastMs)}${ms(f.loop.p50)}${ms(f.loop.p99)}${ms(f.loop.max)}${String(f.health.answers).padStart(8)}${ms(f.health.p50)}${ms(f.health.p99)}${ms(f.health.longestWait)}`,
    );
  }
  rows.push(
    '(milliseconds; health: answers during the forecast, their latency and the longest wait between two)',
  );
  process.stdout.write(`${rows.join('\n')}\n`);
} finally {
  await server.close({ graceMs: 1000 });
  await setComputePool(null);
}
