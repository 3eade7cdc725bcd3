import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
  it('should repeat the same sequence when given the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    expect(seqA).toEqual(seqB);
  });

  it('should give a different sequence when the seed differs', () => {
    const a = createRandom(1);
    const b = createRandom(2);
    expect(a.next()).not.toBe(b.next());
  });

  it('should stay within bounds when drawing integers', () => {
    const r = createRandom(7);
    for (let i = 0; i < 1000; i++) {
      const v = r.nextInt(5);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(5);
      expect(Number.isInteger(v)).toBe(true);
    }
  });
});
