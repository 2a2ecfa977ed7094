import { z } from 'zod';
import type { Codebook } from './codebookSchema.js';
import type { CodedConversation } from './codedConversation.js';
import type { CodedDataImport, CodedDataIssue, ImportOptions } from './codedConversationCsv.js';
import { validateCoding } from './validateCoding.js';

export const CODED_DATA_FORMAT = 'baken-coded-conversations';
export const CODED_DATA_FORMAT_VERSION = 1;

const valueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
const conversationSchema = z.object({
  conversationId: z.string().min(1),
  visitorKey: z.string().min(1).optional(),
  closedAt: z.iso.datetime({ offset: true }),
  codebookVersion: z.string().min(1),
  values: z.record(z.string(), valueSchema),
});
const documentSchema = z.object({
  format: z.literal(CODED_DATA_FORMAT),
  formatVersion: z.literal(CODED_DATA_FORMAT_VERSION),
  conversations: z.array(z.unknown()),
});

export function exportCodedConversationsJson(codebook: Codebook, conversations: readonly CodedConversation[]): string {
  return JSON.stringify(
    {
      format: CODED_DATA_FORMAT,
      formatVersion: CODED_DATA_FORMAT_VERSION,
      codebook: { id: codebook.id, version: codebook.version },
      conversations: conversations.map((c) => ({
        conversationId: c.conversationId,
        ...(c.visitorKey === undefined ? {} : { visitorKey: c.visitorKey }),
        closedAt: new Date(c.closedAt).toISOString(),
        codebookVersion: c.codebookVersion,
        values: c.values,
      })),
    },
    null,
    2,
  );
}

/** Never throws: bad JSON or bad entries become issues; "row" is the 1-based entry index. */
export function importCodedConversationsJson(codebook: Codebook, text: string, options: ImportOptions = {}): CodedDataImport {
  const issues: CodedDataIssue[] = [];
  const conversations: CodedConversation[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { conversations, issues: [{ row: 0, column: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const document = documentSchema.safeParse(raw);
  if (!document.success) {
    return { conversations, issues: [{ row: 0, column: '', message: `not a ${CODED_DATA_FORMAT} v${CODED_DATA_FORMAT_VERSION} document: ${z.prettifyError(document.error)}` }] };
  }
  const seenIds = new Set<string>();
  document.data.conversations.forEach((entry, index) => {
    const row = index + 1;
    const parsed = conversationSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ row, column: issue.path.join('.'), message: issue.message });
      return;
    }
    const c = parsed.data;
    const values = Object.fromEntries(Object.entries(c.values).filter(([, v]) => v !== null));
    const rowIssues: CodedDataIssue[] = [];
    if (seenIds.has(c.conversationId)) rowIssues.push({ row, column: 'conversationId', message: `duplicate conversationId "${c.conversationId}"` });
    seenIds.add(c.conversationId);
    if (options.validate !== false) {
      for (const error of validateCoding(codebook, values).errors) rowIssues.push({ row, column: error.fieldId, message: error.message });
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      return;
    }
    conversations.push({
      conversationId: c.conversationId,
      ...(c.visitorKey === undefined ? {} : { visitorKey: c.visitorKey }),
      closedAt: Date.parse(c.closedAt),
      codebookVersion: c.codebookVersion,
      values: values as CodedConversation['values'],
    });
  });
  return { conversations, issues };
}
