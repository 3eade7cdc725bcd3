import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExpressionNode } from './ast';
import { checkFormulaFields, evaluateFormula, listFormulaFields } from './evaluate';
import { ExpressionError } from './expression-error';
import { parseFormula } from './parse';

function evaluate(source: string, fields: Record<string, number>): number | ExpressionError {
  const parsed = parseFormula(source);
  if (!parsed.ok) {
    throw new Error(`'${source}' should parse: ${parsed.error.message}`);
  }
  const result = evaluateFormula({ expression: parsed.expression, fields });
  return result.ok ? result.value : result.error;
}

describe('evaluateFormula', () => {
  it('should compute a weighted formula when all fields are given', () => {
    // 2×8 + 3×5 − 0.5×4 = 16 + 15 − 2 = 29
    expect(evaluate('2 * value + 3 * urgency - 0.5 * effort', { value: 8, urgency: 5, effort: 4 })).toBe(29);
  });

  it('should evaluate the built-in functions when called', () => {
    expect(evaluate('min(3, a, 2)', { a: 5 })).toBe(2);
    expect(evaluate('max(3, a, 2)', { a: 5 })).toBe(5);
    expect(evaluate('log(1000)', {})).toBeCloseTo(3, 12);
    expect(evaluate('ln(a)', { a: Math.E })).toBeCloseTo(1, 12);
    expect(evaluate('sqrt(16) + abs(-3)', {})).toBe(7);
    expect(evaluate('floor(2.7) + ceil(2.1)', {})).toBe(5);
  });

  it('should round halves away from zero when round is used', () => {
    expect(evaluate('round(2.5)', {})).toBe(3);
    expect(evaluate('round(-2.5)', {})).toBe(-3);
    expect(evaluate('round(-2.4)', {})).toBe(-2);
  });

  it('should yield 1 or 0 when comparing and combining', () => {
    expect(evaluate('(a > 1) + (a >= 2) + (a < 2) + (a <= 2) + (a == 2) + (a != 2)', { a: 2 })).toBe(4);
    expect(evaluate('(a > 1 && a < 3) + (a > 5 || a == 2)', { a: 2 })).toBe(2);
  });

  it('should evaluate only the chosen branch when a conditional guards a division', () => {
    expect(evaluate('if(effort == 0, 0, value / effort)', { value: 6, effort: 0 })).toBe(0);
    expect(evaluate('effort > 0 ? value / effort : 0', { value: 6, effort: 3 })).toBe(2);
    expect(evaluate('effort != 0 && value / effort > 1', { value: 6, effort: 0 })).toBe(0);
  });

  it('should return division-by-zero with the column when dividing by zero', () => {
    const error = evaluate('value / (effort - 2)', { value: 1, effort: 2 });
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).code).toBe('division-by-zero');
    expect((error as ExpressionError).column).toBe(1);
    expect((evaluate('0 / 0', {}) as ExpressionError).code).toBe('division-by-zero');
  });

  it('should return invalid-argument when log or sqrt leave their domain', () => {
    expect((evaluate('log(0)', {}) as ExpressionError).code).toBe('invalid-argument');
    expect((evaluate('ln(-1)', {}) as ExpressionError).code).toBe('invalid-argument');
    expect((evaluate('sqrt(-1)', {}) as ExpressionError).code).toBe('invalid-argument');
  });

  it('should return non-finite-result when a product overflows', () => {
    expect((evaluate('a * a', { a: 1e200 }) as ExpressionError).code).toBe('non-finite-result');
  });

  it('should list the known fields when a field is unknown', () => {
    const error = evaluate('reach * impcat', { reach: 1, impact: 2 }) as ExpressionError;
    expect(error.code).toBe('unknown-field');
    expect(error.token).toBe('impcat');
    expect(error.column).toBe(9);
    expect(error.known).toEqual(['impact', 'reach']);
    expect(error.message).toBe("unknown field 'impcat' at column 9; known fields: impact, reach");
  });

  it('should refuse a field whose value is not a finite number', () => {
    expect((evaluate('a + 1', { a: Number.NaN }) as ExpressionError).code).toBe('invalid-field-value');
    expect((evaluate('a + 1', { a: Number.POSITIVE_INFINITY }) as ExpressionError).code).toBe(
      'invalid-field-value',
    );
  });

  it('should resolve prototype and global names only from the record when fields use those names', () => {
    for (const name of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'process',
      'globalThis',
      'valueOf',
    ]) {
      expect((evaluate(`${name} + 1`, {}) as ExpressionError).code).toBe('unknown-field');
    }
    const own = JSON.parse('{"__proto__": 7, "constructor": 2, "process": 3}') as Record<string, number>;
    expect(evaluate('__proto__ * constructor + process', own)).toBe(17);
  });

  it('should list fields in order of first use when a formula repeats them', () => {
    const parsed = parseFormula('b + a * b + if(c, a, d)');
    expect(parsed.ok && listFormulaFields(parsed.expression)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('should report each unknown field once when checking against the known ones', () => {
    const parsed = parseFormula('reach * impcat / efort + impcat');
    const errors = parsed.ok
      ? checkFormulaFields({ expression: parsed.expression, knownFields: ['reach', 'impact', 'effort'] })
      : [];
    expect(errors.map((error) => error.token)).toEqual(['impcat', 'efort']);
    expect(errors[0]?.known).toEqual(['effort', 'impact', 'reach']);
  });
});

const DANGEROUS_NAMES = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'valueOf',
  'process',
  'globalThis',
  'eval',
  'Function',
  'require',
  'this',
  'a',
];

