import { localeOf } from '../../src/protocol/languageInfo.js';

export function clockTime(ms: number, language: string): string {
  return new Date(ms).toLocaleTimeString(localeOf(language), { hour: '2-digit', minute: '2-digit' });
}

/** Date and time to the second, for records where the order within a minute matters. */
export function dateTimeSeconds(ms: number, language: string): string {
  return new Date(ms).toLocaleString(localeOf(language), { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Day and time to the minute, e.g. for until when something holds. */
export function dateTimeMinutes(ms: number, language: string): string {
  return new Date(ms).toLocaleString(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });
}
