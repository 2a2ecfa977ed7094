// The public settings the visitor page needs: where quick exit goes, the disguise, links, the
// confidentiality rules, and which partner sites may frame it.
import type { PublicConfig } from '../../src/protocol/staffApi.js';
import { disguiseIcons, type DisguiseIcon } from '../../src/protocol/disguiseIcons.js';
import { isVisitorLanguage, visitorLanguages, type VisitorLanguage } from '../../src/protocol/languageInfo.js';

// Used only if /api/config has not answered yet when she presses quick exit.
const fallbackQuickExitUrl = 'https://www.google.com/search?q=weer';
let quickExitUrl = fallbackQuickExitUrl;
let retentionDays = 30;
let disguiseTitle: string | null = null;
let disguiseIcon: DisguiseIcon = 'baken';
let clickableLinks = false;
let confidentiality: Partial<Record<string, string>> = {};
let partnerOrigins: readonly string[] = [];
/** Until the settings say otherwise, every language is offered. Dutch always is. */
let offered: readonly VisitorLanguage[] = visitorLanguages;
/** The service's own name and logo; only sent when the page is not disguised. */
let branding: { serviceName: string | null; logoUrl: string | null } | null = null;
let loaded = false;
const listeners = new Set<() => void>();
let settled: () => void = () => {};
const answered = new Promise<void>((resolve) => (settled = resolve));

export async function loadConfig(): Promise<void> {
  try {
    const res = await fetch('/api/config', { cache: 'no-store', credentials: 'omit' });
    if (!res.ok) return;
    const config = (await res.json()) as Partial<Record<keyof PublicConfig, unknown>>;
    if (Number.isInteger(config.retentionDays) && (config.retentionDays as number) > 0) retentionDays = config.retentionDays as number;
    if (typeof config.quickExitUrl === 'string' && /^https?:\/\//.test(config.quickExitUrl)) quickExitUrl = config.quickExitUrl;
    if (Array.isArray(config.partnerOrigins)) partnerOrigins = config.partnerOrigins.filter((o): o is string => typeof o === 'string');
    if (typeof config.disguiseTitle === 'string' && config.disguiseTitle.trim()) disguiseTitle = config.disguiseTitle.trim();
    if (disguiseIcons.includes(config.disguiseIcon as DisguiseIcon)) disguiseIcon = config.disguiseIcon as DisguiseIcon;
    clickableLinks = config.clickableLinks === true;
    if (Array.isArray(config.languages)) offered = visitorLanguages.filter((code) => code === 'nl' || (config.languages as unknown[]).includes(code));
    const b = config.branding as { serviceName?: unknown; logoUrl?: unknown } | undefined;
    if (b && typeof b === 'object') {
      branding = {
        serviceName: typeof b.serviceName === 'string' && b.serviceName.trim() ? b.serviceName.trim() : null,
        // Only our own logo address: never an image from elsewhere.
        logoUrl: typeof b.logoUrl === 'string' && b.logoUrl.startsWith('/api/branding/logo') ? b.logoUrl : null,
      };
    }
    if (config.confidentiality && typeof config.confidentiality === 'object') {
      confidentiality = Object.fromEntries(Object.entries(config.confidentiality).filter(([, text]) => typeof text === 'string' && text.trim() !== ''));
    }
    loaded = true;
    for (const l of listeners) l();
  } catch {
    // keep the fallback
  } finally {
    settled();
  }
}

/** Resolves once /api/config has answered (or failed). */
export function whenConfigLoaded(): Promise<void> {
  return answered;
}

export function getQuickExitUrl(): string {
  return quickExitUrl;
}

/** Days a transcript is kept, as the administrator set it (for the privacy page). */
export function getRetentionDays(): number {
  return retentionDays;
}

/** A neutral tab title set by the administrator, or null for the normal one. */
export function getDisguiseTitle(): string | null {
  return disguiseTitle;
}

/** The tab icon the administrator chose ('baken' is the normal one). */
export function getDisguiseIcon(): DisguiseIcon {
  return disguiseIcon;
}

/** Whether web addresses in chat messages are links (an administrator's choice; off by default). */
export function getClickableLinks(): boolean {
  return clickableLinks;
}

/**
 * The administrator's words on when confidentiality is broken, and the language they are in, or
 * null for the standard text. She writes them in Dutch and English only; a visitor reading
 * another language gets her English (else Dutch) words, since they are the service's actual rules.
 */
export function getConfidentialityText(language: string): { text: string; lang: string } | null {
  const lang = [language, ...(language === 'nl' || language === 'en' ? [] : ['en', 'nl'])].find((code) => confidentiality[code]);
  return lang ? { text: confidentiality[lang]!, lang } : null;
}

/** The languages the visitor page offers (the administrator can switch some off). */
export function getOfferedLanguages(): readonly VisitorLanguage[] {
  return offered;
}

export function isOffered(language: string): language is VisitorLanguage {
  return isVisitorLanguage(language) && offered.includes(language);
}

/**
 * Whether the settings have arrived. Until then the page keeps the title and icon the server
 * wrote into it (already disguised when the administrator chose so), rather than guessing.
 */
export function isConfigLoaded(): boolean {
  return loaded;
}

/** The administrator's name and logo for the service, or null (disguised, or not set). */
export function getBranding(): { serviceName: string | null; logoUrl: string | null } | null {
  return branding;
}

/** Origins of the partner sites whose widget may show this page in a frame. */
export function getPartnerOrigins(): readonly string[] {
  return partnerOrigins;
}

export function onConfigLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