const treeArbitrary: fc.Arbitrary<ExpressionNode> = fc.letrec<{ node: ExpressionNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.nat(100).map((value): ExpressionNode => ({ kind: 'number', value, column: 1 })),
    fc.constantFrom(...DANGEROUS_NAMES).map((name): ExpressionNode => ({ kind: 'field', name, column: 1 })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/', '<', '==', '&&', '||'), tie('node'), tie('node'))
      .map(
        ([operator, left, right]): ExpressionNode => ({ kind: 'binary', operator, left, right, column: 1 }),
      ),
    tie('node').map((operand): ExpressionNode => ({ kind: 'negate', operand, column: 1 })),
    fc.tuple(tie('node'), tie('node'), tie('node')).map(
      ([test, whenTrue, whenFalse]): ExpressionNode => ({
        kind: 'conditional',
        test,
        whenTrue,
        whenFalse,
        column: 1,
      }),
    ),
  ),
})).node;

describe('evaluateFormula properties', () => {
  it('should never throw and never read outside the record when fields carry global or prototype names', () => {
    fc.assert(
      fc.property(
        treeArbitrary,
        fc.subarray(DANGEROUS_NAMES),
        fc.integer({ min: -5, max: 5 }),
        (tree, present, value) => {
          const fields: Record<string, number> = Object.create(null);
          for (const name of present) fields[name] = value;
          const result = evaluateFormula({ expression: tree, fields });
          if (!result.ok) {
            expect(result.error).toBeInstanceOf(ExpressionError);
            if (result.error.code === 'unknown-field') {
              expect(present).not.toContain(result.error.token);
            }
            return;
          }
          expect(Number.isFinite(result.value)).toBe(true);
          // The same numbers in an ordinary object (with a prototype) give the same outcome.
          const plain = { ...fields };
          const again = evaluateFormula({ expression: tree, fields: plain });
          expect(again).toEqual(result);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should report an unknown field when any field read is missing from an empty record', () => {
    fc.assert(
      fc.property(treeArbitrary, (tree) => {
        const result = evaluateFormula({ expression: tree, fields: {} });
        if (result.ok) {
          return;
        }
        expect(['unknown-field', 'division-by-zero', 'non-finite-result']).toContain(result.error.code);
      }),
      { numRuns: 200 },
    );
  });
});
