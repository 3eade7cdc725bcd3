import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DateOnlySchema,
  findJsonProblem,
  findTextProblem,
  INT4_MAX,
  int4,
  int4FromText,
  jsonField,
  TimestampInputSchema,
  text,
} from './common';

/** The messages zod gives for a value, or [] when the schema accepts it. */
function problemsOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** `depth` objects nested inside each other, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe('text', () => {
  it('should refuse a NUL character and say to remove it', () => {
    expect(problemsOf(text(), 'a\u0000b')).toEqual([expect.stringMatching(/remove the NUL character/)]);
  });

  it('should refuse lone surrogates and say where the broken character is', () => {
    expect(problemsOf(text(), 'ab\uD800')).toEqual([
      expect.stringMatching(/position 2: a lone UTF-16 surrogate/),
    ]);
    expect(problemsOf(text(), '\uDFFFx')).toEqual([expect.stringMatching(/position 0/)]);
    expect(problemsOf(text(), '\uDBFF\uDBFF\uDC00')).toEqual([expect.stringMatching(/position 0/)]);
  });

  it('should accept ordinary text, emoji (surrogate pairs) and other scripts', () => {
    for (const value of ['', 'Checkout flow', 'rocket 🚀 launch', 'Zürich – 東京', '\t\n']) {
      expect(problemsOf(text(), value), JSON.stringify(value)).toEqual([]);
    }
  });

  it('should keep its checks when trimmed and bounded', () => {
    const title = text().trim().min(1).max(5);
    expect(title.parse('  ok  ')).toBe('ok');
    expect(problemsOf(title, ' \u0000 ')).toContainEqual(expect.stringMatching(/NUL/));
    expect(problemsOf(title, 'too long')).toHaveLength(1);
  });
});

describe('int4', () => {
  it('should refuse integers past PostgreSQL integer with the bound in the message', () => {
    expect(problemsOf(int4(), INT4_MAX + 1)).toEqual([`send a number of at most ${INT4_MAX}`]);
    expect(problemsOf(int4(), -INT4_MAX - 2)).toEqual([expect.stringMatching(/at least -2147483648/)]);
    expect(problemsOf(int4(), 2 ** 53).length).toBeGreaterThan(0);
    expect(problemsOf(int4(), 1e308).length).toBeGreaterThan(0);
  });

  it('should refuse fractions and numbers sent as text', () => {
    expect(problemsOf(int4(), 1.5)).toEqual(['send a whole number']);
    expect(problemsOf(int4(), '12').length).toBeGreaterThan(0);
    expect(problemsOf(int4(), Number.NaN).length).toBeGreaterThan(0);
  });

  it('should accept the whole range and keep tighter bounds', () => {
    expect(int4().parse(INT4_MAX)).toBe(INT4_MAX);
    expect(int4().parse(-INT4_MAX - 1)).toBe(-INT4_MAX - 1);
    expect(problemsOf(int4().min(1), 0).length).toBe(1);
    expect(int4().min(1).parse(1)).toBe(1);
  });

  it('should read whole numbers from query strings and refuse the rest', () => {
    expect(int4FromText().parse('42')).toBe(42);
    for (const bad of ['abc', '1.5', '2147483648', '99999999999999999999', 'Infinity']) {
      expect(problemsOf(int4FromText(), bad).length, bad).toBeGreaterThan(0);
    }
  });
});

describe('dates', () => {
  it('should refuse years outside 1900–2999 with the range in the message', () => {
    for (const day of ['0000-01-01', '1899-12-31', '3000-01-01', '9999-12-31']) {
      expect(problemsOf(DateOnlySchema, day), day).toEqual(['use a date between 1900-01-01 and 2999-12-31']);
    }
    expect(problemsOf(TimestampInputSchema, '0000-01-01T00:00:00Z')).toEqual([
      'use a date between 1900-01-01 and 2999-12-31',
    ]);
  });

  it('should refuse a malformed date once, by its format', () => {
    expect(problemsOf(DateOnlySchema, 'tomorrow')).toHaveLength(1);
    expect(problemsOf(DateOnlySchema, '2026-02-30')).toHaveLength(1);
  });

  it('should accept days and timestamps inside the range', () => {
    for (const day of ['1900-01-01', '2026-03-31', '2999-12-31']) expect(DateOnlySchema.parse(day)).toBe(day);
    expect(TimestampInputSchema.parse('2026-03-01T09:00:00.000Z')).toBe('2026-03-01T09:00:00.000Z');
  });
});

describe('JSON fields', () => {
  const field = jsonField(z.record(z.string(), z.unknown()));

  it('should refuse nesting deeper than 32 levels, even 5,000 deep, without overflowing the stack', () => {
    expect(problemsOf(field, { a: nested(31) })).toEqual([]);
    expect(problemsOf(field, { a: nested(32) })).toEqual([
      expect.stringMatching(/nest at most 32 levels deep/),
    ]);
    expect(problemsOf(field, { a: nested(5000) })).toEqual([expect.stringMatching(/nest at most 32/)]);
    expect(findJsonProblem(nested(200_000))).toMatch(/nest at most 32/);
  });

  it('should refuse bad text in values and in field names, naming where', () => {
    expect(problemsOf(field, { a: { b: ['x\u0000'] } })).toEqual([
      expect.stringMatching(/NUL.* at a\.b\.0$/),
    ]);
    expect(problemsOf(field, { 'k\uD800': 1 })).toEqual([
      expect.stringMatching(/surrogate.*in a field name/),
    ]);
  });

  it('should refuse numbers that are not finite and fields with too many values', () => {
    expect(findJsonProblem({ a: Number.POSITIVE_INFINITY })).toBe('send a finite number at a');
    expect(findJsonProblem(new Array(600_000).fill(0))).toMatch(/at most 500000 values/);
  });

  it('should accept ordinary JSON', () => {
    const value = { answers: { q1: 'yes', q2: 3, q3: ['a', 'b'] }, note: null, ok: true, emoji: '🚀' };
    expect(field.parse(value)).toEqual(value);
  });
});

describe('findTextProblem', () => {
  it('should find nothing wrong with well-formed text', () => {
    expect(findTextProblem('plain')).toBeUndefined();
  });
});
