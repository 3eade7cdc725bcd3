import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import { buildBlockSampler, drawBlockTotal, drawDayWithinBlock } from './block-sampler';

describe('buildBlockSampler', () => {
  it('should give the binomial law of block totals when days complete 0 or 1 items', () => {
    // Days complete 1 item with probability 1/4; over 2 days: P(0) = 9/16, P(1) = 6/16, P(2) = 1/16.
    const sampler = buildBlockSampler(Int32Array.from([0, 0, 0, 1]), 2)!;
    const row = Array.from(sampler.partial.subarray(2 * sampler.width, 3 * sampler.width));
    expect(row[0]).toBeCloseTo(9 / 16, 12);
    expect(row[1]).toBeCloseTo(6 / 16, 12);
    expect(row[2]).toBeCloseTo(1 / 16, 12);
  });

  it('should draw block totals with the convolved frequencies', () => {
    const sampler = buildBlockSampler(Int32Array.from([0, 0, 0, 1]), 2)!;
    const rng = createRandom(3);
    const seen = [0, 0, 0];
    const n = 32_000;
    for (let i = 0; i < n; i++) seen[drawBlockTotal(sampler, rng)]!++;
    // Expected 18,000 / 12,000 / 2,000; allow about 5 standard deviations.
    expect(Math.abs(seen[0]! - 18_000)).toBeLessThan(450);
    expect(Math.abs(seen[1]! - 12_000)).toBeLessThan(440);
    expect(Math.abs(seen[2]! - 2_000)).toBeLessThan(220);
  });

  it('should split a block total over its days consistently with the total', () => {
    const sampler = buildBlockSampler(Int32Array.from([0, 1, 3, 3]), 4)!;
    const rng = createRandom(5);
    for (let trial = 0; trial < 200; trial++) {
      const total = drawBlockTotal(sampler, rng);
      let remaining = total;
      for (let left = 4; left >= 1; left--) {
        const v = drawDayWithinBlock(sampler, rng, remaining, left);
        expect([0, 1, 3]).toContain(v);
        remaining -= v;
      }
      expect(remaining).toBe(0);
    }
  });

  it('should decline when one busy day would make the tables too large', () => {
    expect(buildBlockSampler(Int32Array.from([0, 5000]))).toBeNull();
  });
});
