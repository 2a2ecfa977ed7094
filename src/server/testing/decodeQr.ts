// Test helper: reads a QR code back, from the SVG path data the server draws or from a
// screenshot's pixels, with jsQR (a decoder independent of the generator).
import jsQRModule from 'jsqr';
import type { QrCodeDto } from '../../protocol/staffSecurityApi.js';

/** Paints the path's rectangles (M x y h w v1 h-w z) black on white, `scale` pixels per module, and decodes. */
export function decodeQrPath(qr: QrCodeDto, scale = 4): string | null {
  const side = (qr.size + 2 * qr.margin) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const m of qr.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) {
        const i = (py * side + px) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  return decodeQrPixels(pixels, side, side);
}

// jsQR is a CommonJS module whose types describe an ES default export; take whichever is there.
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as unknown as JsQr;

export function decodeQrPixels(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  return jsQR(rgba, width, height)?.data ?? null;
}
