// The visitor page inside a partner site's widget (/embed.js): which partner framed it, the
// language the widget asked for, and the widget's request to do a quick exit.
import { isVisitorLanguage, type VisitorLanguage } from '../common/i18n.js';
import { isExitRequest } from '../common/embedMessages.js';
import { getPartnerOrigins, whenConfigLoaded } from './config.js';

/** Escape pressed as soon as the widget opened may come before the list of partners. */
const configWaitMs = 1000;

export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a browser that will not even say: assume framed
  }
}

/**
 * The origin of the partner page this page is framed by, when it is one of the configured
 * partners; null otherwise. Chromium and Safari name it in location.ancestorOrigins; elsewhere
 * the widget's frame sends the partner's origin (and nothing more) as the referrer.
 */
export function partnerOrigin(): string | null {
  if (!isFramed()) return null;
  const allowed = getPartnerOrigins();
  const candidates = [location.ancestorOrigins?.[0], originOf(document.referrer)];
  return candidates.find((origin): origin is string => !!origin && allowed.includes(origin)) ?? null;
}

/** Like partnerOrigin, but first waits (a moment at most) for the list of partners to arrive. */
export async function partnerOriginSoon(maxWaitMs: number): Promise<string | null> {
  if (!isFramed()) return null;
  await Promise.race([whenConfigLoaded(), new Promise((resolve) => setTimeout(resolve, maxWaitMs))]);
  return partnerOrigin();
}

/** The widget passes the partner page's language (?lang=en); a reload keeps her own choice. */
export function widgetLanguage(): VisitorLanguage | null {
  if (!isFramed()) return null;
  const lang = new URLSearchParams(location.search).get('lang');
  return isVisitorLanguage(lang) ? lang : null;
}

/** Escape pressed on the partner page: the widget asks this frame to do the quick exit. */
export function onPartnerExitRequest(listener: () => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || !isExitRequest(event.data)) return;
    void partnerOriginSoon(configWaitMs).then((partner) => {
      if (partner && event.origin === partner) listener();
    });
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}

function originOf(url: string): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}
