import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS_TEXT } from './common-passwords';
import { findPasswordWeakness } from './password-policy';

describe('findPasswordWeakness', () => {
  it.each([
    ['aaaaaaaaaa', /fewer than 4 different characters/],
    ['          ', /only spaces/],
    ['\u0000'.repeat(10), /control characters/],
    ['correct\nhorse battery', /control characters/],
    ['password12', /most common passwords/],
    ['Password2024!', /most common passwords/],
    ['P@ssw0rd1234', /most common passwords/],
    ['iloveyou!!!!', /most common passwords/],
    ['qwertyuiop', /most common passwords|sequence/],
    ['1234567890', /sequence/],
    ['abcdefghij', /sequence/],
    ['0987654321', /sequence/],
    ['asdfghjkl123', /sequence/],
    ['abcdabcdabcd', /repeats “abcd”/],
    ['12121212121212', /fewer than 4 different characters/],
    ['short', /at least 10 characters/],
  ])('should refuse %j', (password, reason) => {
    expect(findPasswordWeakness(password)).toMatch(reason);
  });

  it('should refuse a password containing the name or the email local part', () => {
    expect(findPasswordWeakness('kowalski-rules-the-roadmap', { name: 'Dana Kowalski' })).toMatch(
      /your name or email address \(“kowalski”\)/,
    );
    expect(
      findPasswordWeakness('my-dk.pm-roadmap-2025', { email: 'dk.pm@example.com', name: 'D K' }),
    ).toMatch(/your name or email address/);
    expect(findPasswordWeakness('xdanaxkowalskix', { email: 'dana.kowalski@example.com' })).toMatch(
      /“danakowalski”|“dana”/,
    );
  });

  it('should refuse the service name padded to length', () => {
    expect(findPasswordWeakness('headway2024!')).toMatch(/name of this service/);
  });

  it('should accept long passphrases and random strings', () => {
    for (const ok of [
      'correct horse battery',
      'amber tractor violin cloud',
      'Tq8#vL2p!xZr',
      'zebra-lamp-ocean-42',
    ]) {
      expect(findPasswordWeakness(ok, { email: 'dana@example.com', name: 'Dana Kowalski' }), ok).toBeNull();
    }
  });

  it('should not let short name parts forbid ordinary words', () => {
    expect(
      findPasswordWeakness('almond tree in bloom', { name: 'Al Bo', email: 'al@example.com' }),
    ).toBeNull();
  });

  it('should refuse every common password of at least 10 characters from the shipped list', () => {
    const long = COMMON_PASSWORDS_TEXT.split(/\s+/).filter((p) => p.length >= 10);
    expect(long.length).toBeGreaterThan(100);
    for (const password of long) expect(findPasswordWeakness(password), password).not.toBeNull();
  });

  it('should refuse every common password however it is padded with digits to the length rule', () => {
    const words = COMMON_PASSWORDS_TEXT.split(/\s+/).filter((p) => /^[a-z]{4,9}$/.test(p));
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.integer({ min: 0, max: 99_999 }), (word, n) => {
        const padded = `${word}${String(n).padStart(10 - word.length, '0')}`;
        return findPasswordWeakness(padded) !== null;
      }),
    );
  });

  it('should refuse any string with fewer than 4 distinct characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('x', 'Y', '7'), { minLength: 10, maxLength: 60 }), (chars) => {
        return findPasswordWeakness(chars.join('')) !== null;
      }),
    );
  });
});
