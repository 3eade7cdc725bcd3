import {
  type BinaryOperator,
  CALLABLE_NAMES,
  type ExpressionNode,
  FUNCTION_ARITY,
  type FunctionName,
} from './ast';
import { ExpressionError } from './expression-error';
import { type SymbolText, type Token, tokenizeFormula } from './tokenize';

/** Result of parsing a formula: the tree, or the first error with its column. */
export type ParseResult = { ok: true; expression: ExpressionNode } | { ok: false; error: ExpressionError };

/** Deepest nesting of parentheses, calls and unary minus accepted; keeps recursion bounded. */
export const MAX_NESTING_DEPTH = 64;

const OPERAND_EXPECTED = "a number, a field or '('";
const COMPARISONS: ReadonlySet<SymbolText> = new Set<SymbolText>(['<', '<=', '>', '>=', '==', '!=']);

// Parse failures unwind the recursive descent with this private signal; parseFormula turns it
// back into a value, so nothing is ever thrown out of this module.
class ParseFailure {
  constructor(readonly error: ExpressionError) {}
}

/**
 * Parses a scoring formula into a syntax tree.
 *
 * Grammar, loosest binding first:
 * `cond ? a : b` (right-associative) · `||` · `&&` · comparisons (`<`, `<=`, `>`, `>=`, `==`, `!=`,
 * not chainable) · `+` `-` · `*` `/` (also `×` `÷`) · unary `-` `+` · numbers, fields, `( … )`,
 * calls of min/max/log/ln/sqrt/abs/round/floor/ceil and `if(cond, a, b)`.
 * @param source the formula text, e.g. `reach * impact * confidence / effort`
 * @returns `{ ok: true, expression }` or `{ ok: false, error }` where the error names the column and the
 *   bad token, e.g. "unexpected ')' at column 7: expected a number, a field or '('"
 */
