import { z } from 'zod';
import { ERROR_CODES } from './errors';

/** The largest integer PostgreSQL stores in an `integer` column (int4). */
export const INT4_MAX = 2_147_483_647;
/** Dates outside these years are typing mistakes, and some cannot be stored at all (year 0000). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
/** How deep a free-form JSON field may nest, and how many values it may hold. */
export const JSON_FIELD_MAX_DEPTH = 32;
export const JSON_FIELD_MAX_VALUES = 500_000;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a text for storing and showing it, or undefined when nothing is:
 * PostgreSQL cannot store the NUL character, and a lone UTF-16 surrogate is not Unicode.
 */
export function findTextProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'remove the NUL character (\\u0000): text cannot contain it';
  const lone = LONE_SURROGATE.exec(value);
  if (lone) {
    return `replace the broken character at position ${lone.index}: a lone UTF-16 surrogate is not valid Unicode`;
  }
  return undefined;
}

/** A string that refuses NUL and lone surrogates; chain `.trim()`, `.min()`, `.max()` as usual. */
export function text() {
  return z.string().check((ctx) => {
    const problem = findTextProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });
}

/** A whole number that fits PostgreSQL's `integer`; chain `.min()` / `.max()` for tighter bounds. */
export function int4() {
  return z
    .number()
    .int('send a whole number')
    .min(-INT4_MAX - 1, `send a number of at least ${-INT4_MAX - 1}`)
    .max(INT4_MAX, `send a number of at most ${INT4_MAX}`);
}

/** A whole number in a query string or a path ("42"), as an int4; chain `.min()` / `.max()`. */
export function int4FromText() {
  return z.coerce
    .number('send a whole number')
    .int('send a whole number')
    .min(-INT4_MAX - 1, `send a number of at least ${-INT4_MAX - 1}`)
    .max(INT4_MAX, `send a number of at most ${INT4_MAX}`);
}

/**
 * A whole number written as text (a query parameter, a command-line flag) from `min` to `max`,
 * read as a number; every refusal says the range.
 */
export function wholeNumberText(min: number, max: number) {
  const message = `must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`;
  return text().regex(/^\d+$/, message).transform(Number).pipe(int4().min(min, message).max(max, message));
}

/**
 * A rule of a request: exactly one of these fields is given. `fields` maps each field to what it
 * takes (e.g. `{ items: 'N', by: 'YYYY-MM-DD' }`); the issue keeps them in `params.exactlyOne`,
 * so each surface can name them its own way (query parameters, command-line flags).
 */
export function exactlyOneOf(fields: Readonly<Record<string, string>>) {
  const names = Object.keys(fields);
  return (ctx: z.core.ParsePayload<object>) => {
    const value = ctx.value as Record<string, unknown>;
    if (names.filter((name) => value[name] !== undefined).length === 1) return;
    ctx.issues.push({
      code: 'custom',
      message: `give exactly one of ${names.map((name) => `${name}=${fields[name]}`).join(' or ')}`,
      input: ctx.value,
      params: { exactlyOne: fields },
    });
  };
}

/** Refuses a YYYY-MM-DD… value whose year is outside FIRST_YEAR..LAST_YEAR. */
function saneYear(ctx: { value: string; issues: z.core.$ZodRawIssue[] }) {
  if (!/^\d{4}-/.test(ctx.value)) return; // the format check already says what is wrong
  const year = Number(ctx.value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    ctx.issues.push({
      code: 'custom',
      message: `use a date between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31`,
      input: ctx.value,
    });
  }
}

export const IdSchema = z.uuid();
/** Today's calendar day in UTC (YYYY-MM-DD): the default start of plans and forecasts. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
export const IsoDateTimeSchema = z.string().describe('ISO 8601 timestamp');
/** A calendar day a person can mean: YYYY-MM-DD in FIRST_YEAR..LAST_YEAR. */
export const DateOnlySchema = z.iso
  .date('must be a calendar date written YYYY-MM-DD')
  .check(saneYear)
  .describe('YYYY-MM-DD');
/** A timestamp sent by a client (imports): ISO 8601 with an offset, in FIRST_YEAR..LAST_YEAR. */
export const TimestampInputSchema = z.iso
  .datetime({ offset: true, message: 'an ISO 8601 timestamp such as 2026-03-01T09:00:00.000Z' })
  .check(saneYear);

/**
 * What is wrong with a free-form JSON value, or undefined: deeper than `maxDepth`, more than
 * JSON_FIELD_MAX_VALUES values, a number that is not finite, or a text (key or value) that
 * findTextProblem refuses. Walks without recursion, so no depth can overflow the stack.
 */
export function findJsonProblem(value: unknown, maxDepth = JSON_FIELD_MAX_DEPTH): string | undefined {
  const stack: { node: unknown; depth: number; path: string }[] = [{ node: value, depth: 0, path: '' }];
  let found = 1;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop() as (typeof stack)[number];
    const at = path ? ` at ${path}` : '';
    if (typeof node === 'string') {
      const problem = findTextProblem(node);
      if (problem) return `${problem}${at}`;
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) return `send a finite number${at}`;
    } else if (node && typeof node === 'object') {
      if (depth >= maxDepth) return `nest at most ${maxDepth} levels deep${at}`;
      const entries = Object.entries(node);
      found += entries.length;
      if (found > JSON_FIELD_MAX_VALUES) return `send at most ${JSON_FIELD_MAX_VALUES} values in one field`;
      for (const [key, child] of entries) {
        const keyProblem = findTextProblem(key);
        if (keyProblem) return `${keyProblem} (in a field name${at})`;
        stack.push({ node: child, depth: depth + 1, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return undefined;
}

/** Adds findJsonProblem's checks to a schema of free-form JSON (z.unknown(), a record…). */
export function jsonField<T extends z.ZodType>(schema: T, maxDepth = JSON_FIELD_MAX_DEPTH): T {
  return schema.check((ctx) => {
    const problem = findJsonProblem(ctx.value, maxDepth);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });
}

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** A page of results; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const SkillSchema = text()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9 _.+#-]*$/, 'a skill is a short word such as "frontend" or "backend"');
