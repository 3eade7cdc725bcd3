import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, createSmallRandom } from './random';

describe('createRandom', () => {
  it('should give the same sequence when the seed is the same', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let i = 0; i < 20; i++) expect(a.nextUint32()).toBe(b.nextUint32());
      }),
      { numRuns: 50 },
    );
  });

  it('should restart the same sequence when reseeded', () => {
    const a = createRandom(5);
    const first = [a.nextUint32(), a.nextUint32()];
    a.nextNormal();
    a.reseed(5);
    expect([a.nextUint32(), a.nextUint32()]).toEqual(first);
  });

  it('should give different sequences when seeds differ', () => {
    const a = createRandom(1);
    const b = createRandom(2);
    const sa = Array.from({ length: 8 }, () => a.nextUint32());
    const sb = Array.from({ length: 8 }, () => b.nextUint32());
    expect(sa).not.toEqual(sb);
  });

  it('should keep indices in range and roughly uniform when drawing many', () => {
    const rng = createRandom(7);
    const counts = [0, 0, 0, 0];
    let outside = 0;
    for (let i = 0; i < 40_000; i++) {
      const k = rng.nextIndex(4);
      if (k < 0 || k > 3 || !Number.isInteger(k)) outside++;
      else counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(outside).toBe(0);
    // Each bucket expects 10,000; 5 standard deviations is about ±430.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(430);
  });

  it('should give normals with mean 0 and variance 1 when drawing many', () => {
    const rng = createRandom(11);
    let sum = 0;
    let sumSq = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      const z = rng.nextNormal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.04);
  });
});

describe('createSmallRandom', () => {
  it('should give the mulberry32 sequence that recorded plans and demos depend on', () => {
    const rng = createSmallRandom(42);
    const first = Array.from({ length: 3 }, () => rng.nextFloat());
    expect(first).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('should repeat the same sequence when given the same seed, and restart it when reseeded', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createSmallRandom(seed);
        const b = createSmallRandom(seed);
        const seq = Array.from({ length: 10 }, () => a.nextUint32());
        expect(Array.from({ length: 10 }, () => b.nextUint32())).toEqual(seq);
        a.reseed(seed);
        expect(Array.from({ length: 10 }, () => a.nextUint32())).toEqual(seq);
      }),
      { numRuns: 50 },
    );
  });

  it('should keep floats in [0, 1) and indices in range when drawing many', () => {
    const rng = createSmallRandom(7);
    for (let i = 0; i < 1000; i++) {
      const x = rng.nextFloat();
      expect(x >= 0 && x < 1).toBe(true);
      const k = rng.nextIndex(5);
      expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true);
    }
  });

  it('should draw floats through a detached method, as callers pass it alone', () => {
    const next = createSmallRandom(42).nextFloat;
    expect(next()).toBe(0.6011037519201636);
  });
});

describe('createRandom sequence', () => {
  it('should give the sfc32 sequence that stored forecasts were drawn from', () => {
    const rng = createRandom(2026);
    expect([rng.nextUint32(), rng.nextFloat(), rng.nextIndex(10)]).toEqual([
      739198404, 0.9074867097660899, 1,
    ]);
  });
});
