// The public settings the visitor page needs: where quick exit goes, which partner sites may
// frame it.
import type { PublicConfig } from '../../src/protocol/staffApi.js';

// Used only if /api/config has not answered yet when she presses quick exit.
const fallbackQuickExitUrl = 'https://www.google.com/search?q=weer';
let quickExitUrl = fallbackQuickExitUrl;
let retentionDays = 30;
let disguiseTitle: string | null = null;
let partnerOrigins: readonly string[] = [];
const listeners = new Set<() => void>();
let settled: () => void = () => {};
const loaded = new Promise<void>((resolve) => (settled = resolve));

export async function loadConfig(): Promise<void> {
  try {
    const res = await fetch('/api/config', { cache: 'no-store', credentials: 'omit' });
    if (!res.ok) return;
    const config = (await res.json()) as PublicConfig & { disguiseTitle?: unknown };
    if (Number.isInteger(config.retentionDays) && config.retentionDays > 0) retentionDays = config.retentionDays;
    if (typeof config.quickExitUrl === 'string' && /^https?:\/\//.test(config.quickExitUrl)) quickExitUrl = config.quickExitUrl;
    if (Array.isArray(config.partnerOrigins)) partnerOrigins = config.partnerOrigins.filter((o) => typeof o === 'string');
    if (typeof config.disguiseTitle === 'string' && config.disguiseTitle.trim()) disguiseTitle = config.disguiseTitle.trim();
    for (const l of listeners) l();
  } catch {
    // keep the fallback
  } finally {
    settled();
  }
}

/** Resolves once /api/config has answered (or failed). */
export function whenConfigLoaded(): Promise<void> {
  return loaded;
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

/** Origins of the partner sites whose widget may show this page in a frame. */
export function getPartnerOrigins(): readonly string[] {
  return partnerOrigins;
}

export function onConfigLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
