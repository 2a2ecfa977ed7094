// The service's name and logo (branding), set by an administrator.
import { z } from 'zod';
import { logoLimits } from '../domain/branding/logoImage.js';

/** PUT /api/settings/logo: the image file, base64 (the type is read from its own bytes). */
export const uploadLogoRequestSchema = z.object({
  image: z
    .string()
    .min(4)
    // Room for a little more than the limit, so that the server can say "too large" (413).
    .max(Math.ceil((logoLimits.maxBytes * 1.5) / 3) * 4, 'at most 100 kB')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

/** GET /api/branding, and in /api/config when the visitor page is not disguised. */
export interface BrandingDto {
  /** null: the standard name ("Baken"). */
  serviceName: string | null;
  /** Same-origin address of the logo (changes when the logo does); null: none. */
  logoUrl: string | null;
}

export const logoPath = '/api/branding/logo';
