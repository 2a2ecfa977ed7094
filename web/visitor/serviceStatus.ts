// Whether the chat is open now, how busy it is, and who else can help (GET /api/service).
import type { ServiceStatus } from '../../src/protocol/visitorProtocol.js';
import { localeOf, type VisitorLanguage } from '../../src/protocol/languageInfo.js';

export type { ServiceStatus };

/** null when the server cannot be reached: the start screen stays, and starting says so. */
export async function fetchServiceStatus(language: VisitorLanguage): Promise<ServiceStatus | null> {
  try {
    const res = await fetch(`/api/service?lang=${language}`, { cache: 'no-store', credentials: 'omit' });
    if (!res.ok) return null;
    return (await res.json()) as ServiceStatus;
  } catch {
    return null;
  }
}

/** "dinsdag 3 maart om 09:00" in Amsterdam time, in her language. */
export function formatOpening(ms: number, language: string): string {
  return new Date(ms).toLocaleString(localeOf(language), {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Only a plain phone number becomes a tel: link. */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[\s-]/g, '');
  return /^\+?\d{3,15}$/.test(digits) ? `tel:${digits}` : null;
}

/** Only http(s) addresses become links. */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
