/**
 * `headway mcp` over stdio, as an assistant on this machine starts it: one process on an embedded
 * data directory holding the demo, the token from HEADWAY_TOKEN, driven by the SDK's stdio client.
 * A forecast makes the round trip, and an estimate outside the user's rights is refused naming
 * who decides.
 */
import { rmSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { forecasts } from '../../src/db/schema';
import { loadDemo } from '../../src/server/demo/load-demo';
import { BIN, cliEnv, makeTempDir, ROOT } from '../support/cli';
import { prepareDemoDirectory, readAnswer } from '../support/mcp';

let dataDir: string;
let client: Client;
let stderr = '';

beforeAll(async () => {
  dataDir = makeTempDir('mcp-stdio');
  const token = await prepareDemoDirectory(dataDir, loadDemo);
  const env = Object.fromEntries(
    Object.entries(cliEnv({ HEADWAY_TOKEN: token })).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', '--data-dir', dataDir],
    cwd: ROOT,
    env,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  client = new Client({ name: 'headway-stdio-test', version: '1.0.0' });
  await client.connect(transport);
}, 240_000);

afterAll(async () => {
  await client?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('headway mcp over stdio', () => {
  it('should refuse the CPO’s estimate, naming the CTO who decides', async () => {
    const found = readAnswer<{ id: string }[]>(
      await client.callTool({ name: 'search_items', arguments: { state: 'new', type: 'feature', limit: 1 } }),
    );
    expect(found.isError, found.text).toBe(false);
    const refused = readAnswer(
      await client.callTool({
        name: 'set_estimate',
        arguments: {
          item: found.data[0]?.id,
          optimistic: 1,
          likely: 2,
          pessimistic: 5,
          rationale: 'Like the export',
        },
      }),
    );
    expect(refused.isError).toBe(true);
    expect(refused.text).toContain('Estimates belong to the tech side');
    expect(refused.text).toContain('Sam Chen');
  }, 60_000);

  it('should answer a forecast as the token’s user, with ordered percentiles, and store it', async () => {
    const answer = readAnswer<{ forecastId: string; percentiles: { level: number; date: string }[] }>(
      await client.callTool({ name: 'forecast', arguments: { question: 'next_items', items: 5 } }),
    );
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.text).toContain('P85');
    const dates = answer.data.percentiles.map((p) => p.date);
    expect(answer.data.percentiles.map((p) => p.level)).toEqual([50, 70, 85, 95]);
    expect([...dates].sort()).toEqual(dates);
    expect(stderr).toContain('serving on stdio');
    // The server logs nothing on stdout but the protocol: the answer parsed, so it held.
    await client.close();
    const handle = await openDatabase({ dataDir });
    try {
      const [stored] = await handle.db
        .select()
        .from(forecasts)
        .where(eq(forecasts.id, answer.data.forecastId));
      expect(stored?.kind).toBe('throughput_when');
    } finally {
      await handle.close();
    }
  }, 120_000);
});
