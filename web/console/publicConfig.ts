// The settings every staff screen follows, not only an administrator's: read from the same
// public /api/config the visitor page uses, so both sides show chat text the same way.
import { useEffect, useSyncExternalStore } from 'react';
import type { PublicConfig } from '../../src/protocol/staffApi.js';
import { api } from './api.js';

let clickableLinks = false;
let requested = false;
const listeners = new Set<() => void>();

/** Fetches the settings again (after an administrator saved them, or on first use). */
export async function refreshPublicConfig(): Promise<void> {
  requested = true;
  try {
    const config = await api<PublicConfig>('GET', '/api/config');
    clickableLinks = config.clickableLinks === true;
    for (const l of listeners) l();
  } catch {
    // keep what we had: links stay plain text
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether web addresses in chat messages are links (an administrator's choice; off by default). */
export function useClickableLinks(): boolean {
  useEffect(() => {
    if (!requested) void refreshPublicConfig();
  }, []);
  return useSyncExternalStore(subscribe, () => clickableLinks);
}
