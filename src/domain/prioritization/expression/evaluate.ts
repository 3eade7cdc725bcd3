import type { ExpressionNode } from './ast';
import { ExpressionError, type ExpressionErrorCode } from './expression-error';

/** The inputs a formula is evaluated against: field name → number. */
export type FormulaFields = Readonly<Record<string, number>>;

/** Result of evaluating a formula: a finite number, or the first error with its column. */
export type EvaluationResult = { ok: true; value: number } | { ok: false; error: ExpressionError };

class EvaluationFailure {
  constructor(readonly error: ExpressionError) {}
}

/**
 * Evaluates a parsed formula over a record of numbers.
 *
 * Safety: fields are looked up only among the record's own properties (`Object.hasOwn`), so names
 * such as `constructor`, `__proto__`, `toString` or `process` never reach prototypes or globals;
 * functions come from a fixed switch, never from an object lookup.
 *
 * Deterministic rules for the awkward cases (each is an error value, never NaN or Infinity):
 * - `x / 0` (including `0 / 0`) → `division-by-zero`;
 * - `log`/`ln` of a number ≤ 0 and `sqrt` of a negative number → `invalid-argument`;
 * - any intermediate result that overflows to ±Infinity → `non-finite-result`;
 * - a field whose value is not a finite number → `invalid-field-value`.
 * Comparisons, `&&` and `||` yield 1 or 0; any non-zero number counts as true. `if`, `?:`, `&&` and
 * `||` evaluate only the branch they need, so `if(effort == 0, 0, value / effort)` is safe.
 * `log` is base 10, `ln` natural; `round` rounds halves away from zero. A result of -0 is returned as 0.
 * @param options.expression the tree from {@link parseFormula}
 * @param options.fields the item's inputs
 * @returns `{ ok: true, value }` or `{ ok: false, error }`
 */
export function evaluateFormula(options: {
  expression: ExpressionNode;
  fields: FormulaFields;
}): EvaluationResult {
  try {
    const value = evaluateNode(options.expression, options.fields);
    return { ok: true, value: value === 0 ? 0 : value };
  } catch (failure) {
    if (failure instanceof EvaluationFailure) {
      return { ok: false, error: failure.error };
    }
    throw failure;
  }
}

/**
 * Lists the fields a formula reads, in order of first appearance, without duplicates.
 * @param expression a parsed formula
 * @returns the field names
 */
export function listFormulaFields(expression: ExpressionNode): string[] {
  const seen = new Set<string>();
  const visit = (node: ExpressionNode): void => {
    switch (node.kind) {
      case 'number':
        return;
      case 'field':
        seen.add(node.name);
        return;
      case 'negate':
        visit(node.operand);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'call':
        for (const arg of node.args) visit(arg);
        return;
      case 'conditional':
        visit(node.test);
        visit(node.whenTrue);
        visit(node.whenFalse);
        return;
    }
  };
  visit(expression);
  return [...seen];
}

/**
 * Checks that every field a formula reads is one the workspace knows, before any item is scored.
 * @param options.expression a parsed formula
 * @param options.knownFields the input names available on items
 * @returns one `unknown-field` error per unknown field (empty when all are known), each listing the known fields
 */
export function checkFormulaFields(options: {
  expression: ExpressionNode;
  knownFields: readonly string[];
}): ExpressionError[] {
  const known = new Set(options.knownFields);
  const errors: ExpressionError[] = [];
  const reported = new Set<string>();
  const visit = (node: ExpressionNode): void => {
    if (node.kind === 'field') {
      if (!known.has(node.name) && !reported.has(node.name)) {
        reported.add(node.name);
        errors.push(unknownField(node.name, node.column, options.knownFields));
      }
      return;
    }
    for (const child of childrenOf(node)) visit(child);
  };
  visit(options.expression);
  return errors;
}

