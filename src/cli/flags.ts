/**
 * How every verb reads its flags: one zod schema per verb, built from the contract's schemas
 * wherever a flag carries the same value as an API field, and one parse that turns a refusal
 * into a message naming the flag and what to give. A refused command line exits with
 * EXIT_CODES.usage and never prints a stack trace.
 */
import { z } from 'zod';
import { text } from '../contract/common';

/** The exit codes of `headway`, as `headway --help` lists them. */
export const EXIT_CODES = {
  ok: 0,
  /** The command ran and failed: a file, the database or a rule refused it (the message says why). */
  failed: 1,
  /** The command line is wrong: a flag or an argument is missing, unknown or has a bad value. */
  usage: 2,
} as const;

/** A command line that cannot run as given; the message names the flag and what to give. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What parseFlags needs to name what was refused. */
export interface FlagNaming {
  /** Positional arguments by key, as they are written in the usage, e.g. `{ id: '[id]' }`. */
  arguments?: Readonly<Record<string, string>>;
  /** Keys whose value must never be echoed back (passwords). */
  secret?: readonly string[];
}

/** `expiresInDays` → `--expires-in-days`. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function describeIssue(issue: z.core.$ZodIssue, raw: Readonly<Record<string, unknown>>, naming: FlagNaming) {
  const nameOf = (key: string) => naming.arguments?.[key] ?? flagName(key);
  const exactlyOne = issue.code === 'custom' ? issue.params?.exactlyOne : undefined;
  if (exactlyOne && typeof exactlyOne === 'object') {
    const choices = Object.entries(exactlyOne as Record<string, string>).map(
      ([key, takes]) => `${nameOf(key)} ${takes}`,
    );
    return `give exactly one of ${choices.join(' or ')}`;
  }
  const key = issue.path[0];
  if (typeof key !== 'string') return issue.message;
  const value = raw[key];
  if (value === undefined && issue.code === 'invalid_type') return `${nameOf(key)} is required`;
  // A message that already quotes the value (e.g. "2026-01-01 is before the start …") is not repeated.
  const quoted = typeof value === 'string' && value.trim() !== '' && issue.message.includes(value);
  const echo = typeof value === 'string' && !naming.secret?.includes(key) && !quoted;
  const shown = echo ? `, got "${value}"` : '';
  // "--items must be a whole number …" reads as a sentence; other messages follow a colon.
  const joiner = issue.message.startsWith('must ') ? ' ' : ': ';
  return `${nameOf(key)}${joiner}${issue.message}${shown}`;
}

/**
 * Parses a verb's raw options (as commander gives them) through its schema.
 * @param schema the verb's flag schema
 * @param raw commander's options, and any positional arguments under their own keys
 * @param naming how to name positional arguments and which values to keep secret
 * @returns the parsed flags; throws UsageError naming each refused flag and what to give
 */
export function parseFlags<S extends z.ZodType>(
  schema: S,
  raw: Readonly<Record<string, unknown>>,
  naming: FlagNaming = {},
): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const messages = [...new Set(parsed.error.issues.map((issue) => describeIssue(issue, raw, naming)))];
  throw new UsageError(messages.join('; '));
}

/** A flag that names a file: any non-empty path. */
export const FilePathSchema = text().min(1, 'give a file path');

/**
 * A flag given as text that the contract checks as a number (e.g. a token's expiry in days):
 * a whole number in text first, then the contract's own rule.
 */
export function wholeNumberFlag<T extends z.ZodType<unknown, number>>(rule: T) {
  return text().trim().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(rule);
}

/** A switch: commander gives true when it is on and nothing when it is off. */
export const SwitchSchema = z.boolean().default(false);
