// Splits chat text into plain parts and web links, for when an administrator allows clickable
// links. Only http and https count: a javascript:, data: or any other address stays text.
// Pure, so the visitor page, the console and the property tests share it. Joining the parts'
// text always gives back the original exactly; nothing is rewritten, fetched or previewed.

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// A candidate runs from the scheme to the first space or character that cannot be in a URL.
// No lookbehind: older iPhones cannot parse it, and the whole page would fail to load.
const candidate = /https?:\/\/[^\s<>"'`{}|\\^]+/gi;
// Punctuation that ends a sentence rather than the address ("zie https://a.nl.").
const trailingPunctuation = /[.,:;!?'"”’»…]$/;
const closerOf: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function findLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(candidate)) {
    const start = match.index;
    // "xhttps://…" is not the start of an address.
    if (start > 0 && /[\p{L}\p{N}_]/u.test(text[start - 1]!)) continue;
    const link = trimEnd(match[0]);
    if (!isWebAddress(link)) continue;
    if (start > plainFrom) parts.push({ kind: 'text', text: text.slice(plainFrom, start) });
    parts.push({ kind: 'link', text: link, href: link });
    plainFrom = start + link.length;
  }
  if (plainFrom < text.length) parts.push({ kind: 'text', text: text.slice(plainFrom) });
  return parts;
}

/** Drops sentence punctuation and closing brackets that have no opening one inside the link. */
function trimEnd(link: string): string {
  for (;;) {
    const last = link.at(-1)!;
    const opener = closerOf[last];
    if (trailingPunctuation.test(last) || (opener !== undefined && count(link, opener) < count(link, last))) link = link.slice(0, -1);
    else return link;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function isWebAddress(link: string): boolean {
  try {
    const url = new URL(link);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
