import type { ExpressionNode } from './ast';

// Binding strength used to decide where parentheses are needed; higher binds tighter.
const ATOM = 6;
const NEGATE = 5;

function levelOfNode(node: ExpressionNode): number {
  switch (node.kind) {
    case 'number':
    case 'field':
    case 'call':
    case 'conditional':
      return ATOM;
    case 'negate':
      return NEGATE;
    case 'binary':
      switch (node.operator) {
        case '||':
          return 0;
        case '&&':
          return 1;
        case '+':
        case '-':
          return 3;
        case '*':
        case '/':
          return 4;
        default:
          return 2;
      }
  }
}

/**
 * Prints a syntax tree back as formula text with the fewest parentheses that keep its shape, so
 * that parsing the printed text yields the same tree. Conditionals print as `if(test, a, b)`.
 * @param node a tree from {@link parseFormula} (number nodes are expected to be non-negative)
 * @returns the canonical formula text, e.g. `reach * impact * confidence / effort`
 */
export function printFormula(node: ExpressionNode): string {
  return printAt(node, 0);
}

function printAt(node: ExpressionNode, minimumLevel: number): string {
  const text = printNode(node);
  return levelOfNode(node) < minimumLevel ? `(${text})` : text;
}

function printNode(node: ExpressionNode): string {
  switch (node.kind) {
    case 'number':
      // A negative literal cannot come out of the parser; keep hand-built trees readable anyway.
      return node.value < 0 || Object.is(node.value, -0) ? `(-${String(-node.value)})` : String(node.value);
    case 'field':
      return node.name;
    case 'negate':
      // `-(-x)` rather than `--x`, which reads like a decrement.
      return node.operand.kind === 'negate'
        ? `-(${printNode(node.operand)})`
        : `-${printAt(node.operand, NEGATE)}`;
    case 'call':
      return `${node.name}(${node.args.map((arg) => printAt(arg, 0)).join(', ')})`;
    case 'conditional':
      return `if(${printAt(node.test, 0)}, ${printAt(node.whenTrue, 0)}, ${printAt(node.whenFalse, 0)})`;
    case 'binary': {
      const level = levelOfNode(node);
      // Comparisons do not chain, so both sides must bind tighter; other operators are left-associative.
      const leftLevel = level === 2 ? level + 1 : level;
      return `${printAt(node.left, leftLevel)} ${node.operator} ${printAt(node.right, level + 1)}`;
    }
  }
}
