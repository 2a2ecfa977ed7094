// A snippet: a canned text a counsellor puts into her message box with `/` and then edits.
// Kept per language (the chat's language picks which come first) and grouped by topic.
import { z } from 'zod';

export const snippetLimits = { titleMax: 80, topicMax: 60, bodyMax: 2000 } as const;

/** ISO 639 code of the language the text is written in (nl, en, and any added later). */
export const contentLanguageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, 'a language code such as nl or en');

const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'one line');

export const snippetContentSchema = z.object({
  language: contentLanguageSchema,
  topic: line(snippetLimits.topicMax),
  title: line(snippetLimits.titleMax),
  body: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'required').max(snippetLimits.bodyMax, `at most ${snippetLimits.bodyMax} characters`)),
});
export type SnippetContent = z.infer<typeof snippetContentSchema>;

export interface Snippet extends SnippetContent {
  id: string;
  /** How often a counsellor put it into her message box (one plain counter, nothing per chat). */
  useCount: number;
  updatedAt: number;
}
