import { describe, expect, it } from 'vitest';
import { createResultMemo } from './memo';

/** A memo whose computation answers how many times it has been asked. */
function counting() {
  const memo = createResultMemo(8);
  let computed = 0;
  const ask = (input: unknown) => memo.through('task', input, async () => ++computed);
  return { memo, ask };
}

describe('createResultMemo', () => {
  it('should tell apart inputs that plain JSON would write alike', async () => {
    const { ask } = counting();
    const inputs = [
      { a: null },
      { a: undefined },
      { a: Number.POSITIVE_INFINITY },
      { a: Number.NaN },
      { a: {} },
      { a: new Map() },
      { a: new Set() },
      { a: [] },
      { a: new Date(0) },
      { a: '1970-01-01T00:00:00.000Z' },
    ];
    const answers = [];
    for (const input of inputs) answers.push(await ask(input));
    expect(answers).toEqual(inputs.map((_, i) => i + 1));
  });

  it('should know an equal input however its numbers were reached', async () => {
    const { memo, ask } = counting();
    const halves = [0.5, 1, 1.5].map((x) => x * 2);
    expect(await ask({ sizes: [1, 2, 3], at: new Map([['x', 4 / 2]]) })).toBe(1);
    expect(await ask({ sizes: halves, at: new Map([['x', 2]]) })).toBe(1);
    expect(memo.counts).toEqual({ hits: 1, misses: 1 });
  });

  it('should compute again a task of another name with the same input', async () => {
    const memo = createResultMemo(8);
    expect(await memo.through('one', { x: 1 }, async () => 'one')).toBe('one');
    expect(await memo.through('two', { x: 1 }, async () => 'two')).toBe('two');
  });
});
