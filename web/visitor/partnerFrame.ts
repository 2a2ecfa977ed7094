// The visitor page inside a partner site's widget (/embed.js): which partner framed it, the
// language the widget asked for, and the widget's request to do a quick exit.
import { isUiLanguage, type UiLanguage } from '../common/i18n.js';
import { isExitRequest } from '../common/embedMessages.js';
import { getPartnerOrigins } from './config.js';

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

/** The widget passes the partner page's language (?lang=en); a reload keeps her own choice. */
export function widgetLanguage(): UiLanguage | null {
  if (!isFramed()) return null;
  const lang = new URLSearchParams(location.search).get('lang');
  return isUiLanguage(lang) ? lang : null;
}

/** Escape pressed on the partner page: the widget asks this frame to do the quick exit. */
export function onPartnerExitRequest(listener: () => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || event.origin !== partnerOrigin()) return;
    if (isExitRequest(event.data)) listener();
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
