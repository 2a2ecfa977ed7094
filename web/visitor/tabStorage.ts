// The only thing a visitor's browser keeps: in sessionStorage (this tab only, gone when the
// tab closes) the token that re-attaches a reload to her chat, and the language she chose.
// No cookies, no localStorage, no IndexedDB, no service worker.
import { isVisitorLanguage, type VisitorLanguage } from '../common/i18n.js';

const key = 'baken';

export interface TabState {
  token: string;
  language: VisitorLanguage;
}

export function readTabState(): TabState | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<TabState>;
    if (typeof parsed.token !== 'string' || parsed.token.length < 20) return null;
    return { token: parsed.token, language: isVisitorLanguage(parsed.language) ? parsed.language : 'nl' };
  } catch {
    return null;
  }
}

export function writeTabState(state: TabState): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(state));
  } catch {
    // Storage can be disabled; the chat still works, only a reload loses it.
  }
}

export function clearTabState(): void {
  try {
    sessionStorage.clear();
  } catch {
    // nothing to clear
  }
}
