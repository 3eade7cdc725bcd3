/**
 * An MCP client connected in memory to Headway's MCP server acting as one user, and the parts of
 * a tool's answer a test reads: the summary line, the JSON data, and whether it was an error.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { eq } from 'drizzle-orm';
import { type Database, openDatabase } from '../../src/db/client';
import { users } from '../../src/db/schema';
import { createApiToken } from '../../src/server/commands/api-tokens';
import { demoEmail } from '../../src/server/demo/demo-workspace';
import { createMcpServer } from '../../src/server/mcp/server';

export interface ToolAnswer<T = unknown> {
  isError: boolean;
  /** The first text block: the summary, or the refusal. */
  text: string;
  /** The second text block parsed as JSON (null on an error). */
  data: T;
}

/** Reads a tool result as the server shapes it (see `answer` and `refusal`). */
export function readAnswer<T>(result: unknown): ToolAnswer<T> {
  const { content, isError } = result as { content: { type: string; text?: string }[]; isError?: boolean };
  const [first, second] = content;
  return {
    isError: isError === true,
    text: first?.text ?? '',
    data: (second?.text ? JSON.parse(second.text) : null) as T,
  };
}

/** A connected client acting as the user; `call` runs a tool and reads its answer. */
export async function connectMcp(db: Database, userId: string) {
  const server = createMcpServer({ db, userId });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'headway-test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    call: async <T = unknown>(name: string, args: Record<string, unknown> = {}) =>
      readAnswer<T>(await client.callTool({ name, arguments: args })),
    close: () => client.close(),
  };
}

/**
 * Fills a data directory with a demo workspace (as `load` puts it there) and returns an API
 * token of its CPO, Dana; the directory is closed again, ready for a `headway` process to open.
 */
export async function prepareDemoDirectory(
  dataDir: string,
  load: (db: Database) => Promise<unknown>,
): Promise<string> {
  const handle = await openDatabase({ dataDir });
  try {
    await load(handle.db);
    const [dana] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoEmail('dana')));
    if (!dana) throw new Error('no demo CPO');
    return (await createApiToken(handle.db, dana.id, { name: 'assistant' })).token;
  } finally {
    // The data directory is one process's at a time: the caller's process opens it next.
    await handle.close();
  }
}
