// Lengths as a person sees them, and nicknames that can be told apart. Shared by browser and
// server, so the composer's "characters left" is the rule the server applies.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const encoder = new TextEncoder();

/** Characters as the eye counts them: a flag, a family emoji or an accented letter is one. */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/**
 * Whether a person sees at most `max` characters. A grapheme is at least one code unit, so text
 * no longer than `max` code units fits without segmenting it (nearly every message); longer text
 * is counted only until it is over.
 */
export function fitsVisibleLength(text: string, max: number): boolean {
  if (text.length <= max) return true;
  let n = 0;
  for (const _ of segmenter.segment(text)) if (++n > max) return false;
  return true;
}

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks). In a name they can make
 * "Roos" render as someone else's name or reorder the text around it; a name never needs them.
 */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Nothing a reader could see: format and control characters, whitespace, lone combining marks. */
const invisible = /[\p{Cf}\p{Cc}\p{Z}\s\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

export type NicknameCheck = { ok: true; nickname: string | undefined } | { ok: false; reason: 'invisible' | 'too_long' };

/**
 * A nickname as stored: NFC, bidi controls removed, runs of whitespace made one space, trimmed.
 * Empty means "no nickname"; one that is only invisible characters is refused, because two
 * such chats look the same in the console.
 */
export function checkNickname(input: string, maxLength: number): NicknameCheck {
  // Only spaces: she left the name empty. Anything else she typed must show.
  if (input.replace(/[\p{Z}\t\n\r\f\v]/gu, '') === '') return { ok: true, nickname: undefined };
  const cleaned = input.normalize('NFC').replace(bidiControls, '').replace(/\s+/gu, ' ').trim();
  if (cleaned.replace(invisible, '') === '') return { ok: false, reason: 'invisible' };
  if (!fitsVisibleLength(cleaned, maxLength)) return { ok: false, reason: 'too_long' };
  return { ok: true, nickname: cleaned };
}
