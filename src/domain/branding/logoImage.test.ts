import { describe, expect, it } from 'vitest';
import { checkLogo, logoLimits, logoTypeOf } from './logoImage.js';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = Uint8Array.from([...Buffer.from('RIFF'), 40, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);

describe('the service logo', () => {
  it('recognises PNG, JPEG and WebP by their first bytes', () => {
    expect(logoTypeOf(png)).toBe('image/png');
    expect(logoTypeOf(jpeg)).toBe('image/jpeg');
    expect(logoTypeOf(webp)).toBe('image/webp');
  });

  it('refuses SVG, GIF, HTML and a RIFF file that is not WebP', () => {
    for (const text of ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'GIF89a....', '<!doctype html><script>', 'RIFF\u0000\u0000\u0000\u0000WAVEfmt ']) {
      expect(checkLogo(Buffer.from(text))).toEqual({ ok: false, problem: 'not_an_image' });
    }
  });

  it('refuses an empty file and one over 100 kB', () => {
    expect(checkLogo(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    const big = new Uint8Array(logoLimits.maxBytes + 1);
    big.set(png);
    expect(checkLogo(big)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkLogo(big.subarray(0, logoLimits.maxBytes))).toEqual({ ok: true, type: 'image/png' });
  });
});
