import type { ExpressionNode } from './ast';

/** Test helper: a tree without columns, for comparing trees parsed from differently spaced text. */
export type ShapeOnly = unknown;

/**
 * Drops the column of every node so that two trees can be compared by shape.
 * @param node a parsed formula
 * @returns a plain object tree without `column` fields
 */
export function stripColumns(node: ExpressionNode): ShapeOnly {
  switch (node.kind) {
    case 'number':
      return { kind: 'number', value: node.value };
    case 'field':
      return { kind: 'field', name: node.name };
    case 'negate':
      return { kind: 'negate', operand: stripColumns(node.operand) };
    case 'binary':
      return {
        kind: 'binary',
        operator: node.operator,
        left: stripColumns(node.left),
        right: stripColumns(node.right),
      };
    case 'call':
      return { kind: 'call', name: node.name, args: node.args.map(stripColumns) };
    case 'conditional':
      return {
        kind: 'conditional',
        test: stripColumns(node.test),
        whenTrue: stripColumns(node.whenTrue),
        whenFalse: stripColumns(node.whenFalse),
      };
  }
}
