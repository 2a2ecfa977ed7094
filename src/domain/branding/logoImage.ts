// The service logo an administrator uploads: a small PNG, JPEG or WebP image, recognised by its
// first bytes (never by a name or a type the browser claims). SVG is refused: it can carry
// script, and a raster image cannot.

export const logoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof logoTypes)[number];

export const logoLimits = { maxBytes: 100 * 1024 } as const;

export type LogoCheck = { ok: true; type: LogoType } | { ok: false; problem: 'empty' | 'too_large' | 'not_an_image' };

/** The image type these bytes are, from their signature; undefined for anything else. */
export function logoTypeOf(bytes: Uint8Array): LogoType | undefined {
  const starts = (signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF <size> WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > logoLimits.maxBytes) return { ok: false, problem: 'too_large' };
  const type = logoTypeOf(bytes);
  return type ? { ok: true, type } : { ok: false, problem: 'not_an_image' };
}
