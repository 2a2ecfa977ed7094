// Finding snippets as she types: a message box that starts with `/` is a search, the rest of
// the text up to the caret is the query. Matching ignores case and accents, every word of the
// query must occur somewhere (title, topic or text), and the chat's own language comes first.
import type { Snippet } from './snippet.js';

/** The query when the draft is a snippet search (`/` as its first character), else null. */
export function slashQuery(draft: string, caret = draft.length): string | null {
  if (!draft.startsWith('/')) return null;
  const typed = draft.slice(1, Math.max(1, caret));
  // A second line means she is writing a message that happens to start with a slash.
  if (typed.includes('\n') || typed.length > 60) return null;
  return typed;
}

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchSnippets(snippets: readonly Snippet[], query: string, language: string, max = 8): Snippet[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const scored: { snippet: Snippet; score: number }[] = [];
  for (const snippet of snippets) {
    const title = foldForSearch(snippet.title);
    const haystack = `${title} ${foldForSearch(snippet.topic)} ${foldForSearch(snippet.body)}`;
    if (!words.every((w) => haystack.includes(w))) continue;
    // Her language first, then titles that start with what she typed, then the most used.
    const score = (snippet.language === language ? 4 : 0) + (words.length > 0 && title.startsWith(words[0]!) ? 2 : 0) + (words.every((w) => title.includes(w)) ? 1 : 0);
    scored.push({ snippet, score });
  }
  scored.sort((a, b) => b.score - a.score || b.snippet.useCount - a.snippet.useCount || a.snippet.title.localeCompare(b.snippet.title));
  return scored.slice(0, max).map((s) => s.snippet);
}
