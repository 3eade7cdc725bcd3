import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isEmailLike, parsePerson } from '../../src/domain/import/source-values';

/** The API's email check: what the import proposes must pass it, or the import answers 500. */
const apiEmail = z.email().max(200);

describe('reading people from cells', () => {
  it('should read an address, a name, and "Name <address>"', () => {
    expect(parsePerson(' Dana@Example.com ')).toEqual({ name: null, email: 'dana@example.com' });
    expect(parsePerson('Dana Ng <dana@example.com>')).toEqual({ name: 'Dana Ng', email: 'dana@example.com' });
    expect(parsePerson('Dana Ng')).toEqual({ name: 'Dana Ng', email: null });
    expect(parsePerson('Unassigned')).toBeNull();
  });

  it('should read an address the API would refuse as a name, not as an invitation', () => {
    for (const cell of [
      'zoë@example.com',
      "o'@example.com",
      'a..b@example.com',
      'dana@localhost',
      `${'a'.repeat(190)}@example.com`,
    ]) {
      expect(parsePerson(cell), cell).toEqual({ name: cell, email: null });
    }
  });

  it("should agree with the API's email check on generated addresses and near-misses", () => {
    const local = fc.stringMatching(/^[A-Za-z0-9_'+.\-ëß!#]{1,20}$/);
    const host = fc.stringMatching(/^[A-Za-z0-9.\-ë]{1,20}\.[A-Za-z0-9]{1,6}$/);
    const candidates = fc.oneof(
      fc.emailAddress(),
      fc.tuple(local, host).map(([l, h]) => `${l}@${h}`),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
    );
    fc.assert(
      fc.property(candidates, (text) => {
        expect(isEmailLike(text), text).toBe(apiEmail.safeParse(text.trim()).success);
      }),
      { numRuns: 2000 },
    );
  });
});
