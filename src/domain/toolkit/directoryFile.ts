// The directory as a JSON file, to move it between installations or edit it elsewhere. An
// import is checked whole before anything is stored: one bad entry and nothing is imported,
// with every problem named by its place in the file.
import { z } from 'zod';
import { holdsNul } from '../text/holdsNul.js';
import { directoryContentSchema, directoryLimits, type DirectoryContent, type DirectoryEntry } from './directoryEntry.js';

export const DIRECTORY_FORMAT = 'baken-directory';
export const DIRECTORY_FORMAT_VERSION = 1;
/** Characters in one file: far more than hundreds of entries need. */
export const directoryFileMaxChars = 400_000;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an id as exported (or leave it out)');

const documentSchema = z.object({
  format: z.literal(DIRECTORY_FORMAT, `"format" must be "${DIRECTORY_FORMAT}"`),
  formatVersion: z.literal(DIRECTORY_FORMAT_VERSION, `"formatVersion" must be ${DIRECTORY_FORMAT_VERSION}`),
  entries: z.array(z.unknown()).max(directoryLimits.maxEntries, `at most ${directoryLimits.maxEntries} entries`),
});

export interface ImportedEntry {
  /** Present: replaces the entry with this id if there is one. Absent: a new entry. */
  id: string | undefined;
  content: DirectoryContent;
}

export interface DirectoryFileIssue {
  /** Where in the file: "entries.3.contact.website", or "" for the file as a whole. */
  path: string;
  message: string;
}

export type DirectoryFileResult = { ok: true; entries: ImportedEntry[] } | { ok: false; issues: DirectoryFileIssue[] };

const maxIssues = 50;

export function parseDirectoryFile(textContent: string): DirectoryFileResult {
  if (textContent.length > directoryFileMaxChars) return { ok: false, issues: [{ path: '', message: `the file is too large (at most ${directoryFileMaxChars} characters)` }] };
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'the file is not valid JSON' }] };
  }
  if (holdsNul(json)) return { ok: false, issues: [{ path: '', message: 'the file holds a NUL character (\\u0000)' }] };
  const document = documentSchema.safeParse(json);
  if (!document.success) return { ok: false, issues: document.error.issues.slice(0, maxIssues).map((i) => ({ path: i.path.join('.'), message: i.message })) };

  const issues: DirectoryFileIssue[] = [];
  const entries: ImportedEntry[] = [];
  const seenIds = new Set<string>();
  document.data.entries.forEach((raw, index) => {
    const where = `entries.${index}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push({ path: where, message: 'an entry must be an object' });
      return;
    }
    const { id, ...rest } = raw as Record<string, unknown>;
    let entryId: string | undefined;
    if (id !== undefined) {
      const checked = uuid.safeParse(id);
      if (!checked.success) issues.push({ path: `${where}.id`, message: checked.error.issues[0]!.message });
      else if (seenIds.has(checked.data)) issues.push({ path: `${where}.id`, message: 'this id occurs twice in the file' });
      else {
        seenIds.add(checked.data);
        entryId = checked.data;
      }
    }
    const content = directoryContentSchema.safeParse(rest);
    if (!content.success) for (const i of content.error.issues) issues.push({ path: [where, ...i.path].join('.'), message: i.message });
    else entries.push({ id: entryId, content: content.data });
  });
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, maxIssues) };
  return { ok: true, entries };
}

export function exportDirectoryFile(entries: readonly DirectoryEntry[]): string {
  return JSON.stringify(
    {
      format: DIRECTORY_FORMAT,
      formatVersion: DIRECTORY_FORMAT_VERSION,
      entries: entries.map(({ updatedAt: _updatedAt, ...entry }) => entry),
    },
    null,
    2,
  );
}
