/**
 * A response that fails its schema is our bug, and its 500 must not lie: routes answer after
 * their command committed, so for a write it says the change was saved; for a read, that nothing
 * changed.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ErrorBody } from '../../src/contract';
import { answerError } from '../../src/server/app';
import type { AppEnv } from '../../src/server/context';
import { send } from '../../src/server/routes/openapi';

// Stands for any route whose presenter and schema disagree, answered by the server's error handler.
const broken = z.object({ count: z.number() });
const app = new Hono<AppEnv>();
app.onError(answerError);
app.on(['GET', 'POST'], '/broken-answer', (c) => send(c, broken, { count: 'many' } as never));

async function call(method: string): Promise<{ status: number; body: ErrorBody }> {
  const res = await app.request('/broken-answer', { method });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

describe('a response that fails its schema', () => {
  it('should say after a write that the change was saved', async () => {
    const res = await call('POST');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal');
    expect(res.body.error.message).toMatch(/the change was saved; reload to see it/);
    expect(res.body.error.message).not.toMatch(/nothing was changed/);
  });

  it('should say after a read that nothing was changed', async () => {
    const res = await call('GET');
    expect(res.status).toBe(500);
    expect(res.body.error.message).toMatch(/nothing was changed/);
  });
});