export function parseFormula(source: string): ParseResult {
  const lexed = tokenizeFormula(source);
  if (!lexed.ok) {
    return lexed;
  }
  const parser = new Parser(lexed.tokens);
  try {
    const expression = parser.parseConditional();
    parser.expectEnd();
    return { ok: true, expression };
  } catch (failure) {
    if (failure instanceof ParseFailure) {
      return { ok: false, error: failure.error };
    }
    throw failure;
  }
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseConditional(): ExpressionNode {
    const test = this.parseBinary(0);
    const token = this.peek();
    if (!isSymbol(token, '?')) {
      return test;
    }
    this.advance();
    this.enter(token);
    const whenTrue = this.parseConditional();
    this.expectSymbol(':', "':' to complete 'condition ? value : otherwise'");
    const whenFalse = this.parseConditional();
    this.leave();
    return { kind: 'conditional', test, whenTrue, whenFalse, column: test.column };
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.type !== 'end') {
      this.fail(
        token,
        isSymbol(token, ')')
          ? "an operator or the end (this ')' has no matching '(')"
          : 'an operator or the end',
      );
    }
  }

  // Precedence climbing over the binary levels: 0 `||`, 1 `&&`, 2 comparisons, 3 `+ -`, 4 `* /`.
  private parseBinary(level: number): ExpressionNode {
    if (level > 4) {
      return this.parseUnary();
    }
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.type !== 'symbol' || levelOf(token.symbol) !== level) {
        return left;
      }
      this.advance();
      const right = this.parseBinary(level + 1);
      left = { kind: 'binary', operator: token.symbol as BinaryOperator, left, right, column: left.column };
      if (level === 2) {
        const next = this.peek();
        if (next.type === 'symbol' && COMPARISONS.has(next.symbol)) {
          throw new ParseFailure(
            new ExpressionError(
              'chained-comparison',
              `comparisons cannot be chained: '${next.text}' at column ${next.column}; combine them with '&&'`,
              { column: next.column, token: next.text },
            ),
          );
        }
      }
    }
  }

  private parseUnary(): ExpressionNode {
    const token = this.peek();
    if (isSymbol(token, '-') || isSymbol(token, '+')) {
      this.advance();
      this.enter(token);
      const operand = this.parseUnary();
      this.leave();
      return token.symbol === '-' ? { kind: 'negate', operand, column: token.column } : operand;
    }
    return this.parsePrimary();
  }

  private parsePrimary(): ExpressionNode {
    const token = this.advance();
    if (token.type === 'number') {
      return { kind: 'number', value: token.value, column: token.column };
    }
    if (token.type === 'identifier') {
      return isSymbol(this.peek(), '(')
        ? this.parseCall(token)
        : { kind: 'field', name: token.text, column: token.column };
    }
    if (isSymbol(token, '(')) {
      this.enter(token);
      const inner = this.parseConditional();
      this.expectSymbol(')', `')' to close the '(' at column ${token.column}`);
      this.leave();
      return inner;
    }
    return this.fail(token, OPERAND_EXPECTED);
  }

  private parseCall(name: Token & { type: 'identifier' }): ExpressionNode {
    const lower = name.text;
    const isIf = lower === 'if';
    const arity = isIf ? ([3, 3] as const) : FUNCTION_ARITY.get(lower as FunctionName);
    if (!arity) {
      throw new ParseFailure(
        new ExpressionError(
          'unknown-function',
          `unknown function '${name.text}' at column ${name.column}; known functions: ${CALLABLE_NAMES.join(', ')}`,
          { column: name.column, token: name.text, known: CALLABLE_NAMES },
        ),
      );
    }
    const open = this.advance();
    this.enter(open);
    const args: ExpressionNode[] = [];
    if (!isSymbol(this.peek(), ')')) {
      for (;;) {
        args.push(this.parseConditional());
        const next = this.peek();
        if (isSymbol(next, ',')) {
          this.advance();
          continue;
        }
        if (isSymbol(next, ')')) {
          break;
        }
        this.fail(next, `',' or ')' in the call of ${name.text}`);
      }
    }
    this.advance();
    this.leave();
    const [least, most] = arity;
    if (args.length < least || args.length > most) {
      const wanted =
        least === most
          ? `${least}`
          : most === Number.POSITIVE_INFINITY
            ? `at least ${least}`
            : `${least}–${most}`;
      throw new ParseFailure(
        new ExpressionError(
          'wrong-argument-count',
          `${name.text} at column ${name.column} takes ${wanted} argument${least === 1 && (most === 1 || most === Number.POSITIVE_INFINITY) ? '' : 's'}, got ${args.length}`,
          { column: name.column, token: name.text },
        ),
      );
    }
    if (isIf) {
      const [test, whenTrue, whenFalse] = args as [ExpressionNode, ExpressionNode, ExpressionNode];
      return { kind: 'conditional', test, whenTrue, whenFalse, column: name.column };
    }
    return { kind: 'call', name: lower as FunctionName, args, column: name.column };
  }

  private expectSymbol(symbol: SymbolText, expected: string): void {
    const token = this.peek();
    if (!isSymbol(token, symbol)) {
      this.fail(token, expected);
    }
    this.advance();
  }

  private enter(token: Token): void {
    this.depth += 1;
    if (this.depth > MAX_NESTING_DEPTH) {
      throw new ParseFailure(
        new ExpressionError(
          'too-deep',
          `the formula nests more than ${MAX_NESTING_DEPTH} levels deep at column ${token.column}`,
          { column: token.column, token: token.text },
        ),
      );
    }
  }

  private leave(): void {
    this.depth -= 1;
  }

  private peek(): Token {
    // The token list always ends with an `end` token and the parser never advances past it.
    return this.tokens[this.position] as Token;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.type !== 'end') {
      this.position += 1;
    }
    return token;
  }

  private fail(token: Token, expected: string): never {
    const error =
      token.type === 'end'
        ? new ExpressionError(
            'unexpected-end',
            `unexpected end of formula at column ${token.column}: expected ${expected}`,
            { column: token.column, expected },
          )
        : new ExpressionError(
            'unexpected-token',
            `unexpected '${token.text}' at column ${token.column}: expected ${expected}`,
            { column: token.column, token: token.text, expected },
          );
    throw new ParseFailure(error);
  }
}

function isSymbol(token: Token, symbol: SymbolText): token is Token & { type: 'symbol' } {
  return token.type === 'symbol' && token.symbol === symbol;
}

function levelOf(symbol: SymbolText): number {
  switch (symbol) {
    case '||':
      return 0;
    case '&&':
      return 1;
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '==':
    case '!=':
      return 2;
    case '+':
    case '-':
      return 3;
    case '*':
    case '/':
      return 4;
    default:
      return -1;
  }
}
