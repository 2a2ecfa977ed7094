// The live status in words, for the widget's button and the inline badge. Hand-checked rather
// than typed by zod: the answer comes from another origin and the script must stay tiny.
import type { badgeNl } from '../common/locales/visibility.nl.js';
import { localeOf } from '../../src/protocol/languageInfo.js';

type BadgeText = typeof badgeNl;

/** The status sentence, or null when the answer is not a status we know (then nothing is shown). */
export function statusText(status: unknown, text: BadgeText, language: string): { state: string; text: string } | null {
  if (!status || typeof status !== 'object') return null;
  const s = status as { state?: unknown; wait?: { minMinutes?: unknown; maxMinutes?: unknown } | null; nextOpensAt?: unknown };
  const number = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : null);
  if (s.state === 'open') return { state: 'open', text: text.open };
  if (s.state === 'busy') {
    const min = number(s.wait?.minMinutes);
    const max = number(s.wait?.maxMinutes);
    const words = min === null ? text.busy : max === null ? text.busyMore : min === 0 ? text.busyUpTo : text.busyRange;
    return { state: 'busy', text: words.replace('{min}', String(min)).replace('{max}', String(max)) };
  }
  if (s.state === 'closed') {
    const at = number(s.nextOpensAt);
    // Beyond what a Date can hold, Intl would throw: then just "closed".
    if (at === null || Math.abs(at) > 8.64e15) return { state: 'closed', text: text.closed };
    const when = new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(at);
    return { state: 'closed', text: text.closedUntil.replace('{when}', when) };
  }
  return null;
}
