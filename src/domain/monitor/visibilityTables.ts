// Visibility in the monitor and the reports area: per source (referral token) how many times the
// start page was opened with it and how many chats started, and how often each answer to "How
// did you find us?" was given. From day counters only, so nothing here is about a person; still
// published through suppressTable like every other table, as a small count for one partner on
// one day could otherwise point at one chat.
//
// What is not here, on purpose: chats with a trafficking question per source. That outcome is
// coded on the conversation after the chat, and the source is never stored with the chat (it
// would link her to where she came from), so the two cannot be joined. See visibilityCounters.ts.
import type { LocalizedText } from '../codebook/codebookSchema.js';
import { buildCountTable } from './buildCountTable.js';
import type { CountTable } from './countTable.js';
import { howFoundAnswers } from '../visibility/howFoundAnswers.js';
import { directSource, unknownSource } from '../visibility/referralToken.js';
import type { SourceTotals } from '../visibility/visibilityCounters.js';

const sourceLabels: Record<string, LocalizedText> = {
  [directSource]: { nl: 'Zonder verwijzing', en: 'No referral' },
  [unknownSource]: { nl: 'Onbekende code', en: 'Unknown token' },
};

const howFoundLabels: Record<(typeof howFoundAnswers)[number], LocalizedText> = {
  search: { nl: 'Zoekmachine', en: 'Search engine' },
  social_media: { nl: 'Sociale media', en: 'Social media' },
  school: { nl: 'School', en: 'School' },
  friend: { nl: 'Vriend of familie', en: 'Friend or family' },
  professional: { nl: 'Hulpverlener', en: 'Counsellor or social worker' },
  poster: { nl: 'Poster of folder', en: 'Poster or leaflet' },
  other: { nl: 'Anders', en: 'Something else' },
};

export const visibilityNote: LocalizedText = {
  nl: 'Geteld per dag en bron, nooit per bezoeker of gesprek. Het aantal gesprekken met een vraag over mensenhandel staat hier niet per bron: dat zou vragen om de bron bij het gesprek te bewaren.',
  en: 'Counted per day and source, never per visitor or conversation. Chats with a question about human trafficking are not given per source: that would need the source to be kept with the conversation.',
};

/**
 * Arrivals → chats per source, and the "How did you find us?" answers; both still to be
 * suppressed. A table without any count is left out (a service that does not use tokens).
 */
export function visibilityTables(totals: readonly SourceTotals[], labels: ReadonlyMap<string, string>, period: string): CountTable[] {
  const sources = totals.filter((t) => t.arrivals > 0 || t.chats > 0);
  const sum = (pick: (t: SourceTotals) => number) => sources.reduce((n, t) => n + pick(t), 0);
  const bySource = buildCountTable({
    id: 'visibility_sources',
    title: { nl: `Zichtbaarheid per bron, ${period}`, en: `Visibility per source, ${period}` },
    population: 'arrivals',
    rows: sources.map((t) => {
      const label = sourceLabels[t.source] ?? (labels.has(t.source) ? { nl: `${labels.get(t.source)} (${t.source})`, en: `${labels.get(t.source)} (${t.source})` } : { nl: t.source, en: t.source });
      return { key: t.source, label };
    }),
    columns: [
      { key: 'arrivals', label: { nl: 'Startpagina geopend', en: 'Start page opened' } },
      { key: 'chats', label: { nl: 'Gesprekken gestart', en: 'Chats started' } },
    ],
    counts: sources.flatMap((t) => [t.arrivals, t.chats]),
    rowsPartition: true,
    columnUnits: [sum((t) => t.arrivals), sum((t) => t.chats)],
    totalColumn: false,
    // Chats per arrival only for a source that has arrivals: direct chats had no start page counted.
    denominator: (row, column) => (column === 'chats' && row !== directSource && row !== 'total' ? [row, 'arrivals'] : null),
  });
  const answered = howFoundAnswers.map((answer) => sum((t) => t.howFound[answer] ?? 0));
  const howFound = buildCountTable({
    id: 'visibility_how_found',
    title: { nl: `Hoe heb je ons gevonden?, ${period}`, en: `How did you find us?, ${period}` },
    population: 'chats',
    rows: howFoundAnswers.map((answer) => ({ key: answer, label: howFoundLabels[answer] })),
    columns: [{ key: 'count', label: { nl: 'Aantal', en: 'Count' } }],
    counts: answered,
    rowsPartition: true,
    columnUnits: [answered.reduce((a, b) => a + b, 0)],
    totalColumn: false,
  });
  return [...(sources.length > 0 ? [bySource] : []), ...(answered.some((n) => n > 0) ? [howFound] : [])];
}
