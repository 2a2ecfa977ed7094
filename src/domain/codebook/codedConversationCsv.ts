import type { Codebook, CodebookField } from './codebookSchema.js';
import type { CodedConversation } from './codedConversation.js';
import type { CodingValue } from './codingValue.js';
import { isEmptyValue, UNKNOWN } from './codingValue.js';
import { parseCsv, serializeCsv } from './csvRfc4180.js';
import { validateCoding } from './validateCoding.js';

// The documented exchange format (docs/coded-data-format.md): one row per conversation,
// fixed metadata columns followed by one column per codebook field.

export const CSV_METADATA_COLUMNS = ['conversation_id', 'visitor_key', 'closed_at', 'codebook_version'] as const;
export const MULTI_VALUE_SEPARATOR = '|';

export interface CodedDataIssue {
  /** 1-based CSV record number (the header is record 1); 0 for whole-file issues. */
  readonly row: number;
  /** Column name, or "" when the issue concerns the whole row or file. */
  readonly column: string;
  readonly message: string;
}

export interface CodedDataImport {
  /** Only rows without issues; a row with any issue is left out entirely. */
  readonly conversations: CodedConversation[];
  readonly issues: CodedDataIssue[];
}

export interface ImportOptions {
  /** Also check each coding against the codebook's conditions and required fields (default true). */
  readonly validate?: boolean;
}

export function csvHeader(codebook: Codebook): string[] {
  return [...CSV_METADATA_COLUMNS, ...codebook.fields.map((f) => f.id)];
}

export function encodeFieldValue(field: CodebookField, value: CodingValue | null | undefined): string {
  if (isEmptyValue(value)) return '';
  if (value === UNKNOWN) return UNKNOWN;
  if (Array.isArray(value)) return value.join(MULTI_VALUE_SEPARATOR);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  void field;
  return String(value);
}

/** Decodes one cell; returns an error message instead of throwing. Empty means "not coded". */
export function decodeFieldValue(field: CodebookField, cell: string): { value?: CodingValue; error?: string } {
  const text = cell.trim();
  if (text === '') return {};
  if (text === UNKNOWN) return { value: field.kind === 'multi' ? [UNKNOWN] : UNKNOWN };
  switch (field.kind) {
    case 'single':
      return { value: text };
    case 'multi':
      return { value: text.split(MULTI_VALUE_SEPARATOR).map((s) => s.trim()) };
    case 'boolean':
      if (text === 'yes') return { value: true };
      if (text === 'no') return { value: false };
      return { error: `expected "yes", "no" or "unknown", got "${text}"` };
    case 'integer':
      if (!/^-?\d+$/.test(text)) return { error: `expected a whole number, got "${text}"` };
      return { value: Number(text) };
  }
}

export function exportCodedConversationsCsv(codebook: Codebook, conversations: readonly CodedConversation[]): string {
  const rows: string[][] = [csvHeader(codebook)];
  for (const c of conversations) {
    rows.push([
      c.conversationId,
      c.visitorKey ?? '',
      new Date(c.closedAt).toISOString(),
      c.codebookVersion,
      ...codebook.fields.map((f) => encodeFieldValue(f, c.values[f.id])),
    ]);
  }
  return serializeCsv(rows);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function importCodedConversationsCsv(codebook: Codebook, text: string, options: ImportOptions = {}): CodedDataImport {
  const issues: CodedDataIssue[] = [];
  const conversations: CodedConversation[] = [];
  if (typeof text !== 'string') return { conversations, issues: [{ row: 0, column: '', message: 'input is not text' }] };
  const parsed = parseCsv(text);
  for (const issue of parsed.issues) issues.push({ row: issue.record, column: '', message: issue.message });
  const [header, ...body] = parsed.records;
  if (header === undefined || (header.length === 1 && header[0] === '')) {
    issues.push({ row: 0, column: '', message: 'the file is empty; expected a header row' });
    return { conversations, issues };
  }
  const columns = header.map((h) => h.trim());
  for (const required of ['conversation_id', 'closed_at', 'codebook_version']) {
    if (!columns.includes(required)) issues.push({ row: 1, column: required, message: `missing required column "${required}"` });
  }
  const fieldsById = new Map(codebook.fields.map((f) => [f.id, f]));
  const known = new Set<string>([...CSV_METADATA_COLUMNS, ...fieldsById.keys()]);
  const seenColumns = new Set<string>();
  for (const column of columns) {
    if (!known.has(column)) issues.push({ row: 1, column, message: `unknown column "${column}" (not in codebook ${codebook.version})` });
    if (seenColumns.has(column)) issues.push({ row: 1, column, message: `column "${column}" appears twice` });
    seenColumns.add(column);
  }
  if (issues.some((i) => i.row <= 1)) return { conversations, issues };

  const brokenRecords = new Set(parsed.issues.map((i) => i.record));
  const seenIds = new Set<string>();
  body.forEach((record, index) => {
    const row = index + 2;
    if (record.every((cell) => cell.trim() === '')) return; // blank lines are not conversations
    const rowIssues: CodedDataIssue[] = [];
    const add = (column: string, message: string): void => void rowIssues.push({ row, column, message });
    if (brokenRecords.has(row)) add('', 'row has malformed quoting');
    if (record.length !== columns.length) add('', `expected ${columns.length} columns, found ${record.length}`);
    const cell = (column: string): string => (record[columns.indexOf(column)] ?? '').trim();
    const conversationId = cell('conversation_id');
    if (conversationId === '') add('conversation_id', 'conversation_id is empty');
    else if (seenIds.has(conversationId)) add('conversation_id', `duplicate conversation_id "${conversationId}"`);
    seenIds.add(conversationId);
    const closedAtText = cell('closed_at');
    const closedAt = ISO_INSTANT.test(closedAtText) ? Date.parse(closedAtText) : Number.NaN;
    if (Number.isNaN(closedAt)) add('closed_at', `expected an ISO 8601 instant such as 2022-03-01T12:00:00.000Z, got "${closedAtText}"`);
    const codebookVersion = cell('codebook_version');
    if (codebookVersion === '') add('codebook_version', 'codebook_version is empty');
    const values: Record<string, CodingValue> = {};
    for (const [columnIndex, column] of columns.entries()) {
      const field = fieldsById.get(column);
      if (field === undefined) continue;
      const decoded = decodeFieldValue(field, record[columnIndex] ?? '');
      if (decoded.error !== undefined) add(column, decoded.error);
      else if (decoded.value !== undefined) values[column] = decoded.value;
    }
    if (options.validate !== false) {
      const undecodable = new Set(rowIssues.map((i) => i.column));
      for (const error of validateCoding(codebook, values).errors) if (!undecodable.has(error.fieldId)) add(error.fieldId, error.message);
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      return;
    }
    const visitorKey = cell('visitor_key');
    conversations.push({
      conversationId,
      ...(visitorKey === '' ? {} : { visitorKey }),
      closedAt,
      codebookVersion,
      values,
    });
  });
  return { conversations, issues };
}
