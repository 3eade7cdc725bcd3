/**
 * MCP over streamable HTTP against a separately running `headway serve`: its own process on a
 * free loopback port and its own embedded data directory holding the demo workspace, driven by
 * the SDK's streamable HTTP client with the CPO's API token. A forecast makes the round trip, and
 * an estimate outside the CPO's rights is refused naming who decides.
 */
import { rmSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTrustedWorkspace } from '../../src/server/commands/transfer-import';
import { buildDemoWorkspace } from '../../src/server/demo/demo-workspace';
import { BIN, findFreePort, makeTempDir, type RunningServer, startServer } from '../support/cli';
import { prepareDemoDirectory, readAnswer } from '../support/mcp';

let dataDir: string;
let server: RunningServer | undefined;
let token: string;

beforeAll(async () => {
  dataDir = makeTempDir('mcp-http');
  token = await prepareDemoDirectory(dataDir, (db) =>
    importTrustedWorkspace(db, buildDemoWorkspace(new Date())),
  );
  const port = await findFreePort();
  server = await startServer({
    command: process.execPath,
    args: [
      BIN,
      'serve',
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
    ],
    port,
  });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A client connected to the running server's /mcp, with or without the token. */
async function connect(bearer: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${server!.url}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${bearer}` } },
  });
  const client = new Client({ name: 'headway-http-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

describe('MCP over streamable HTTP on a running server', () => {
  it('should answer a forecast as the token’s user and refuse the CPO’s estimate naming the CTO', async () => {
    const client = await connect(token);
    try {
      const forecast = readAnswer<{ forecastId: string; percentiles: { level: number; date: string }[] }>(
        await client.callTool({ name: 'forecast', arguments: { question: 'next_items', items: 5 } }),
      );
      expect(forecast.isError, forecast.text).toBe(false);
      expect(forecast.text).toContain('P85');
      const dates = forecast.data.percentiles.map((p) => p.date);
      expect(dates.length).toBeGreaterThan(1);
      expect([...dates].sort()).toEqual(dates);

      const found = readAnswer<{ id: string }[]>(
        await client.callTool({
          name: 'search_items',
          arguments: { state: 'new', type: 'feature', limit: 1 },
        }),
      );
      expect(found.isError, found.text).toBe(false);
      const refused = readAnswer(
        await client.callTool({
          name: 'set_estimate',
          arguments: { item: found.data[0]?.id, optimistic: 1, likely: 2, pessimistic: 5 },
        }),
      );
      expect(refused.isError).toBe(true);
      expect(refused.text).toContain('Sam Chen');
    } finally {
      await client.close();
    }
  }, 120_000);

  it('should refuse a client whose token the server does not know', async () => {
    await expect(connect('hw_not-a-token')).rejects.toThrow(/401|token/i);
  }, 60_000);
});
