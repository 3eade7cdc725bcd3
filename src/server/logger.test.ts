import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('should never write a token, a password or a cookie when a caller logs them', () => {
    for (const format of ['json', 'pretty'] as const) {
      const { lines, destination } = capture();
      const { logger } = createLogger({ format, destination });
      logger.info(
        {
          token: 'hwt_secret1',
          password: 'hunter2hunter2',
          body: { password: 'inner-secret', csrfToken: 'csrf_secret' },
          req: { headers: { authorization: 'Bearer hwt_secret2', cookie: 'headway_session=hws_x' } },
        },
        'login attempt',
      );
      const text = lines.join('');
      expect(text).toContain('login attempt');
      for (const secret of [
        'hwt_secret1',
        'hunter2hunter2',
        'inner-secret',
        'csrf_secret',
        'hwt_secret2',
        'hws_x',
      ]) {
        expect(text, `${format} leaks ${secret}`).not.toContain(secret);
      }
      expect(text).toContain('[redacted]');
    }
  });

  it('should keep the SQL of a failed query but not its parameters', () => {
    const { lines, destination } = capture();
    const failed = new DrizzleQueryError(
      'insert into "sessions" ("token_hash", "csrf_token") values ($1, $2)',
      ['hash-of-session', 'csrf-in-clear'],
      new Error('connection lost'),
    );
    createLogger({ format: 'json', destination }).logger.error({ err: failed }, 'unhandled error');
    const text = lines.join('');
    expect(text).toContain('insert into \\"sessions\\"');
    expect(text).toContain('connection lost');
    expect(text).not.toContain('hash-of-session');
    expect(text).not.toContain('csrf-in-clear');
  });

  it('should write one JSON object a line when the format is json', () => {
    const { lines, destination } = capture();
    createLogger({ format: 'json', destination }).logger.warn({ path: '/api/x' }, 'slow');
    const line = JSON.parse(lines[0] ?? '') as { msg: string; path: string; level: number };
    expect(line).toMatchObject({ msg: 'slow', path: '/api/x', level: 40 });
  });
});
