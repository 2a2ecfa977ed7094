// The counsellor's toolkit over HTTP: snippets and the referral directory. Shared by the
// console and the server (the visitor page never loads it).
import { z } from 'zod';
import { snippetContentSchema, type Snippet } from '../domain/toolkit/snippet.js';
import { directoryContentSchema, type DirectoryEntry } from '../domain/toolkit/directoryEntry.js';
import { directoryFileMaxChars, type DirectoryFileIssue } from '../domain/toolkit/directoryFile.js';

export const toolkitIdParamsSchema = z.object({ id: z.uuid() });

/** POST /api/snippets, PUT /api/snippets/:id */
export const snippetRequestSchema = snippetContentSchema;
/** POST /api/directory, PUT /api/directory/:id */
export const directoryEntryRequestSchema = directoryContentSchema;
/** POST /api/directory/import: the file's text, checked whole by parseDirectoryFile. */
export const directoryImportRequestSchema = z.object({
  content: z.string().min(1, 'the file is empty').max(directoryFileMaxChars, `the file is too large (at most ${directoryFileMaxChars} characters)`),
});
/** Room for the largest file as JSON text, escaped. */
export const directoryImportBodyLimit = directoryFileMaxChars * 2 + 1024;

export interface SnippetListResponse {
  snippets: Snippet[];
}
export interface DirectoryListResponse {
  entries: DirectoryEntry[];
}
export interface DirectoryImportResponse {
  added: number;
  updated: number;
}
/** 422 answer to an import: nothing was stored. */
export interface DirectoryImportErrorBody {
  error: { code: 'invalid_file'; message: string; issues: DirectoryFileIssue[] };
}

export type { Snippet, DirectoryEntry };
