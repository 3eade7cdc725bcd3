import { describe, expect, it } from 'vitest';
import { isOneOf } from './one-of';

const SIZES = ['S', 'M', 'L'] as const;

describe('isOneOf', () => {
  it('should accept a value of the list', () => {
    expect(isOneOf(SIZES, 'M')).toBe(true);
  });

  it('should refuse a value outside the list, a different case and the empty string', () => {
    expect(isOneOf(SIZES, 'XL')).toBe(false);
    expect(isOneOf(SIZES, 'm')).toBe(false);
    expect(isOneOf(SIZES, '')).toBe(false);
  });

  it('should refuse the names of object properties', () => {
    expect(isOneOf(SIZES, 'constructor')).toBe(false);
    expect(isOneOf(SIZES, 'length')).toBe(false);
  });
});
