import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { directSource, parseReferralToken, referralTokenMaxLength, unknownSource } from './referralToken.js';

const slugChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const canonical = fc
  .array(fc.array(slugChar, { minLength: 1, maxLength: 6 }).map((c) => c.join('')), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('-'))
  .filter((t) => t.length <= referralTokenMaxLength && t !== directSource && t !== unknownSource);

describe('parseReferralToken', () => {
  it('never throws and only ever returns a canonical token', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.anything()), (raw) => {
        const token = parseReferralToken(raw);
        if (token === null) return;
        expect(token).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
        expect(token.length).toBeLessThanOrEqual(referralTokenMaxLength);
        expect(token).not.toContain('--');
        // Parsing is idempotent: the canonical form parses to itself.
        expect(parseReferralToken(token)).toBe(token);
      }),
    );
  });

  it('accepts every canonical token, also typed in capitals or with spaces around', () => {
    fc.assert(
      fc.property(canonical, (token) => {
        expect(parseReferralToken(token)).toBe(token);
        expect(parseReferralToken(`  ${token.toUpperCase()} `)).toBe(token);
      }),
    );
  });

  it('rejects anything with a character outside the slug alphabet', () => {
    fc.assert(
      fc.property(canonical, fc.constantFrom('<', '>', '"', '/', '?', '&', '=', '_', '.', 'é', '\u200b'), fc.nat(), (token, bad, at) => {
        const i = at % (token.length + 1);
        expect(parseReferralToken(token.slice(0, i) + bad + token.slice(i))).toBeNull();
      }),
    );
  });

  it('rejects the reserved sources, too-long tokens, edge hyphens and non-strings', () => {
    expect(parseReferralToken(directSource)).toBeNull();
    expect(parseReferralToken(unknownSource)).toBeNull();
    expect(parseReferralToken('a'.repeat(referralTokenMaxLength + 1))).toBeNull();
    expect(parseReferralToken('a'.repeat(referralTokenMaxLength))).toBe('a'.repeat(referralTokenMaxLength));
    expect(parseReferralToken('-abc')).toBeNull();
    expect(parseReferralToken('abc-')).toBeNull();
    expect(parseReferralToken('')).toBeNull();
    expect(parseReferralToken('school west')).toBeNull();
    expect(parseReferralToken(42)).toBeNull();
    expect(parseReferralToken(undefined)).toBeNull();
  });
});
