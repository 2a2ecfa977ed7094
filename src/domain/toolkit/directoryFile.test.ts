// The directory file parser: any text at all gets an answer (never a throw), a file we wrote
// reads back to the same entries, and one bad entry anywhere refuses the whole file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIRECTORY_FORMAT, DIRECTORY_FORMAT_VERSION, directoryFileMaxChars, exportDirectoryFile, parseDirectoryFile } from './directoryFile.js';
import { directoryContentSchema, type DirectoryEntry } from './directoryEntry.js';
import { starterDirectory } from './starterDirectory.js';

const oneLine = (max: number) => fc.string({ minLength: 1, maxLength: max }).map((s) => s.replace(/[\r\n]/g, ' ').trim()).filter((s) => s.length > 0);
const phone = fc.stringMatching(/^[0-9+][0-9]{1,6}( [0-9]{1,6})?$/);
const website = fc.domain().map((d) => `https://${d}/`);

const entryArbitrary: fc.Arbitrary<DirectoryEntry> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    name: oneLine(120),
    what: fc.record({ nl: oneLine(600), en: fc.constantFrom('', 'Help for young people.') }),
    ageMin: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    span: fc.integer({ min: 0, max: 60 }),
    region: fc.constantFrom('', 'Heel Nederland', 'Zwolle'),
    languages: fc.subarray(['nl', 'en', 'ar', 'tr']),
    phone: fc.option(phone, { nil: null }),
    website: fc.option(website, { nil: null }),
    chat: fc.option(website, { nil: null }),
    hours: fc.record({ nl: oneLine(300), en: fc.constant('') }),
    referralCodes: fc.subarray(['police', 'veilig_thuis', 'medical', 'other_referral']),
    checkBeforeUse: fc.boolean(),
  })
  .map((r) => ({
    id: r.id,
    name: r.name,
    what: r.what,
    forWhom: { ageMin: r.ageMin, ageMax: r.ageMin === null ? null : Math.min(120, r.ageMin + r.span), region: r.region, languages: r.languages },
    contact: { phone: r.phone, website: r.website, chat: r.chat },
    hours: r.hours,
    referralCodes: r.referralCodes,
    checkBeforeUse: r.checkBeforeUse,
    updatedAt: 0,
  }));

const file = (entries: unknown[]) => JSON.stringify({ format: DIRECTORY_FORMAT, formatVersion: DIRECTORY_FORMAT_VERSION, entries });

describe('parseDirectoryFile', () => {
  it('answers any text without throwing, and refuses what is not a directory file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => file([v]))), (text) => {
        const result = parseDirectoryFile(text);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
        else expect(Array.isArray(result.entries)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back exactly the entries it exported', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entryArbitrary, { selector: (e) => e.id, maxLength: 8 }), (entries) => {
        const result = parseDirectoryFile(exportDirectoryFile(entries));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
        expect(result.entries.map((e) => e.content)).toEqual(entries.map(({ id: _id, updatedAt: _u, ...content }) => content));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the whole file when any one entry is bad, and says where', () => {
    const breakers: ((e: Record<string, unknown>) => unknown)[] = [
      (e) => ({ ...e, name: '' }),
      (e) => ({ ...e, contact: { website: 'javascript:alert(1)' } }),
      (e) => ({ ...e, forWhom: { ageMin: 30, ageMax: 10 } }),
      (e) => ({ ...e, id: 'not-a-uuid' }),
      () => 'just text',
    ];
    fc.assert(
      fc.property(fc.uniqueArray(entryArbitrary, { selector: (e) => e.id, minLength: 1, maxLength: 6 }), fc.nat(), fc.integer({ min: 0, max: breakers.length - 1 }), (entries, at, which) => {
        const raw = entries.map(({ updatedAt: _u, ...e }) => e as Record<string, unknown>);
        const index = at % raw.length;
        raw[index] = breakers[which]!(raw[index]!) as Record<string, unknown>;
        const result = parseDirectoryFile(file(raw));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues.every((i) => i.path.startsWith(`entries.${index}`))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a file in which an id occurs twice, a wrong format, and a file that is too large', () => {
    const [a] = fc.sample(entryArbitrary, 1);
    const { updatedAt: _u, ...entry } = a!;
    expect(parseDirectoryFile(file([entry, entry]))).toEqual({ ok: false, issues: [{ path: 'entries.1.id', message: 'this id occurs twice in the file' }] });
    expect(parseDirectoryFile(JSON.stringify({ format: DIRECTORY_FORMAT, formatVersion: 2, entries: [] }))).toMatchObject({ ok: false, issues: [{ path: 'formatVersion' }] });
    expect(parseDirectoryFile(' '.repeat(directoryFileMaxChars + 1))).toMatchObject({ ok: false, issues: [{ path: '', message: expect.stringContaining('too large') }] });
  });

  it('accepts the shipped starter set, which asks to be checked before use', () => {
    const contents = starterDirectory.map((e) => directoryContentSchema.parse(e));
    const result = parseDirectoryFile(file(contents));
    expect(result.ok).toBe(true);
    expect(contents.every((c) => c.checkBeforeUse)).toBe(true);
  });
});
