// How the figures page writes periods and instants: Dutch or English, always in Dutch time.
import type { TFunction } from 'i18next';

const locale = (lang: 'nl' | 'en') => (lang === 'en' ? 'en-GB' : 'nl-NL');

/** `2026-12-02`, `2026-W49` or `2026-12` as a reader would say it. */
export function periodLabel(period: string, lang: 'nl' | 'en', t: TFunction): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return t('figures.weekLabel', { week: Number(week[2]), year: week[1] });
  const [y, m, d] = period.split('-').map(Number) as [number, number, number | undefined];
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  return d === undefined
    ? date.toLocaleDateString(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : date.toLocaleDateString(locale(lang), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function instantLabel(ms: number, lang: 'nl' | 'en'): string {
  return new Date(ms).toLocaleString(locale(lang), { timeZone: 'Europe/Amsterdam', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Today in Amsterdam as YYYY-MM-DD, and `days` before it. */
export function amsterdamDate(daysBack = 0, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now - daysBack * 86_400_000));
}
