import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** How logs are written: readable lines for a person at a terminal, or one JSON object a line. */
export type LogFormat = 'auto' | 'pretty' | 'json';
export const LOG_FORMATS: readonly LogFormat[] = ['auto', 'pretty', 'json'];

/**
 * Fields that never reach a log line, whatever a caller passes to the logger: credentials in
 * headers and bodies are replaced before the line is written.
 */
const REDACTED = [
  'password',
  'token',
  'csrfToken',
  '*.password',
  '*.token',
  '*.csrfToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
];

/** A failed query's message lists its parameters (hashes, CSRF tokens, e-mails): keep the SQL only. */
function withoutParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/g, '\nparams: [redacted]');
}

/**
 * pino's error serializer, minus the values of a failed query: drizzle's errors carry them in
 * their message, their stack and a `params` field.
 */
function serializeError(error: unknown): unknown {
  const out = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown> | undefined;
  if (!out || typeof out !== 'object') return out;
  const cleaned: Record<string, unknown> = { ...out };
  if ('params' in cleaned) cleaned.params = '[redacted]';
  for (const key of ['message', 'stack']) {
    if (typeof cleaned[key] === 'string') cleaned[key] = withoutParams(cleaned[key]);
  }
  return cleaned;
}

/**
 * The server's logger. `auto` writes readable lines when standard output is a terminal and JSON
 * otherwise (for log collectors); `pretty` and `json` force one or the other.
 * @param options.level pino level (info by default)
 * @param options.format auto, pretty or json
 * @param options.destination where lines go (standard output by default)
 * @returns the logger and the format it resolved to
 */
export function createLogger(
  options: { level?: string; format?: LogFormat; destination?: NodeJS.WritableStream } = {},
): {
  logger: Logger;
  format: 'pretty' | 'json';
} {
  const format =
    options.format === 'pretty' || (options.format !== 'json' && process.stdout.isTTY === true)
      ? 'pretty'
      : 'json';
  const settings = {
    level: options.level ?? 'info',
    redact: { paths: REDACTED, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  if (format === 'json') {
    return { logger: options.destination ? pino(settings, options.destination) : pino(settings), format };
  }
  const stream = pretty({
    ...(options.destination ? { destination: options.destination } : {}),
    colorize: options.destination === undefined && process.stdout.isTTY === true,
    ignore: 'pid,hostname',
    translateTime: 'HH:MM:ss',
    singleLine: true,
  });
  return { logger: pino(settings, stream), format };
}
