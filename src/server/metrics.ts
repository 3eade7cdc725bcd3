/**
 * Figures for an operator's monitoring, in the Prometheus text exposition format (version 0.0.4):
 * requests and their latency per route pattern and status class, requests in flight, live event
 * streams, the database pool where the driver has one, the job queues' depth where the server runs
 * them, and the process (memory, CPU, event-loop delay, uptime). Kept in this process only (the
 * queue depths are read from the database): each server is scraped on its own.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { HEADWAY_VERSION } from '../contract/version';
import type { QueueDepth } from './jobs/depth';

/** Latency buckets in seconds: fine below 100 ms, where a healthy API answers. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** Connections of a database pool, as the pg driver counts them. */
export interface PoolFigures {
  total: number;
  idle: number;
  waiting: number;
}

interface Series {
  labels: { method: string; route: string; status: string };
  count: number;
  sum: number;
  /** Observations at or below each bucket's bound (not yet cumulative). */
  buckets: number[];
}

/** `2xx` from 204. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

function escapeLabel(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

function labelText(labels: Readonly<Record<string, string>>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

/** The request figures of one server, and their exposition. */
export class Metrics {
  private readonly series = new Map<string, Series>();
  private readonly started = Date.now();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });
  /** Requests being answered right now. */
  inFlight = 0;
  /** Live event streams open right now. */
  liveStreams = 0;

  constructor() {
    this.loopDelay.enable();
  }

  /**
   * Records one answered request.
   * @param route the route pattern that answered (`/api/workspaces/:id/items`), never the raw path
   * @param seconds how long it took
   */
  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: statusClass(status) };
    const key = `${labels.method} ${labels.route} ${labels.status}`;
    let series = this.series.get(key);
    if (!series) {
      series = { labels, count: 0, sum: 0, buckets: LATENCY_BUCKETS.map(() => 0) };
      this.series.set(key, series);
    }
    series.count += 1;
    series.sum += seconds;
    const bucket = LATENCY_BUCKETS.findIndex((bound) => seconds <= bound);
    if (bucket >= 0) series.buckets[bucket] = (series.buckets[bucket] ?? 0) + 1;
  }

  /** Stops watching the event loop (when the server closes). */
  stop(): void {
    this.loopDelay.disable();
  }

  /**
   * The figures as Prometheus text.
   * @param pool the database pool's connections, when the driver has a pool (PostgreSQL)
   * @param queues each job queue's jobs by state, when the server runs the job queue
   */
  expose(pool?: PoolFigures, queues?: readonly QueueDepth[]): string {
    const out: string[] = [];
    const family = (name: string, type: string, help: string) =>
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);

    family('headway_http_requests_total', 'counter', 'Requests answered, by route pattern and status class.');
    for (const s of this.series.values())
      out.push(`headway_http_requests_total${labelText(s.labels)} ${s.count}`);
    family(
      'headway_http_request_duration_seconds',
      'histogram',
      'Time to answer a request, by route pattern and status class.',
    );
    for (const s of this.series.values()) {
      let cumulative = 0;
      LATENCY_BUCKETS.forEach((bound, i) => {
        cumulative += s.buckets[i] ?? 0;
        out.push(
          `headway_http_request_duration_seconds_bucket${labelText({ ...s.labels, le: String(bound) })} ${cumulative}`,
        );
      });
      out.push(
        `headway_http_request_duration_seconds_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`,
      );
      out.push(`headway_http_request_duration_seconds_sum${labelText(s.labels)} ${s.sum}`);
      out.push(`headway_http_request_duration_seconds_count${labelText(s.labels)} ${s.count}`);
    }
    family('headway_http_requests_in_flight', 'gauge', 'Requests being answered now.');
    out.push(`headway_http_requests_in_flight ${this.inFlight}`);
    family('headway_live_streams', 'gauge', 'Live event streams (server-sent events) open now.');
    out.push(`headway_live_streams ${this.liveStreams}`);

    if (pool) {
      family('headway_db_pool_connections', 'gauge', 'Connections of the PostgreSQL pool, by state.');
      out.push(`headway_db_pool_connections{state="total"} ${pool.total}`);
      out.push(`headway_db_pool_connections{state="idle"} ${pool.idle}`);
      family(
        'headway_db_pool_waiting_requests',
        'gauge',
        'Queries waiting for a free connection of the pool.',
      );
      out.push(`headway_db_pool_waiting_requests ${pool.waiting}`);
    }

    if (queues) {
      family(
        'headway_job_queue_jobs',
        'gauge',
        'Jobs in each background queue, by state (queued, active, failed).',
      );
      for (const q of queues) {
        for (const state of ['queued', 'active', 'failed'] as const) {
          out.push(`headway_job_queue_jobs${labelText({ queue: q.queue, state })} ${q[state]}`);
        }
      }
    }

    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    family('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.');
    out.push(`process_resident_memory_bytes ${memory.rss}`);
    family('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use, in bytes.');
    out.push(`nodejs_heap_used_bytes ${memory.heapUsed}`);
    family('process_cpu_seconds_total', 'counter', 'User and system CPU time spent, in seconds.');
    out.push(`process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`);
    family(
      'process_start_time_seconds',
      'gauge',
      'When the process started, in seconds since the Unix epoch.',
    );
    out.push(`process_start_time_seconds ${Math.floor(this.started / 1000)}`);
    family(
      'nodejs_eventloop_delay_seconds',
      'gauge',
      'Event-loop delay since the process started, by quantile.',
    );
    for (const q of [0.5, 0.99]) {
      out.push(`nodejs_eventloop_delay_seconds{quantile="${q}"} ${this.loopDelay.percentile(q * 100) / 1e9}`);
    }
    family('headway_build_info', 'gauge', 'The Headway version this server runs.');
    out.push(`headway_build_info${labelText({ version: HEADWAY_VERSION })} 1`);
    return `${out.join('\n')}\n`;
  }
}
