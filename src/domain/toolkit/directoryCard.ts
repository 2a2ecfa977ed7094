// The plain-text card a counsellor puts into her message box for the visitor: name, what they
// do, how to reach them, when. Plain text (the visitor page shows text as text) in the chat's
// language; the labels come from the caller, so this stays free of any translation library.
import type { DirectoryEntry } from './directoryEntry.js';
import { foldForSearch } from './snippetSearch.js';

export interface CardLabels {
  phone: string;
  website: string;
  chat: string;
  hours: string;
}

/** English text where there is some, else Dutch. */
export function inLanguage(text: { nl: string; en: string }, language: string): string {
  return language === 'en' && text.en ? text.en : text.nl;
}

export function directoryCard(entry: DirectoryEntry, language: string, labels: CardLabels): string {
  const lines = [entry.name, inLanguage(entry.what, language)];
  if (entry.contact.phone) lines.push(`${labels.phone}: ${entry.contact.phone}`);
  if (entry.contact.website) lines.push(`${labels.website}: ${entry.contact.website}`);
  if (entry.contact.chat && entry.contact.chat !== entry.contact.website) lines.push(`${labels.chat}: ${entry.contact.chat}`);
  const hours = inLanguage(entry.hours, language);
  if (hours) lines.push(`${labels.hours}: ${hours}`);
  return lines.join('\n');
}

/** Entries whose name, description, region, languages or referral codes hold every word typed; name matches first. */
export function searchDirectory(entries: readonly DirectoryEntry[], query: string): DirectoryEntry[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const found = entries.filter((e) => {
    const haystack = foldForSearch(
      [e.name, e.what.nl, e.what.en, e.forWhom.region, e.forWhom.languages.join(' '), e.referralCodes.join(' '), e.contact.phone ?? ''].join(' '),
    );
    return words.every((w) => haystack.includes(w));
  });
  const inName = (e: DirectoryEntry) => (words.every((w) => foldForSearch(e.name).includes(w)) ? 0 : 1);
  return found.sort((a, b) => inName(a) - inName(b));
}

/** Entries that stand for any of the given referral codes (the coding form's chosen options). */
export function entriesForReferrals(entries: readonly DirectoryEntry[], codes: readonly string[]): DirectoryEntry[] {
  return entries.filter((e) => e.referralCodes.some((c) => codes.includes(c)));
}
