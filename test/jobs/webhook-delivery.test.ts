import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter, WebhookDelivery } from '../../src/contract';
import { type Background, startBackground } from '../../src/server/jobs/background';
import { sendOverHttp, sendWebhook, type Transport } from '../../src/server/webhooks/send';
import { type Resolve, readTargetPolicy, STRICT_POLICY } from '../../src/server/webhooks/target';
import { createTestApp } from '../support/app';
import { createTeam, type Team } from '../support/team';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** A receiver on loopback: answers by path, and keeps every request it got. */
async function startReceiver(answer: (path: string, count: number) => { status: number; location?: string }) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body, at: Date.now() });
      const { status, location } = answer(path, received.filter((r) => r.path === path).length);
      res.writeHead(status, location ? { location } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A transport that records every address a socket was opened to, then really sends. */
function watchedTransport() {
  const opened: string[] = [];
  const transport: Transport = (request) => {
    opened.push(request.address);
    return sendOverHttp(request);
  };
  return { opened, transport };
}

const stubbed =
  (answers: Record<string, string[]>): Resolve =>
  async (host) => {
    const found = answers[host];
    if (!found) throw new Error(`no stubbed answer for ${host}`);
    return found;
  };

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('sending a webhook to a checked address', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver((path) =>
      path === '/to-private'
        ? { status: 307, location: 'http://internal.example/steal' }
        : path === '/to-metadata'
          ? { status: 302, location: 'http://169.254.169.254/latest/meta-data' }
          : { status: 204 },
    );
  });
  afterAll(() => receiver.close());
  const onlyLoopback = readTargetPolicy({ HEADWAY_WEBHOOKS_ALLOW: '127.0.0.1/32' });

  it('should refuse a loopback receiver when loopback is not allowed, and never open a socket', async () => {
    const { opened, transport } = watchedTransport();
    const outcome = await sendWebhook(
      `${receiver.url}/hook`,
      '{}',
      's',
      {},
      {
        resolve: stubbed({}),
        policy: STRICT_POLICY,
        transport,
      },
    );
    expect(outcome).toMatchObject({ ok: false, responseCode: null });
    expect(outcome.error).toMatch(/refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1 is a loopback address/);
    expect(opened).toEqual([]);
    expect(receiver.received).toEqual([]);
  });

  it('should refuse a name stubbed to resolve to a private address without opening a socket', async () => {
    const { opened, transport } = watchedTransport();
    const outcome = await sendWebhook(
      'http://hooks.example.com/h',
      '{}',
      's',
      {},
      {
        resolve: stubbed({ 'hooks.example.com': ['10.0.0.5'] }),
        policy: onlyLoopback,
        transport,
      },
    );
    expect(outcome.error).toMatch(/hooks\.example\.com resolves to 10\.0\.0\.5 is a private network address/);
    expect(opened).toEqual([]);
  });

  it('should connect to the address it checked, sending the name as the host', async () => {
    const { opened, transport } = watchedTransport();
    const before = receiver.received.length;
    const outcome = await sendWebhook(
      `http://hooks.test:${receiver.port}/pinned`,
      '{}',
      's',
      {},
      {
        resolve: stubbed({ 'hooks.test': ['127.0.0.1'] }),
        policy: onlyLoopback,
        transport,
      },
    );
    expect(outcome).toMatchObject({ ok: true, responseCode: 204, error: null });
    expect(opened).toEqual(['127.0.0.1']);
    expect(receiver.received.slice(before).map((r) => r.headers.host)).toEqual([
      `hooks.test:${receiver.port}`,
    ]);
  });

  it.each([
    ['/to-private', /internal\.example resolves to 10\.0\.0\.9 is a private network address/],
    ['/to-metadata', /169\.254\.169\.254 is a cloud metadata address/],
  ])('should refuse a redirect (%s) to a forbidden address without following it', async (path, reason) => {
    const { opened, transport } = watchedTransport();
    const outcome = await sendWebhook(
      `${receiver.url}${path}`,
      '{}',
      's',
      {},
      {
        resolve: stubbed({ 'internal.example': ['10.0.0.9'] }),
        policy: onlyLoopback,
        transport,
      },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(reason);
    // One socket, to the receiver that redirected; none to the forbidden target.
    expect(opened).toEqual(['127.0.0.1']);
  });
});

