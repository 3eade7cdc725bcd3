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

/**
 * A small deterministic pseudo-random generator (mulberry32) for reproducible test inputs.
 * @param seed any 32-bit integer
 * @returns a function yielding numbers in [0, 1)
 */
export function createTestRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
