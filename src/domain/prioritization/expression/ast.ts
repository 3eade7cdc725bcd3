/**
 * The syntax tree of a scoring formula. Nodes carry the 1-based column where they start so that
 * evaluation errors can point at the part of the formula that failed.
 */

/** Binary operators after normalisation (`×` → `*`, `÷` → `/`, `−` → `-`, `≤` → `<=` …). */
export type BinaryOperator = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

/** Built-in functions; `if` is parsed into a conditional node, not a call. */
export type FunctionName = 'min' | 'max' | 'log' | 'ln' | 'sqrt' | 'abs' | 'round' | 'floor' | 'ceil';

/** A literal number; always finite and non-negative (a leading minus is a `negate` node). */
export type NumberNode = { kind: 'number'; value: number; column: number };
/** A reference to an input of the scored item, resolved only from the record given to the evaluator. */
export type FieldNode = { kind: 'field'; name: string; column: number };
/** Unary minus. */
export type NegateNode = { kind: 'negate'; operand: ExpressionNode; column: number };
/** Arithmetic, comparison or logical operator; comparisons and logic yield 1 (true) or 0 (false). */
export type BinaryNode = {
  kind: 'binary';
  operator: BinaryOperator;
  left: ExpressionNode;
  right: ExpressionNode;
  column: number;
};
/** A call of a built-in function. */
export type CallNode = { kind: 'call'; name: FunctionName; args: readonly ExpressionNode[]; column: number };
/** `if(test, whenTrue, whenFalse)` or `test ? whenTrue : whenFalse`; only the chosen branch is evaluated. */
export type ConditionalNode = {
  kind: 'conditional';
  test: ExpressionNode;
  whenTrue: ExpressionNode;
  whenFalse: ExpressionNode;
  column: number;
};

/** Any node of a parsed formula. */
export type ExpressionNode = NumberNode | FieldNode | NegateNode | BinaryNode | CallNode | ConditionalNode;

/** Arity of each built-in function: [minimum, maximum] number of arguments. */
export const FUNCTION_ARITY: ReadonlyMap<FunctionName, readonly [number, number]> = new Map<
  FunctionName,
  readonly [number, number]
>([
  ['min', [1, Number.POSITIVE_INFINITY]],
  ['max', [1, Number.POSITIVE_INFINITY]],
  ['log', [1, 1]],
  ['ln', [1, 1]],
  ['sqrt', [1, 1]],
  ['abs', [1, 1]],
  ['round', [1, 1]],
  ['floor', [1, 1]],
  ['ceil', [1, 1]],
]);

/** The names accepted before `(`: the built-in functions plus `if`. */
export const CALLABLE_NAMES: readonly string[] = [...FUNCTION_ARITY.keys(), 'if'];