describe('webhooks on the job queue, to a receiver on loopback the operator allows', () => {
  const policy = readTargetPolicy({ HEADWAY_WEBHOOKS_ALLOW: '127.0.0.1/32' });
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let healed = false;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let background: Background;
  let team: Team;
  let base: string;

  beforeAll(async () => {
    receiver = await startReceiver((path, count) => {
      if (path === '/flaky') return { status: count < 3 ? 500 : 200 };
      if (path === '/down') return { status: healed ? 200 : 503 };
      return { status: 200 };
    });
    ctx = await createTestApp(async (database, logger) => {
      background = await startBackground({
        database,
        logger,
        webhooks: { resolve: stubbed({}), policy, retryLimit: 2, retryDelaySeconds: 1 },
        pollingIntervalSeconds: 0.5,
      });
      return { jobs: background.queue, webhookPolicy: policy };
    });
    team = await createTeam(ctx.app, ['founder', 'cto', 'developer']);
    base = `/api/workspaces/${team.workspaceId}`;
  });
  afterAll(async () => {
    await background.stop();
    await ctx.close();
    await receiver.close();
  });

  const register = async (path: string) => {
    const res = await team.cto.post<{ id: string; secret: string }>(`${base}/webhooks`, {
      url: `${receiver.url}${path}`,
      kinds: ['item'],
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const deliveries = async (endpointId: string) =>
    (await team.founder.get<{ data: WebhookDelivery[] }>(`${base}/webhooks/${endpointId}/deliveries`)).body
      .data;

  it('should sign, retry with backoff, dead-letter, retry from the view and replay', async () => {
    const ok = await register('/ok');
    const flaky = await register('/flaky');
    const down = await register('/down');
    expect(ok.secret).toMatch(/^whsec_/);
    expect((await team.founder.get<{ data: unknown[] }>(`${base}/webhooks`)).body.data).toHaveLength(3);

    const created = await team.founder.post<{ id: string }>(`${base}/items`, {
      type: 'task',
      title: 'Ship it',
    });
    expect(created.status).toBe(201);

    // Signed: HMAC-SHA256 of "<timestamp>.<body>" with the endpoint's secret.
    await until(() => receiver.received.some((r) => r.path === '/ok'));
    const [sent] = receiver.received.filter((r) => r.path === '/ok') as [Received];
    const timestamp = String(sent.headers['headway-timestamp']);
    const expected = createHmac('sha256', ok.secret).update(`${timestamp}.${sent.body}`).digest('hex');
    expect(sent.headers['headway-signature']).toBe(`v1=${expected}`);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.parse(sent.body)).toMatchObject({
      type: 'item',
      event: 'itemCreated',
      workspaceId: team.workspaceId,
      itemIds: [created.body.id],
    });

    // Retried with growing delays until the receiver answers 2xx.
    await until(async () => (await deliveries(flaky.id))[0]?.status === 'delivered');
    const tries = receiver.received.filter((r) => r.path === '/flaky').map((r) => r.at) as [
      number,
      number,
      number,
    ];
    expect(tries).toHaveLength(3);
    expect(tries[1] - tries[0]).toBeGreaterThanOrEqual(900);
    expect(tries[2] - tries[1]).toBeGreaterThanOrEqual(1900);
    expect((await deliveries(flaky.id))[0]).toMatchObject({ attempts: 3, responseCode: 200, error: null });
    expect((await deliveries(ok.id))[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseCode: 200,
    });

    // Every try failed: the delivery is failed and its job is in the dead-letter view.
    await until(async () => (await deliveries(down.id))[0]?.status === 'failed');
    const failedLog = (await deliveries(down.id))[0];
    expect(failedLog).toMatchObject({ attempts: 3, responseCode: 503, error: 'answered 503' });
    expect((await team.cto.get(`${base}/jobs/failed`)).status).toBe(403);
    let dead: DeadLetter[] = [];
    await until(async () => {
      dead = (await team.founder.get<{ data: DeadLetter[] }>(`${base}/jobs/failed`)).body.data;
      return dead.length === 1;
    });
    expect(dead[0]).toMatchObject({
      queue: 'webhook-delivery',
      subject: failedLog?.id,
      attempts: 3,
      error: 'answered 503',
    });
    const retryPath = `${base}/jobs/failed/${dead[0]?.id}/retry`;
    expect((await team.cto.post(retryPath, {})).status).toBe(403);
    healed = true;
    expect((await team.founder.post(retryPath, {})).status).toBe(204);
    expect((await team.founder.post(retryPath, {})).status).toBe(404);
    await until(async () => (await deliveries(down.id))[0]?.status === 'delivered');
    expect((await team.founder.get<{ data: DeadLetter[] }>(`${base}/jobs/failed`)).body.data).toEqual([]);

    // A replay is a new delivery of the same event, sent once more.
    const original = (await deliveries(ok.id))[0] as WebhookDelivery;
    expect(
      (await team.developer.post(`${base}/webhooks/${ok.id}/deliveries/${original.id}/replay`, {})).status,
    ).toBe(403);
    const replay = await team.founder.post<WebhookDelivery>(
      `${base}/webhooks/${ok.id}/deliveries/${original.id}/replay`,
      {},
    );
    expect(replay.status).toBe(201);
    expect(replay.body.replayOf).toBe(original.id);
    await until(() => receiver.received.filter((r) => r.path === '/ok').length === 2);
    const [first, again] = receiver.received.filter((r) => r.path === '/ok') as [Received, Received];
    expect(again.headers['headway-event']).toBe(first.headers['headway-event']);
    expect(again.headers['headway-delivery']).toBe(replay.body.id);
    // Each delivery reached the receiver once (the dead letter's retry counts as a new set of tries).
    expect(receiver.received.filter((r) => r.path === '/ok')).toHaveLength(2);
  });
});
