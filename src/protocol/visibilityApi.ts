// Referral tokens, the visibility counters and the partners' live status, over HTTP.
import { z } from 'zod';
import { parseReferralToken, referralTokenMaxLength } from '../domain/visibility/referralToken.js';
import type { ReportTable } from '../domain/monitor/countTable.js';
import type { LocalizedText } from '../domain/codebook/codebookSchema.js';
import type { PartnerStatus } from '../domain/visibility/partnerStatus.js';

export const referralKinds = ['partner', 'campaign', 'poster'] as const;

const tokenSchema = z
  .string()
  .max(referralTokenMaxLength * 4)
  .transform((raw, ctx) => {
    const token = parseReferralToken(raw);
    if (token !== null) return token;
    ctx.addIssue({ code: 'custom', message: `a token is 1 to ${referralTokenMaxLength} letters a–z, digits and single hyphens inside (not "direct" or "unknown")` });
    return z.NEVER;
  });

/** POST /api/referrals (administrator). */
export const createReferralRequestSchema = z.object({
  token: tokenSchema,
  label: z.string().trim().min(1).max(80),
  kind: z.enum(referralKinds),
});
export type CreateReferralRequest = z.input<typeof createReferralRequestSchema>;

export const referralParamsSchema = z.object({ token: tokenSchema });

export interface ReferralDto {
  token: string;
  label: string;
  kind: (typeof referralKinds)[number];
  createdAt: number;
}

/** GET /api/referrals/:token/poster: what the printable poster shows. */
export interface PosterDto {
  token: string;
  label: string;
  serviceName: string;
  link: string;
  qr: { size: number; margin: number; path: string };
}

/** POST /api/visibility/arrivals (public, the start page opened with ?via=). Whatever it says is only counted. */
export const arrivalRequestSchema = z.object({ via: z.string().max(referralTokenMaxLength * 4) });

/** GET /api/reports/visibility?from=YYYY-MM-DD&to=YYYY-MM-DD */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const visibilityQuerySchema = z.object({ from: isoDay, to: isoDay }).refine((q) => q.from <= q.to, 'from must not be after to');

/** Protected like the monitor's tables (small counts hidden); the note says what is not counted. */
export interface VisibilityReportDto {
  from: string;
  to: string;
  tables: ReportTable[];
  note: LocalizedText;
}

/** GET /api/status: what a partner's page shows (no cookie, any origin may read it). */
export type PublicStatusDto = PartnerStatus;
