// A referral token names where a visitor came from (a partner, a campaign, a poster) in a link
// (`/?via=token`) or in the widget (`data-source`). It is a short lowercase slug, so it can be
// typed from a poster and never carries anything else (no spaces, no markup, no personal data).
// Pure and without zod: the visitor bundle and the partner widget use it too.

/** Sources the counters use that are not tokens: no token at all, and a token nobody knows. */
export const directSource = 'direct';
export const unknownSource = 'unknown';
const reserved: readonly string[] = [directSource, unknownSource];

export const referralTokenMaxLength = 32;
const tokenPattern = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/**
 * The canonical token in `raw` (trimmed, lowercased), or null when it is not a well-formed one.
 * Never throws, whatever it is given.
 */
export function parseReferralToken(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > referralTokenMaxLength * 4) return null;
  const token = raw.trim().toLowerCase();
  if (!tokenPattern.test(token) || token.includes('--') || reserved.includes(token)) return null;
  return token;
}
