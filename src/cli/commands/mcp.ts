/**
 * `headway mcp [--token T]`: Headway as an MCP server over stdio, for an assistant on this machine.
 * It acts as the API token's user (from --token or HEADWAY_TOKEN) on the database the other verbs
 * open; stdout carries the protocol, so every other message goes to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Command } from 'commander';
import { z } from 'zod';
import { text } from '../../contract';
import { resolveApiToken } from '../../server/commands/api-tokens';
import { createMcpServer } from '../../server/mcp/server';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { parseFlags } from '../flags';

/** The flags of `headway mcp`. */
const McpFlagsSchema = z.strictObject({
  ...DATABASE_FLAGS,
  token: text()
    .trim()
    .min(1, 'give an API token (hwt_…): create one with `headway token create`, or set HEADWAY_TOKEN'),
});

export function register(program: Command): void {
  withDatabaseOptions(
    program
      .command('mcp')
      .description('serve Headway to an AI assistant over MCP (stdio), acting as the API token’s user')
      .option(
        '--token <token>',
        'API token the assistant acts with (env HEADWAY_TOKEN)',
        process.env.HEADWAY_TOKEN,
      ),
  ).action(async (raw: Record<string, unknown>) => {
    const flags = parseFlags(
      McpFlagsSchema,
      { ...raw, token: raw.token ?? process.env.HEADWAY_TOKEN ?? '' },
      { secret: ['token'] },
    );
    await withDatabase(flags, async ({ db }) => {
      const { userId } = await resolveApiToken(db, flags.token);
      const server = createMcpServer({ db, userId });
      const closed = new Promise<void>((resolve) => {
        server.server.onclose = resolve;
        // The client closing its end of the pipe ends the session.
        process.stdin.once('end', () => void server.close());
      });
      await server.connect(new StdioServerTransport());
      process.stderr.write('headway mcp: serving on stdio; close stdin to stop\n');
      await closed;
    });
  });
}
