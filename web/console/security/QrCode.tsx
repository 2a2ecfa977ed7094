import type { QrCodeDto } from '../../../src/protocol/staffSecurityApi.js';

/** Path data as the server writes it: numbers and M/h/v/z, nothing that could carry markup. */
const safePath = /^[Mhvz0-9 -]*$/;

/** The QR code the server drew (src/server/auth/totpQr.ts), as an inline SVG element: dark on white, with a quiet zone. */
export function QrCode({ qr, label }: { qr: QrCodeDto; label: string }) {
  if (!Number.isInteger(qr.size) || !Number.isInteger(qr.margin) || !safePath.test(qr.path)) return null;
  const side = qr.size + 2 * qr.margin;
  return (
    <svg className="c-qr" role="img" aria-label={label} viewBox={`0 0 ${side} ${side}`} width={side * 5} height={side * 5} shapeRendering="crispEdges" data-qr="">
      <rect width={side} height={side} fill="#ffffff" />
      <path fill="#000000" d={qr.path} />
    </svg>
  );
}
