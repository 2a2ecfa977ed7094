import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNickname, fitsVisibleLength, utf8Bytes, visibleLength } from './visibleText.js';
import { messageBodySchema } from './common.js';
import { startChatSchema } from './visitorProtocol.js';
import { limits } from './limits.js';

const bidi = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const invisibleChars = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u2066', '\u200F', '\u00AD', ' ', '\u3000', '\u2800', '\u3164'];

describe('nicknames that can be told apart', () => {
  it('refuses a name made only of invisible characters, whatever the mix', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...invisibleChars), { minLength: 1, maxLength: 30 }), (chars) => {
        const name = chars.join('');
        const checked = checkNickname(name, 40);
        if (/^[ \u3000]+$/u.test(name)) expect(checked).toEqual({ ok: true, nickname: undefined });
        else expect(checked).toEqual({ ok: false, reason: 'invisible' });
      }),
    );
  });

  it('never keeps a bidi control, is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fc.constantFrom(...invisibleChars)), (text, noise) => {
        const checked = checkNickname(noise.join('') + text + noise.join(''), 40);
        if (checked.ok && checked.nickname !== undefined) {
          expect(bidi.test(checked.nickname)).toBe(false);
          expect(checkNickname(checked.nickname, 40)).toEqual(checked);
          expect(visibleLength(checked.nickname)).toBeLessThanOrEqual(40);
        }
      }),
    );
  });

  it('keeps names in other scripts and emoji, and strips an override that would reverse them', () => {
    expect(checkNickname('Zaïna', 40)).toEqual({ ok: true, nickname: 'Zaïna' });
    expect(checkNickname('سارة', 40)).toEqual({ ok: true, nickname: 'سارة' });
    expect(checkNickname('Оля 🌸', 40)).toEqual({ ok: true, nickname: 'Оля 🌸' });
    expect(checkNickname('\u202ERoos', 40)).toEqual({ ok: true, nickname: 'Roos' });
    expect(checkNickname('👩‍👧'.repeat(40), 40)).toEqual({ ok: true, nickname: '👩‍👧'.repeat(40) });
    expect(checkNickname('a'.repeat(41), 40)).toEqual({ ok: false, reason: 'too_long' });
  });

  it('is the rule the start request applies, with a clear error', () => {
    const parsed = startChatSchema.safeParse({ language: 'nl', nickname: '\u200B\u200B\u202E' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/see/);
    expect(startChatSchema.parse({ language: 'nl', nickname: '  \u2066Roos\u2069  ' }).nickname).toBe('Roos');
  });
});

describe('message length as a person counts it', () => {
  it('accepts 4,000 characters that are each several code points, and refuses one more', () => {
    const flag = '🇳🇱';
    expect(flag.length).toBe(4);
    expect(messageBodySchema.safeParse(flag.repeat(limits.messageMaxChars)).success).toBe(true);
    expect(messageBodySchema.safeParse(flag.repeat(limits.messageMaxChars + 1)).success).toBe(false);
    expect(messageBodySchema.safeParse('a'.repeat(limits.messageMaxChars)).success).toBe(true);
    expect(messageBodySchema.safeParse('a'.repeat(limits.messageMaxChars + 1)).success).toBe(false);
  });

  it('caps the bytes too, whatever the characters', () => {
    // One grapheme of many code points each: few characters, many bytes.
    const heavy = 'e' + '\u0301'.repeat(200);
    expect(visibleLength(heavy)).toBe(1);
    expect(messageBodySchema.safeParse(heavy.repeat(100)).success).toBe(false);
  });

  it('never accepts a body over either limit, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 1, max: 30 }), (text, times) => {
        const body = text.repeat(times);
        const parsed = messageBodySchema.safeParse(body);
        if (parsed.success) {
          expect(visibleLength(parsed.data)).toBeLessThanOrEqual(limits.messageMaxChars);
          expect(utf8Bytes(parsed.data)).toBeLessThanOrEqual(limits.messageMaxBytes);
          expect(parsed.data.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('says a text fits exactly when its visible length does, short cut or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 0, max: 100 }), (text, max) => {
        expect(fitsVisibleLength(text, max)).toBe(visibleLength(text) <= max);
      }),
    );
    expect(fitsVisibleLength('👨‍👩‍👧‍👦'.repeat(3), 3)).toBe(true);
    expect(fitsVisibleLength('👨‍👩‍👧‍👦'.repeat(4), 3)).toBe(false);
  });
});
