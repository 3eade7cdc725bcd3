/**
 * What every MCP tool runs with: the database and the token's user, and how a tool names a
 * workspace and an item. Answers and refusals are shaped here once, so every tool says the same
 * things the same way (a refusal names who decides, as the HTTP API does).
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { and, eq } from 'drizzle-orm';
import { ZodError, type z } from 'zod';
import type { Database } from '../../db/client';
import { items } from '../../db/schema';
import type { CommandContext } from '../commands/context';
import { findWorkspacesOf } from '../commands/workspaces';
import { AppError, describeZodError, notFound } from '../errors';
import { findActor, isUuid } from '../policies/access';

/** The database and the user the token acts as. */
export interface McpSession {
  db: Database;
  userId: string;
}

/**
 * The caller in a workspace named by id, slug or name; with none given, the user's only workspace.
 * @throws AppError `not_found` for a workspace that is not theirs; `validation_failed` when several fit
 */
export async function openWorkspace(
  session: McpSession,
  workspace: string | undefined,
): Promise<CommandContext> {
  const mine = await findWorkspacesOf(session.db, session.userId);
  const wanted = workspace?.trim().toLowerCase();
  const found = wanted
    ? mine.filter((w) => w.id === wanted || w.slug === wanted || w.name.toLowerCase() === wanted)
    : mine;
  if (found.length !== 1 || !found[0]) {
    if (wanted && found.length === 0) throw notFound('Workspace');
    throw new AppError(
      'validation_failed',
      `workspace: name one of yours: ${mine.map((w) => `"${w.name}" (${w.slug})`).join(', ') || 'you have none'}`,
    );
  }
  const actor = await findActor(session.db, session.userId, found[0].id);
  if (!actor) throw notFound('Workspace');
  return { db: session.db, actor };
}

/**
 * An item's id from what a person or model would write: its id, or its number ("12", "#12").
 * @throws AppError `not_found` when the workspace has no such item
 */
export async function resolveItemId(ctx: CommandContext, ref: string): Promise<string> {
  const trimmed = ref.trim();
  if (isUuid(trimmed)) return trimmed;
  const byNumber = /^#?(\d{1,9})$/.exec(trimmed);
  if (!byNumber)
    throw new AppError('validation_failed', `item: give an item id or its number, like #12 (got "${ref}")`);
  const [row] = await ctx.db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.workspaceId, ctx.actor.workspaceId), eq(items.number, Number(byNumber[1]))));
  if (!row) throw notFound(`Item #${byNumber[1]}`);
  return row.id;
}

/** Checks tool input against an API contract schema, so a tool refuses what the route refuses. */
export function parseContract<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('validation_failed', describeZodError(parsed.error));
  return parsed.data;
}

/** A tool's answer: one line to read, then the data as JSON. */
export function answer(summary: string, data: unknown): CallToolResult {
  return {
    content: [
      { type: 'text', text: summary },
      { type: 'text', text: JSON.stringify(data, null, 2) },
    ],
  };
}

/** A refusal or a mistake as a tool error a model can act on: the message, and who decides. */
export function refusal(error: unknown): CallToolResult {
  if (error instanceof ZodError) error = new AppError('validation_failed', describeZodError(error));
  if (!(error instanceof AppError) || error.code === 'internal') throw error;
  const lines = [`${error.code}: ${error.message}`];
  const details = error.details as
    | { decision?: string; holders?: { name: string; role: string }[] }
    | undefined;
  if (error.code === 'decision_not_yours' && details?.holders) {
    lines.push(
      `Who decides: ${details.holders.map((h) => `${h.name} (${h.role})`).join(', ') || 'nobody yet'}.`,
    );
    if (details.decision === 'backlog_order' || details.decision === 'scope') {
      lines.push('Use propose_change to put the change in their inbox instead.');
    }
  }
  if (error.code === 'version_conflict' || error.code === 'conflict') {
    lines.push('Read the current state again, then retry with its version.');
  }
  return { content: [{ type: 'text', text: lines.join('\n') }], isError: true };
}

/** Runs a tool's work and turns an expected refusal into a tool error instead of a failure. */
export async function runTool(work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    return refusal(error);
  }
}
