// Snippets and the referral directory as the console holds them: loaded once, shared by the
// chat panels, the coding form and the management page, and fetched again when a picker or
// panel opens after a while (a supervisor may have changed them meanwhile).
import { useEffect, useSyncExternalStore } from 'react';
import type { DirectoryEntry, DirectoryListResponse, Snippet, SnippetListResponse } from '../../../src/protocol/toolkitApi.js';
import { api } from '../api.js';

type Kind = 'snippets' | 'directory';
interface Slot<T> {
  data: T[] | undefined;
  loadedAt: number;
  loading: Promise<void> | undefined;
  failed: boolean;
}

const slots: { snippets: Slot<Snippet>; directory: Slot<DirectoryEntry> } = {
  snippets: { data: undefined, loadedAt: 0, loading: undefined, failed: false },
  directory: { data: undefined, loadedAt: 0, loading: undefined, failed: false },
};
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const freshForMs = 30_000;

export function loadToolkit(kind: Kind, force = false): Promise<void> {
  const slot = slots[kind];
  if (slot.loading) return slot.loading;
  if (!force && slot.data && Date.now() - slot.loadedAt < freshForMs) return Promise.resolve();
  slot.loading = (async () => {
    try {
      if (kind === 'snippets') slots.snippets.data = (await api<SnippetListResponse>('GET', '/api/snippets')).snippets;
      else slots.directory.data = (await api<DirectoryListResponse>('GET', '/api/directory')).entries;
      slot.loadedAt = Date.now();
      slot.failed = false;
    } catch {
      slot.failed = true;
    } finally {
      slot.loading = undefined;
      notify();
    }
  })();
  return slot.loading;
}

function useSlot<K extends Kind>(kind: K): { data: (typeof slots)[K]['data']; failed: boolean } {
  const data = useSyncExternalStore(subscribe, () => slots[kind].data);
  const failed = useSyncExternalStore(subscribe, () => slots[kind].failed);
  useEffect(() => {
    void loadToolkit(kind);
  }, [kind]);
  return { data, failed };
}

export const useSnippets = () => useSlot('snippets');
export const useDirectory = () => useSlot('directory');
