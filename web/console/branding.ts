// The service's name and logo for the console's header and sign-in page (public /api/branding),
// fetched once and again after an administrator changed them.
import { useEffect, useSyncExternalStore } from 'react';
import type { BrandingDto } from '../../src/protocol/brandingApi.js';
import { api } from './api.js';

let branding: BrandingDto = { serviceName: null, logoUrl: null };
let requested = false;
const listeners = new Set<() => void>();

export function setBranding(next: BrandingDto): void {
  branding = next;
  for (const l of listeners) l();
}

export async function refreshBranding(): Promise<void> {
  requested = true;
  try {
    setBranding(await api<BrandingDto>('GET', '/api/branding'));
  } catch {
    // keep what we had: the standard name
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBranding(): BrandingDto {
  useEffect(() => {
    if (!requested) void refreshBranding();
  }, []);
  return useSyncExternalStore(subscribe, () => branding);
}