function childrenOf(node: ExpressionNode): readonly ExpressionNode[] {
  switch (node.kind) {
    case 'number':
    case 'field':
      return [];
    case 'negate':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'call':
      return node.args;
    case 'conditional':
      return [node.test, node.whenTrue, node.whenFalse];
  }
}

function unknownField(name: string, column: number, knownFields: readonly string[]): ExpressionError {
  const known = [...knownFields].sort();
  const list = known.length > 0 ? known.join(', ') : '(none)';
  return new ExpressionError(
    'unknown-field',
    `unknown field '${name}' at column ${column}; known fields: ${list}`,
    {
      column,
      token: name,
      known,
    },
  );
}

function fail(code: ExpressionErrorCode, message: string, node: ExpressionNode, token?: string): never {
  throw new EvaluationFailure(new ExpressionError(code, message, { column: node.column, token }));
}

function finite(value: number, node: ExpressionNode): number {
  if (!Number.isFinite(value)) {
    fail('non-finite-result', `the result at column ${node.column} is too large to represent`, node);
  }
  return value;
}

const truth = (value: boolean): number => (value ? 1 : 0);

function evaluateNode(node: ExpressionNode, fields: FormulaFields): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'field': {
      if (!Object.hasOwn(fields, node.name)) {
        throw new EvaluationFailure(unknownField(node.name, node.column, Object.keys(fields)));
      }
      const value: unknown = fields[node.name];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail(
          'invalid-field-value',
          `field '${node.name}' at column ${node.column} is not a finite number`,
          node,
          node.name,
        );
      }
      return value;
    }
    case 'negate':
      return -evaluateNode(node.operand, fields);
    case 'conditional':
      return evaluateNode(node.test, fields) !== 0
        ? evaluateNode(node.whenTrue, fields)
        : evaluateNode(node.whenFalse, fields);
    case 'call':
      return evaluateCall(node, fields);
    case 'binary': {
      if (node.operator === '&&') {
        return truth(evaluateNode(node.left, fields) !== 0 && evaluateNode(node.right, fields) !== 0);
      }
      if (node.operator === '||') {
        return truth(evaluateNode(node.left, fields) !== 0 || evaluateNode(node.right, fields) !== 0);
      }
      const left = evaluateNode(node.left, fields);
      const right = evaluateNode(node.right, fields);
      switch (node.operator) {
        case '+':
          return finite(left + right, node);
        case '-':
          return finite(left - right, node);
        case '*':
          return finite(left * right, node);
        case '/':
          if (right === 0) {
            fail('division-by-zero', `division by zero at column ${node.column}`, node, '/');
          }
          return finite(left / right, node);
        case '<':
          return truth(left < right);
        case '<=':
          return truth(left <= right);
        case '>':
          return truth(left > right);
        case '>=':
          return truth(left >= right);
        case '==':
          return truth(left === right);
        case '!=':
          return truth(left !== right);
      }
    }
  }
}

function evaluateCall(node: ExpressionNode & { kind: 'call' }, fields: FormulaFields): number {
  const args = node.args.map((arg) => evaluateNode(arg, fields));
  const first = args[0] ?? 0;
  switch (node.name) {
    case 'min':
      return Math.min(...args);
    case 'max':
      return Math.max(...args);
    case 'abs':
      return Math.abs(first);
    case 'floor':
      return Math.floor(first);
    case 'ceil':
      return Math.ceil(first);
    case 'round':
      return Math.sign(first) * Math.round(Math.abs(first));
    case 'sqrt':
      if (first < 0) {
        fail(
          'invalid-argument',
          `sqrt at column ${node.column} needs a number ≥ 0, got ${first}`,
          node,
          'sqrt',
        );
      }
      return Math.sqrt(first);
    case 'log':
    case 'ln':
      if (first <= 0) {
        fail(
          'invalid-argument',
          `${node.name} at column ${node.column} needs a number > 0, got ${first}`,
          node,
          node.name,
        );
      }
      return node.name === 'log' ? Math.log10(first) : Math.log(first);
  }
}
