// The number in front of the console's title ("(3) Baken console"), set by the chats screen and
// shown by the header's brand name, which owns document.title.
import { useSyncExternalStore } from 'react';

let count = 0;
const listeners = new Set<() => void>();

export function setAttentionCount(next: number): void {
  if (next === count) return;
  count = next;
  for (const l of listeners) l();
}

export function useAttentionCount(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => count,
  );
}
