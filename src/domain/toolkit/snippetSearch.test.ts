import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchSnippets, slashQuery } from './snippetSearch.js';
import { directoryCard, searchDirectory } from './directoryCard.js';
import { directoryContentSchema } from './directoryEntry.js';
import { starterDirectory } from './starterDirectory.js';
import type { Snippet } from './snippet.js';
import { starterSnippets } from './starterSnippets.js';
import { defaultCodebook } from '../codebook/defaultCodebook.js';

const snippets: Snippet[] = starterSnippets.map((s, i) => ({ ...s, id: `s${i}`, useCount: 0, updatedAt: 0 }));

describe('slashQuery', () => {
  it('is a search only when the box starts with a slash, on one line', () => {
    expect(slashQuery('/vei')).toBe('vei');
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('hoi /vei')).toBeNull();
    expect(slashQuery('/vei\nhoi')).toBeNull();
    expect(slashQuery('/veilig nu', 4)).toBe('vei');
  });

  it('never finds a query in a draft that does not start with a slash', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!s.startsWith('/'));
        expect(slashQuery(s)).toBeNull();
      }),
    );
  });
});

describe('matchSnippets', () => {
  it('finds the safety question in the chat language first, ignoring case and accents', () => {
    expect(matchSnippets(snippets, 'vei', 'nl')[0]!.title).toBe('Ben je nu veilig?');
    expect(matchSnippets(snippets, 'VEÍL', 'nl')[0]!.title).toBe('Ben je nu veilig?');
    expect(matchSnippets(snippets, 'safe', 'en')[0]!.title).toBe('Are you safe now?');
    // Words in any order, from title, topic and text.
    expect(matchSnippets(snippets, 'anoniem naam', 'nl').map((s) => s.title)).toEqual(['Anoniem chatten']);
  });

  it('lists everything for an empty query, her language first, the most used first within it', () => {
    const used = snippets.map((s) => (s.title === 'Afsluiten' ? { ...s, useCount: 9 } : s));
    const all = matchSnippets(used, '', 'nl', 100);
    expect(all).toHaveLength(snippets.length);
    expect(all[0]!.title).toBe('Afsluiten');
    expect(all.slice(0, 4).every((s) => s.language === 'nl')).toBe(true);
  });

  it('only ever returns snippets that hold every word typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.constantFrom('nl', 'en'), (query, language) => {
        for (const s of matchSnippets(snippets, query, language, 100)) {
          const text = `${s.title} ${s.topic} ${s.body}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
          for (const w of query.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).filter(Boolean)) expect(text).toContain(w);
        }
      }),
    );
  });
});

describe('directory card and search', () => {
  const entries = starterDirectory.map((e, i) => ({ id: `d${i}`, updatedAt: 0, ...directoryContentSchema.parse(e) }));
  const labels = { phone: 'Bellen', website: 'Website', chat: 'Chat', hours: 'Wanneer' };

  it('writes a plain-text card with name, what, how to reach and when', () => {
    const vt = entries.find((e) => e.name === 'Veilig Thuis')!;
    expect(directoryCard(vt, 'nl', labels)).toBe(
      ['Veilig Thuis', vt.what.nl, 'Bellen: 0800-2000', 'Website: https://www.veiligthuis.nl', 'Wanneer: Altijd, dag en nacht'].join('\n'),
    );
    expect(directoryCard(vt, 'en', { ...labels, phone: 'Call', hours: 'When' })).toContain('When: Always, day and night');
  });

  it('searches by name, what they do and referral code', () => {
    // Jeugdbescherming mentions Veilig Thuis; the one named so comes first.
    expect(searchDirectory(entries, 'veilig').map((e) => e.name)).toEqual(['Veilig Thuis', 'Jeugdbescherming']);
    expect(searchDirectory(entries, 'foto').map((e) => e.name)).toEqual(['Helpwanted.nl']);
    expect(searchDirectory(entries, 'youth_protection').map((e) => e.name)).toEqual(['Jeugdbescherming']);
    expect(searchDirectory(entries, '')).toHaveLength(entries.length);
  });
});

describe('the starter directory and the coding form', () => {
  it('links every shipped organisation to a referral option that the coding form has', () => {
    const actions = defaultCodebook.fields.find((f) => f.id === 'actions');
    const codes = actions && actions.kind === 'multi' ? actions.options.map((o) => o.code) : [];
    for (const entry of starterDirectory) {
      expect(entry.referralCodes?.length, entry.name).toBeGreaterThan(0);
      for (const code of entry.referralCodes ?? []) expect(codes, `${entry.name}: ${code}`).toContain(code);
    }
  });
});
