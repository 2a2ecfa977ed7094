import { describe, expect, it } from 'vitest';
import { languageCandidates, languageMatchWindowMs } from './languageMatch.js';

const ola = { id: 'ola', status: 'available', capacity: 2, languages: ['nl', 'pl'] };
const anna = { id: 'anna', status: 'available', capacity: 2, languages: ['nl'] };
const chat = { language: 'pl', enqueuedAt: 1_000 };

describe('languageCandidates', () => {
  it('offers a chat to those who speak its language when one of them has room', () => {
    expect(languageCandidates(chat, [anna, ola], [anna, ola], 1_000).map((c) => c.id)).toEqual(['ola']);
  });

  it('holds it for a minute while a speaker is on duty but full, then offers it to anyone', () => {
    expect(languageCandidates(chat, [anna], [anna, ola], 1_000 + languageMatchWindowMs - 1)).toEqual([]);
    expect(languageCandidates(chat, [anna], [anna, ola], 1_000 + languageMatchWindowMs).map((c) => c.id)).toEqual(['anna']);
  });

  it('does not hold it when no one on duty speaks it, or for a chat with no language', () => {
    const olaAway = { ...ola, status: 'offline' };
    expect(languageCandidates(chat, [anna], [anna, olaAway], 1_000).map((c) => c.id)).toEqual(['anna']);
    expect(languageCandidates({ enqueuedAt: 1_000 }, [anna, ola], [anna, ola], 1_000)).toHaveLength(2);
  });
});
