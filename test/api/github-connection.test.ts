/**
 * The GitHub connection against a local stand-in for GitHub's REST API on 127.0.0.1: a backfill
 * across pages that feeds flow metrics and the throughput forecast, conditional requests, rate
 * limits waited out, signed webhooks applied once per delivery, and secrets kept out of answers
 * and logs.
 */
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { and, count, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConnectedGithub,
  DoraMeasuresView,
  FlowMetricsView,
  GithubConnection,
  GithubStatus,
  ThroughputForecastView,
} from '../../src/contract';
import { deployments, incidents, itemStateChanges, items } from '../../src/db/schema';
import { createTestApp } from '../support/app';
import { type FakeGithub, generateRepository, startFakeGithub } from '../support/fake-github';
import { createTeam, type Team } from '../support/team';

const REPOSITORY = 'acme/shop';
const TOKEN = `github_pat_${'A1b2C3d4'.repeat(8)}`;
const DAY = 86_400_000;
const START = Date.now() - 100 * DAY;

describe('a GitHub connection', () => {
  let fake: FakeGithub;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let team: Team;
  let base: string;
  let connected: ConnectedGithub;
  const logs: string[] = [];
  const sleeps: number[] = [];

  beforeAll(async () => {
    const repo = generateRepository(2000, START);
    repo.deployments.push({
      id: 71,
      sha: 'abc123',
      environment: 'production',
      created_at: new Date(Date.now() - 2 * DAY).toISOString(),
      status: 'success',
      committedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    });
    repo.releases.push({
      id: 9,
      tag_name: 'v1.0.0',
      draft: false,
      published_at: new Date(Date.now() - DAY).toISOString(),
    });
    fake = await startFakeGithub({ repository: REPOSITORY, token: TOKEN, repo });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    ctx = await createTestApp({
      logger: pino({ level: 'debug' }, sink),
      accessLog: 'every',
      github: {
        baseUrl: fake.url,
        clock: { now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) },
      },
    });
    team = await createTeam(ctx.app);
    base = `/api/workspaces/${team.workspaceId}`;
  });
  afterAll(async () => {
    await ctx.close();
    await fake.close();
  });

  const incidentRows = () =>
    ctx.handle.db
      .select({ key: incidents.key, openedAt: incidents.openedAt, resolvedAt: incidents.resolvedAt })
      .from(incidents)
      .where(eq(incidents.workspaceId, team.workspaceId));
  const githubItems = async () => {
    const [row] = await ctx.handle.db
      .select({ n: count() })
      .from(items)
      .where(and(eq(items.workspaceId, team.workspaceId), eq(items.externalSource, 'github')));
    return row?.n ?? 0;
  };
  const status = async () =>
    (await team.developer.get<GithubStatus>(`${base}/github`)).body.connection as GithubConnection;

  it('should refuse a developer who tries to connect, and a token GitHub refuses, with what to do', async () => {
    const developer = await team.developer.post(`${base}/github`, { repository: REPOSITORY, token: TOKEN });
    expect(developer.status).toBe(403);
    const refused = await team.cto.post<{ error: { message: string } }>(`${base}/github`, {
      repository: REPOSITORY,
      token: `github_pat_${'Z'.repeat(60)}`,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/GitHub refused the token/);
    expect((await team.developer.get<GithubStatus>(`${base}/github`)).body.connection).toBeNull();
  });

  it('should backfill 2,000 issues and pull requests across pages into items with their history', async () => {
    const forecastBefore = await team.developer.get<ThroughputForecastView>(
      `${base}/forecasts/throughput?items=20&trials=500`,
    );
    expect(forecastBefore.body.status).toBe('insufficient-history');
    const res = await team.cto.post<ConnectedGithub>(`${base}/github`, {
      repository: REPOSITORY,
      token: TOKEN,
    });
    expect(res.status).toBe(201);
    connected = res.body;
    expect(connected.webhookUrl).toMatch(new RegExp(`/api/github/webhooks/${connected.id}$`));
    expect(connected.webhookSecret).toMatch(/^[0-9a-f]{64}$/);

    const synced = await team.cto.post<GithubConnection>(`${base}/github/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body.lastSyncError).toBeNull();
    expect(synced.body.counts).toEqual({ issues: 1200, pullRequests: 800, deployments: 1, releases: 1 });
    const issuePages = fake.requests.filter((r) => r.url.startsWith(`/repos/${REPOSITORY}/issues?`));
    expect(issuePages.length).toBe(20);
    // Every issue is an item; a pull request that names an issue starts it instead of becoming one.
    const unlinked = fake.repo.pulls.filter((p) => !/#\d+/.test(p.body ?? '')).length;
    expect(await githubItems()).toBe(1200 + unlinked);

    // An issue a merged pull request fixed was started when the pull request opened.
    const fixer = fake.repo.pulls.find((p) => p.merged_at && /Fixes #(\d+)/.test(p.body ?? ''))!;
    const fixed = Number(/Fixes #(\d+)/.exec(fixer.body ?? '')?.[1]);
    const [item] = await ctx.handle.db
      .select({ id: items.id })
      .from(items)
      .where(and(eq(items.workspaceId, team.workspaceId), eq(items.externalKey, `#${fixed}`)));
    const history = await ctx.handle.db
      .select({ to: itemStateChanges.toState, at: itemStateChanges.changedAt })
      .from(itemStateChanges)
      .where(eq(itemStateChanges.itemId, item!.id));
    expect(history.map((h) => h.to).sort()).toEqual(['done', 'in_progress', 'new']);
    expect(history.find((h) => h.to === 'in_progress')?.at.toISOString()).toBe(fixer.created_at);

    const recorded = await ctx.handle.db
      .select()
      .from(deployments)
      .where(eq(deployments.workspaceId, team.workspaceId));
    expect(recorded.map((d) => d.key).sort()).toEqual(['github-deployment-71', 'github-release-9']);
  });

  it('should feed the imported history into flow metrics and the throughput forecast', async () => {
    const now = Date.now();
    const from = Math.floor(now / DAY) * DAY - 89 * DAY;
    const done = [
      ...fake.repo.issues.filter((i) => i.state_reason === 'completed').map((i) => Date.parse(i.closed_at!)),
      ...fake.repo.pulls
        .filter((p) => p.merged_at && !/#\d+/.test(p.body ?? ''))
        .map((p) => Date.parse(p.merged_at!)),
    ].filter((t) => t >= from && t <= now).length;
    const metrics = await team.developer.get<FlowMetricsView>(`${base}/metrics`);
    expect(metrics.body.throughput.total).toBe(done);
    expect(metrics.body.cycleTimeDays.count).toBeGreaterThan(0);
    const forecast = await team.developer.get<ThroughputForecastView>(
      `${base}/forecasts/throughput?items=20&trials=500`,
    );
    expect(forecast.body.status).toBe('ok');
  });

  it('should ask again conditionally and change nothing when GitHub answers 304', async () => {
    const listings = async () => {
      const before = fake.requests.length;
      const again = await team.cto.post<GithubConnection>(`${base}/github/sync`);
      expect(again.body.lastSyncError).toBeNull();
      expect(again.body.counts).toEqual({ issues: 1200, pullRequests: 800, deployments: 1, releases: 1 });
      const read = fake.requests.slice(before);
      return (path: string) => read.filter((r) => r.url.startsWith(`/repos/${REPOSITORY}/${path}?`));
    };
    const itemsBefore = await githubItems();
    const second = await listings();
    // The pulls listing is the same address as before: one conditional page, unchanged.
    expect(second('pulls').map((r) => [Boolean(r.ifNoneMatch), r.status])).toEqual([[true, 304]]);
    // Issues are asked since the last one read: that address is new once, then conditional too.
    const third = await listings();
    expect(third('issues').map((r) => [Boolean(r.ifNoneMatch), r.status])).toEqual([[true, 304]]);
    expect(await githubItems()).toBe(itemsBefore);
  });

  it('should wait out a rate limit (Retry-After, then x-ratelimit-reset) and then sync', async () => {
    const issue = fake.repo.issues.find((i) => i.state === 'open')!;
    Object.assign(issue, {
      state: 'closed',
      state_reason: 'completed',
      closed_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    });
    fake.refuseNext(1, 429, { 'retry-after': '2' });
    const reset = Math.floor(Date.now() / 1000) + 5;
    fake.refuseNext(1, 403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) });
    sleeps.length = 0;
    const synced = await team.cto.post<GithubConnection>(`${base}/github/sync`);
    expect(synced.body.lastSyncError).toBeNull();
    expect(sleeps[0]).toBe(2000);
    expect(sleeps[1]).toBeGreaterThan(3000);
    expect(sleeps[1]).toBeLessThanOrEqual(6000);
    const [row] = await ctx.handle.db
      .select({ state: items.state })
      .from(items)
      .where(and(eq(items.workspaceId, team.workspaceId), eq(items.externalKey, `#${issue.number}`)));
    expect(row?.state).toBe('done');
  });

  const deliver = (payload: string, headers: Record<string, string>) =>
    ctx.app.request(`/api/github/webhooks/${connected.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'issues', ...headers },
      body: payload,
    });
  const signed = (payload: string, secret = connected.webhookSecret) =>
    `sha256=${createHmac('sha256', secret).update(payload).digest('hex')}`;
  const newIssue = (number: number) =>
    JSON.stringify({
      action: 'opened',
      issue: {
        number,
        title: `Webhook issue ${number}`,
        body: 'from a webhook',
        state: 'open',
        labels: [],
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        closed_at: null,
      },
      repository: { full_name: REPOSITORY },
    });

  it('should refuse a webhook with a bad signature with 401 and change nothing', async () => {
    const itemsBefore = await githubItems();
    const statusBefore = await status();
    const payload = newIssue(5001);
    for (const signature of [signed(payload, 'not-the-secret'), '', signed(`${payload} `)]) {
      const res = await deliver(payload, { 'x-github-delivery': 'bad-1', 'x-hub-signature-256': signature });
      expect(res.status).toBe(401);
    }
    expect(await githubItems()).toBe(itemsBefore);
    expect(await status()).toEqual(statusBefore);
  });

  it('should apply the same delivery id once, however often it is redelivered', async () => {
    const itemsBefore = await githubItems();
    const issuesBefore = (await status()).counts.issues;
    const payload = newIssue(5002);
    const first = await deliver(payload, {
      'x-github-delivery': 'd-5002',
      'x-hub-signature-256': signed(payload),
    });
    const second = await deliver(payload, {
      'x-github-delivery': 'd-5002',
      'x-hub-signature-256': signed(payload),
    });
    expect(await first.json()).toEqual({ outcome: 'applied' });
    expect(await second.json()).toEqual({ outcome: 'duplicate' });
    expect(await githubItems()).toBe(itemsBefore + 1);
    const after = await status();
    expect(after.counts.issues).toBe(issuesBefore + 1);
    expect(after.lastWebhookAt).not.toBeNull();
  });

  it('should keep an issue labelled incident as an incident, resolved when closed, in the DORA measures', async () => {
    const opened = new Date(Date.now() - 5 * 3_600_000).toISOString();
    const closed = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const incidentIssue = (action: string, fields: Record<string, unknown>) =>
      JSON.stringify({
        action,
        issue: {
          number: 5004,
          title: 'Checkout returns 502',
          body: 'Payments down',
          state: 'open',
          labels: [{ name: 'incident' }],
          created_at: opened,
          updated_at: opened,
          closed_at: null,
          ...fields,
        },
        repository: { full_name: REPOSITORY },
      });
    const send = async (id: string, payload: string) => {
      const res = await deliver(payload, { 'x-github-delivery': id, 'x-hub-signature-256': signed(payload) });
      expect(res.status, await res.clone().text()).toBe(200);
    };
    const restore = async () =>
      (await team.developer.get<DoraMeasuresView>(`${base}/dora`)).body.timeToRestore;
    const before = await restore();

    await send('d-5004-open', incidentIssue('opened', {}));
    expect(await incidentRows()).toEqual([
      { key: 'github-issue-5004', openedAt: new Date(opened), resolvedAt: null },
    ]);
    expect((await restore()).open).toBe(before.open + 1);

    await send(
      'd-5004-close',
      incidentIssue('closed', {
        state: 'closed',
        state_reason: 'completed',
        closed_at: closed,
        updated_at: closed,
      }),
    );
    expect(await incidentRows()).toEqual([
      { key: 'github-issue-5004', openedAt: new Date(opened), resolvedAt: new Date(closed) },
    ]);
    const after = await restore();
    expect(after.count).toBe(before.count + 1);
    expect(after.open).toBe(before.open);

    // The label taken off: the issue no longer stands for an incident.
    await send(
      'd-5004-unlabel',
      incidentIssue('unlabeled', {
        labels: [],
        state: 'closed',
        closed_at: closed,
        updated_at: new Date().toISOString(),
      }),
    );
    expect(await incidentRows()).toEqual([]);
  });

  it('should never answer or log the token or the webhook secret', async () => {
    const shown = JSON.stringify((await team.founder.get(`${base}/github`)).body);
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain(connected.webhookSecret);
    const written = logs.join('');
    expect(written.length).toBeGreaterThan(0);
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain(connected.webhookSecret);
  });

  it('should disconnect, keeping the synced items and refusing the old webhook', async () => {
    const itemsBefore = await githubItems();
    expect((await team.developer.delete(`${base}/github`)).status).toBe(403);
    expect((await team.cto.delete(`${base}/github`)).status).toBe(204);
    expect((await team.developer.get<GithubStatus>(`${base}/github`)).body.connection).toBeNull();
    expect(await githubItems()).toBe(itemsBefore);
    const payload = newIssue(5003);
    const res = await deliver(payload, {
      'x-github-delivery': 'd-5003',
      'x-hub-signature-256': signed(payload),
    });
    expect(res.status).toBe(404);
  });
});
