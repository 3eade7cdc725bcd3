import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinaryOperator, ExpressionNode, FunctionName } from './ast';
import { ExpressionError } from './expression-error';
import { parseFormula } from './parse';
import { printFormula } from './print';
import { stripColumns } from './test-support';

function reprint(source: string): string {
  const parsed = parseFormula(source);
  if (!parsed.ok) {
    throw new Error(parsed.error.message);
  }
  return printFormula(parsed.expression);
}

const OPERATORS: BinaryOperator[] = ['+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', '&&', '||'];
const FUNCTIONS: FunctionName[] = ['min', 'max', 'log', 'ln', 'sqrt', 'abs', 'round', 'floor', 'ceil'];

const numberArbitrary = fc.oneof(
  fc.nat(1000),
  fc
    .double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true })
    .filter((value) => !Object.is(value, -0)),
);

/** Random trees of every node kind, including field names that collide with function names. */
const treeArbitrary: fc.Arbitrary<ExpressionNode> = fc.letrec<{ node: ExpressionNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberArbitrary.map((value): ExpressionNode => ({ kind: 'number', value, column: 1 })),
    fc
      .constantFrom('reach', 'effort', 'x_1', '_y', 'min', 'if', 'constructor')
      .map((name): ExpressionNode => ({ kind: 'field', name, column: 1 })),
    fc
      .tuple(fc.constantFrom(...OPERATORS), tie('node'), tie('node'))
      .map(
        ([operator, left, right]): ExpressionNode => ({ kind: 'binary', operator, left, right, column: 1 }),
      ),
    tie('node').map((operand): ExpressionNode => ({ kind: 'negate', operand, column: 1 })),
    fc.constantFrom(...FUNCTIONS).chain((name) =>
      fc
        .array(tie('node'), {
          minLength: 1,
          maxLength: name === 'min' || name === 'max' ? 3 : 1,
        })
        .map((args): ExpressionNode => ({ kind: 'call', name, args, column: 1 })),
    ),
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

describe('printFormula', () => {
  it('should print the fewest parentheses when precedence already groups the operands', () => {
    expect(reprint('((a * b)) + (c / d)')).toBe('a * b + c / d');
    expect(reprint('(a + b) * c')).toBe('(a + b) * c');
    expect(reprint('a - (b - c)')).toBe('a - (b - c)');
    expect(reprint('(a - b) - c')).toBe('a - b - c');
    expect(reprint('a / (b * c)')).toBe('a / (b * c)');
    expect(reprint('(a < b) == (c < d)')).toBe('(a < b) == (c < d)');
    expect(reprint('-(a + b)')).toBe('-(a + b)');
    expect(reprint('--a')).toBe('-(-a)');
    expect(reprint('+a')).toBe('a');
  });

  it('should print conditionals in call form when written as a ternary', () => {
    expect(reprint('a > 0 ? b : c')).toBe('if(a > 0, b, c)');
  });

  it('should print canonical operators when typographic ones were typed', () => {
    expect(reprint('reach×impact×confidence÷effort')).toBe('reach * impact * confidence / effort');
  });

  it('should give back the same tree when a printed tree is parsed (parse ∘ print = id)', () => {
    fc.assert(
      fc.property(treeArbitrary, (tree) => {
        const parsed = parseFormula(printFormula(tree));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(stripColumns(parsed.expression)).toEqual(stripColumns(tree));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('should be a fixed point when a parsed string is printed and parsed again (print ∘ parse)', () => {
    fc.assert(
      fc.property(treeArbitrary, fc.nat(3), (tree, spaces) => {
        // Re-space the canonical text to start from a non-canonical but valid string.
        const source = printFormula(tree).replaceAll(' ', ' '.repeat(spaces));
        const once = parseFormula(source);
        if (!once.ok) {
          // Removing all spaces can glue tokens together (e.g. `x_1` after a number); that must be a typed error.
          expect(once.error).toBeInstanceOf(ExpressionError);
          return;
        }
        const printed = printFormula(once.expression);
        const twice = parseFormula(printed);
        expect(twice.ok && printFormula(twice.expression)).toBe(printed);
      }),
      { numRuns: 300 },
    );
  });

  it('should never throw anything but ExpressionError when given any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (source) => {
        const result = parseFormula(source);
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(ExpressionError);
          expect(result.error.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
