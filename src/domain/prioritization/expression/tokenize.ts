import { ExpressionError } from './expression-error';

/** Punctuation and operators after normalisation of the typographic variants. */
export type SymbolText =
  | '+'
  | '-'
  | '*'
  | '/'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!='
  | '&&'
  | '||'
  | '?'
  | ':'
  | '('
  | ')'
  | ',';

/** One lexical token; `column` is 1-based, `text` is what the user wrote. */
export type Token =
  | { type: 'number'; value: number; text: string; column: number }
  | { type: 'identifier'; text: string; column: number }
  | { type: 'symbol'; symbol: SymbolText; text: string; column: number }
  | { type: 'end'; text: ''; column: number };

/** Longest formula accepted; keeps parsing and evaluation bounded for any input. */
export const MAX_FORMULA_LENGTH = 2000;

// Typographic forms people paste from documents map onto the ASCII operators.
const SINGLE_SYMBOLS: ReadonlyMap<string, SymbolText> = new Map<string, SymbolText>([
  ['+', '+'],
  ['-', '-'],
  ['\u2212', '-'],
  ['*', '*'],
  ['\u00d7', '*'],
  ['/', '/'],
  ['\u00f7', '/'],
  ['<', '<'],
  ['>', '>'],
  ['\u2264', '<='],
  ['\u2265', '>='],
  ['\u2260', '!='],
  ['?', '?'],
  [':', ':'],
  ['(', '('],
  [')', ')'],
  [',', ','],
]);

const DOUBLE_SYMBOLS: ReadonlyMap<string, SymbolText> = new Map<string, SymbolText>([
  ['<=', '<='],
  ['>=', '>='],
  ['==', '=='],
  ['!=', '!='],
  ['&&', '&&'],
  ['||', '||'],
]);

const NUMBER_PATTERN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*/;

const isWhitespace = (char: string): boolean =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r';
const isIdentifierChar = (char: string | undefined): boolean =>
  char !== undefined && /^[A-Za-z0-9_]$/.test(char);

/**
 * Splits a formula into tokens.
 * @param source the formula text
 * @returns the tokens, always ending with an `end` token, or the first lexical error
 */
export function tokenizeFormula(
  source: string,
): { ok: true; tokens: Token[] } | { ok: false; error: ExpressionError } {
  if (source.length > MAX_FORMULA_LENGTH) {
    return {
      ok: false,
      error: new ExpressionError(
        'too-long',
        `the formula is ${source.length} characters long; at most ${MAX_FORMULA_LENGTH} are allowed`,
        { column: MAX_FORMULA_LENGTH + 1 },
      ),
    };
  }
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    const column = index + 1;
    if (isWhitespace(char)) {
      index += 1;
      continue;
    }
    const rest = source.slice(index, index + 64);
    const numberMatch = /^[0-9.]/.test(char) ? NUMBER_PATTERN.exec(rest) : null;
    if (numberMatch) {
      let text = numberMatch[0];
      // A long literal may exceed the 64-character window; take all of it.
      if (text.length === rest.length) {
        text = NUMBER_PATTERN.exec(source.slice(index))?.[0] ?? text;
      }
      const value = Number(text);
      const next = source[index + text.length];
      if (isIdentifierChar(next) || next === '.') {
        return invalidNumber(`${text}${next}`, column, 'a number may not run into letters, digits or dots');
      }
      if (!Number.isFinite(value)) {
        return invalidNumber(text, column, 'the number is too large');
      }
      tokens.push({ type: 'number', value, text, column });
      index += text.length;
      continue;
    }
    if (char === '.') {
      return invalidNumber('.', column, "a '.' must be followed by digits");
    }
    const identifierMatch = IDENTIFIER_PATTERN.exec(rest);
    if (identifierMatch) {
      const text = IDENTIFIER_PATTERN.exec(source.slice(index))?.[0] ?? identifierMatch[0];
      tokens.push({ type: 'identifier', text, column });
      index += text.length;
      continue;
    }
    const pair = source.slice(index, index + 2);
    const double = DOUBLE_SYMBOLS.get(pair);
    if (double) {
      tokens.push({ type: 'symbol', symbol: double, text: pair, column });
      index += 2;
      continue;
    }
    const single = SINGLE_SYMBOLS.get(char);
    if (single) {
      tokens.push({ type: 'symbol', symbol: single, text: char, column });
      index += 1;
      continue;
    }
    const codePoint = String.fromCodePoint(source.codePointAt(index) ?? 0);
    const hint =
      char === '='
        ? "; use '==' to compare"
        : char === '!' || char === '&' || char === '|'
          ? "; the logical operators are '&&', '||' and '!='"
          : '';
    return {
      ok: false,
      error: new ExpressionError(
        'invalid-character',
        `unexpected character '${codePoint}' at column ${column}${hint}`,
        { column, token: codePoint },
      ),
    };
  }
  tokens.push({ type: 'end', text: '', column: source.length + 1 });
  return { ok: true, tokens };
}

function invalidNumber(token: string, column: number, why: string): { ok: false; error: ExpressionError } {
  return {
    ok: false,
    error: new ExpressionError('invalid-number', `invalid number '${token}' at column ${column}: ${why}`, {
      column,
      token,
    }),
  };
}
