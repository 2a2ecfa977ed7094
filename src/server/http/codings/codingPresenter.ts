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
