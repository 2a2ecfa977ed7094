import type { CodingHistoryDto } from '../../../protocol/codingApi.js';
import type { CodingHistoryEntry } from '../../../store/codingRepository.js';

/** History for the form: who changed which fields when (codes only, never message text). */
export function presentHistory(history: readonly CodingHistoryEntry[], names: ReadonlyMap<string, string>): CodingHistoryDto[] {
  return history.map((h) => ({
    at: h.at,
    staffName: h.staffId === null ? null : (names.get(h.staffId) ?? null),
    kind: h.kind,
    coding: h.coding,
    changes: h.changes,
  }));
}

/**
 * A nickname as the coding list shows it: the first letter and an ellipsis ("Roos" → "R…"). The
 * list is for finding the chat to code, not a place to see who she is; the ended time tells
 * chats apart.
 */
export function maskNickname(nickname: string | null): string | null {
  const first = nickname?.trim() ? [...nickname.trim()][0] : undefined;
  return first === undefined ? null : `${first.toUpperCase()}…`;
}
