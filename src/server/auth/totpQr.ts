// The two-step set-up address as a QR code, drawn on the server: the qrcode package computes the
// modules (offline, no request anywhere), and this file writes them as SVG path data of its own
// making, digits and M/h/v/z only. The console draws that path in an <svg> element: no markup
// from elsewhere goes into the page, and the CSP (img-src 'self') needs no data: URLs.
import QRCode from 'qrcode';

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Quiet zone on every side, in modules (the viewBox is size + 2 × margin). */
  margin: number;
  /** SVG path data of the dark modules: one rectangle per run of dark modules in a row. */
  path: string;
}

export function qrPath(text: string, margin = 4): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      parts.push(`M${start + margin} ${y + margin}h${x - start}v1h-${x - start}z`);
    }
  }
  return { size, margin, path: parts.join('') };
}

/** The same code as a whole SVG document (for API clients and tests; the console uses the path). */
export function qrSvg({ size, margin, path }: QrPath): string {
  const side = size + 2 * margin;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}
