/** Why a formula could not be parsed or evaluated. */
export type ExpressionErrorCode =
  | 'too-long'
  | 'too-deep'
  | 'invalid-character'
  | 'invalid-number'
  | 'unexpected-token'
  | 'unexpected-end'
  | 'unknown-function'
  | 'wrong-argument-count'
  | 'chained-comparison'
  | 'unknown-field'
  | 'invalid-field-value'
  | 'division-by-zero'
  | 'invalid-argument'
  | 'non-finite-result';

/** Details attached to an {@link ExpressionError}. */
export type ExpressionErrorDetails = {
  /** 1-based column of the offending token or node. */
  column: number;
  /** The offending text (a token, a field or a function name), when there is one. */
  token?: string;
  /** What would have been accepted at that point, in words. */
  expected?: string;
  /** For unknown fields: the fields that are known. For unknown functions: the known functions. */
  known?: readonly string[];
};

/**
 * The only error the expression language produces. Parsing and evaluation return it as a value
 * (`{ ok: false, error }`); it extends Error so that callers can also throw it at an edge.
 */
export class ExpressionError extends Error {
  readonly code: ExpressionErrorCode;
  readonly column: number;
  readonly token: string | undefined;
  readonly expected: string | undefined;
  readonly known: readonly string[] | undefined;

  constructor(code: ExpressionErrorCode, message: string, details: ExpressionErrorDetails) {
    super(message);
    this.name = 'ExpressionError';
    this.code = code;
    this.column = details.column;
    this.token = details.token;
    this.expected = details.expected;
    this.known = details.known;
  }
}
