import { describe, expect, it } from 'vitest';
import { ExpressionError } from './expression-error';
import { MAX_NESTING_DEPTH, parseFormula } from './parse';
import { stripColumns } from './test-support';

function parseError(source: string): ExpressionError {
  const result = parseFormula(source);
  if (result.ok) {
    throw new Error(`expected '${source}' to fail`);
  }
  return result.error;
}

describe('parseFormula', () => {
  it('should bind * tighter than + and keep left associativity when operators mix', () => {
    const result = parseFormula('a + b * c - d');
    expect(result.ok && stripColumns(result.expression)).toEqual({
      kind: 'binary',
      operator: '-',
      left: {
        kind: 'binary',
        operator: '+',
        left: { kind: 'field', name: 'a' },
        right: {
          kind: 'binary',
          operator: '*',
          left: { kind: 'field', name: 'b' },
          right: { kind: 'field', name: 'c' },
        },
      },
      right: { kind: 'field', name: 'd' },
    });
  });

  it('should read × ÷ and − as * / and - when typographic operators are pasted', () => {
    const typographic = parseFormula('reach × impact ÷ effort − 1');
    const ascii = parseFormula('reach * impact / effort - 1');
    expect(typographic.ok && stripColumns(typographic.expression)).toEqual(
      ascii.ok && stripColumns(ascii.expression),
    );
  });

  it('should parse if(c, a, b) and c ? a : b into the same conditional when both forms are used', () => {
    const call = parseFormula('if(x > 1, a, b)');
    const ternary = parseFormula('x > 1 ? a : b');
    expect(call.ok && stripColumns(call.expression)).toEqual(ternary.ok && stripColumns(ternary.expression));
  });

  it('should treat a function name as a field when no parenthesis follows', () => {
    const result = parseFormula('min + 1');
    expect(result.ok && stripColumns(result.expression)).toEqual({
      kind: 'binary',
      operator: '+',
      left: { kind: 'field', name: 'min' },
      right: { kind: 'number', value: 1 },
    });
  });

  it('should point at the bad token with what was expected when an operand is missing', () => {
    const error = parseError('(a + b) * )');
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error.code).toBe('unexpected-token');
    expect(error.column).toBe(11);
    expect(error.token).toBe(')');
    expect(error.message).toBe("unexpected ')' at column 11: expected a number, a field or '('");
  });

  it('should report the end of the formula when it stops early', () => {
    const error = parseError('reach * ');
    expect(error.code).toBe('unexpected-end');
    expect(error.column).toBe(9);
    expect(error.message).toBe("unexpected end of formula at column 9: expected a number, a field or '('");
  });

  it('should name the unmatched parenthesis when one is left open', () => {
    const error = parseError('(a + b');
    expect(error.message).toBe(
      "unexpected end of formula at column 7: expected ')' to close the '(' at column 1",
    );
  });

  it('should list the known functions when an unknown one is called', () => {
    const error = parseError('pow(a, 2)');
    expect(error.code).toBe('unknown-function');
    expect(error.token).toBe('pow');
    expect(error.known).toContain('sqrt');
    expect(error.known).toContain('if');
  });

  it('should refuse a wrong number of arguments when a function is called', () => {
    expect(parseError('sqrt(a, b)').code).toBe('wrong-argument-count');
    expect(parseError('if(a, b)').message).toBe('if at column 1 takes 3 arguments, got 2');
    expect(parseError('max()').message).toBe('max at column 1 takes at least 1 argument, got 0');
  });

  it('should refuse chained comparisons when two comparison operators follow each other', () => {
    const error = parseError('1 < a < 3');
    expect(error.code).toBe('chained-comparison');
    expect(error.column).toBe(7);
  });

  it('should explain a single = when it is used to compare', () => {
    const error = parseError('a = 1');
    expect(error.code).toBe('invalid-character');
    expect(error.message).toContain("use '=='");
  });

  it('should refuse numbers that run into letters or overflow', () => {
    expect(parseError('2x').code).toBe('invalid-number');
    expect(parseError('1.2.3').code).toBe('invalid-number');
    expect(parseError('1e400').code).toBe('invalid-number');
  });

  it('should accept exponents and leading dots when numbers are written that way', () => {
    const result = parseFormula('.5 + 1e3 + 2.5E-1');
    expect(result.ok).toBe(true);
  });

  it('should refuse nesting deeper than the limit when parentheses pile up', () => {
    const deep = `${'('.repeat(MAX_NESTING_DEPTH + 1)}1${')'.repeat(MAX_NESTING_DEPTH + 1)}`;
    expect(parseError(deep).code).toBe('too-deep');
    const fine = `${'('.repeat(MAX_NESTING_DEPTH - 1)}1${')'.repeat(MAX_NESTING_DEPTH - 1)}`;
    expect(parseFormula(fine).ok).toBe(true);
    expect(parseError('-'.repeat(5000)).code).toBe('too-long');
    expect(parseError(`${'-'.repeat(MAX_NESTING_DEPTH + 1)}1`).code).toBe('too-deep');
  });
});
