import { describe, expect, it } from 'vitest';
import { checkStoryPoints, DEFAULT_TSHIRT_SCALE, mapTShirtSize, validateTShirtScale } from './sizes';

describe('t-shirt sizes', () => {
  it('should map a size to its range with the geometric middle as likely', () => {
    // M = 3–8 days; likely √(3 × 8) = √24 ≈ 4.899
    const result = mapTShirtSize({ size: 'M', scale: DEFAULT_TSHIRT_SCALE });
    expect(result.ok && result.estimate.optimistic).toBe(3);
    expect(result.ok && result.estimate.likely).toBeCloseTo(Math.sqrt(24), 12);
    expect(result.ok && result.mustSplit).toBe(false);
    expect(mapTShirtSize({ size: 'XL', scale: DEFAULT_TSHIRT_SCALE })).toMatchObject({
      ok: true,
      mustSplit: true,
    });
  });

  it('should use the workspace likely value and list known sizes when the size is unknown', () => {
    const scale = { unit: 'hours', sizes: [{ size: 'small', low: 1, high: 4, likely: 2 }] };
    expect(mapTShirtSize({ size: 'small', scale })).toEqual({
      ok: true,
      estimate: { optimistic: 1, likely: 2, pessimistic: 4 },
      unit: 'hours',
      mustSplit: false,
    });
    expect(mapTShirtSize({ size: 'huge', scale })).toEqual({
      ok: false,
      message: 'unknown size "huge"; known sizes: small',
      known: ['small'],
    });
  });

  it('should find problems in a badly defined scale', () => {
    expect(validateTShirtScale(DEFAULT_TSHIRT_SCALE)).toEqual([]);
    const problems = validateTShirtScale({
      unit: 'days',
      sizes: [
        { size: 'S', low: 2, high: 1 },
        { size: 'M', low: 1, high: 5, likely: 6 },
        { size: 'M', low: 5, high: 9 },
      ],
    });
    expect(problems).toEqual([
      'size S needs 0 ≤ low ≤ high, got 2–1',
      'size M has likely 6 outside its range 1–5',
      'size M must not be smaller than S',
      'size M is listed twice',
    ]);
  });
});

describe('checkStoryPoints', () => {
  it('should accept cards of the deck and suggest neighbours otherwise', () => {
    expect(checkStoryPoints({ value: 13 })).toEqual({ ok: true });
    expect(checkStoryPoints({ value: 4 })).toMatchObject({ ok: false, below: 3, above: 5 });
    expect(checkStoryPoints({ value: 21, deck: [1, 2, 3, 5, 8, 13] })).toMatchObject({
      ok: false,
      below: 13,
      above: null,
    });
  });
});
