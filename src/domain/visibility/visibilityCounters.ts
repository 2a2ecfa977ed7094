// What visibility is measured by: counters per Amsterdam day and source, never per visitor or
// conversation. A source is a referral token, `direct` (no token) or `unknown` (a token that is
// not, or no longer, on the administrator's list: counted so a misprinted poster still shows,
// without storing whatever string a stranger sends).
//
// Deliberately NOT counted per source: the coded outcome (chats with a trafficking question).
// Coding happens after the chat, on the conversation; counting it per source would need the
// source on the conversation row, which links a visitor to where she came from. So per source
// there are only arrivals and chats started; the trafficking figures stay in the monitor's
// other tables, over all sources together.
import { amsterdamLocalTime } from '../schedule/openingHours.js';
import type { HowFoundAnswer } from './howFoundAnswers.js';
import { directSource, unknownSource } from './referralToken.js';

/** The start page was opened with a token (the link, the poster's QR code, or the widget). */
export const arrivalCounter = 'arrival';
/** A chat was started (from the start page opened with this source, or directly). */
export const chatCounter = 'chat';
/** A started chat whose visitor answered "How did you find us?" with this answer. */
export const howFoundCounter = (answer: HowFoundAnswer): string => `found:${answer}`;

export type VisibilityCounter = typeof arrivalCounter | typeof chatCounter | `found:${HowFoundAnswer}`;

export interface VisibilityCount {
  /** Amsterdam calendar date, YYYY-MM-DD. */
  readonly day: string;
  readonly source: string;
  readonly counter: string;
  readonly count: number;
}

/** The Amsterdam calendar date of an instant, YYYY-MM-DD: a day ends at local midnight. */
export function amsterdamDay(ms: number): string {
  const t = amsterdamLocalTime(ms);
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** Which source to count: the known token, `unknown` for any other given token, `direct` for none. */
export function countedSource(token: string | null | undefined, known: (token: string) => boolean): string {
  if (token === null || token === undefined || token === '') return directSource;
  return known(token) ? token : unknownSource;
}

export interface SourceTotals {
  readonly source: string;
  readonly arrivals: number;
  readonly chats: number;
  readonly howFound: Readonly<Partial<Record<HowFoundAnswer, number>>>;
}

/** Sums day rows into one line per source (sources in order of arrivals, then chats, then name). */
export function totalsBySource(rows: readonly VisibilityCount[]): SourceTotals[] {
  const bySource = new Map<string, { arrivals: number; chats: number; howFound: Partial<Record<HowFoundAnswer, number>> }>();
  for (const row of rows) {
    const entry = bySource.get(row.source) ?? { arrivals: 0, chats: 0, howFound: {} };
    if (row.counter === arrivalCounter) entry.arrivals += row.count;
    else if (row.counter === chatCounter) entry.chats += row.count;
    else if (row.counter.startsWith('found:')) {
      const answer = row.counter.slice('found:'.length) as HowFoundAnswer;
      entry.howFound[answer] = (entry.howFound[answer] ?? 0) + row.count;
    }
    bySource.set(row.source, entry);
  }
  return [...bySource]
    .map(([source, e]) => ({ source, ...e }))
    .sort((a, b) => b.arrivals - a.arrivals || b.chats - a.chats || a.source.localeCompare(b.source));
}
