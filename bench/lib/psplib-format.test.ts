import { describe, expect, it } from 'vitest';
import { keyOfInstanceFile, parseReferenceTable } from './psplib-format';

describe('parseReferenceTable', () => {
  it('should read parameter, instance and makespan when rows follow a header', () => {
    const text =
      'Paramter Instance Makespan CPU-Time[sec.]\n------\n1       1         43       0.30\n12\t7\t91\t\tTue Apr\n';
    expect(parseReferenceTable(text)).toEqual(
      new Map([
        ['1_1', 43],
        ['12_7', 91],
      ]),
    );
  });
});

describe('keyOfInstanceFile', () => {
  it('should split the set prefix from parameter and instance when the name is a PSPLIB file', () => {
    expect(keyOfInstanceFile('j30', 'j3012_7.sm')).toBe('12_7');
    expect(keyOfInstanceFile('j120', 'j1201_10.sm')).toBe('1_10');
    expect(keyOfInstanceFile('j30', 'README.md')).toBeNull();
  });
});
