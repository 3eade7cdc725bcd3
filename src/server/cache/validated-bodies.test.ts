import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidatedBodies } from './validated-bodies';

describe('ValidatedBodies', () => {
  it('should give a body back only under the validator it was kept with', () => {
    const kept = new ValidatedBodies();
    kept.keep('ws page', 'W/"a"', '{"data":[]}');
    expect(kept.take('ws page', 'W/"a"')).toBe('{"data":[]}');
    expect(kept.take('ws page', 'W/"b"')).toBeUndefined();
    expect(kept.take('other page', 'W/"a"')).toBeUndefined();
    kept.keep('ws page', 'W/"b"', '{"data":[1]}');
    expect(kept.take('ws page', 'W/"a"')).toBeUndefined();
    expect(kept.take('ws page', 'W/"b"')).toBe('{"data":[1]}');
    expect(kept.size).toEqual({ entries: 1, chars: 12 });
  });

  it('should let the least recently used go first, by count and by size', () => {
    const kept = new ValidatedBodies({ entries: 2, chars: 10 });
    kept.keep('a', 't', 'aaa');
    kept.keep('b', 't', 'bbb');
    expect(kept.take('a', 't')).toBe('aaa');
    kept.keep('c', 't', 'ccc');
    expect(kept.peek('b')).toBeUndefined();
    expect(kept.take('a', 't')).toBe('aaa');
    kept.keep('d', 't', 'dddddddd');
    expect(kept.size).toEqual({ entries: 1, chars: 8 });
    kept.keep('e', 't', 'x'.repeat(11));
    expect(kept.peek('e')).toBeUndefined();
    expect(kept.size).toEqual({ entries: 1, chars: 8 });
  });

  it('should never hold more than its limits, and count exactly what it holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.string({ maxLength: 8 })), {
          maxLength: 60,
        }),
        (writes) => {
          const kept = new ValidatedBodies({ entries: 3, chars: 12 });
          const last = new Map<string, string>();
          for (const [key, body] of writes) {
            kept.keep(key, 't', body);
            last.set(key, body);
            const { entries, chars } = kept.size;
            expect(entries).toBeLessThanOrEqual(3);
            expect(chars).toBeLessThanOrEqual(12);
            let counted = 0;
            for (const k of last.keys()) {
              const held = kept.peek(k);
              if (held) {
                expect(held.body).toBe(last.get(k));
                counted += held.body.length;
              }
            }
            expect(counted).toBe(chars);
          }
        },
      ),
    );
  });
});
