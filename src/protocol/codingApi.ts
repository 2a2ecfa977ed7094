// HTTP bodies and responses of coding and reports (console ↔ server). The browser imports
// types only (no zod in the console bundle); the server validates with the schemas.
import { z } from 'zod';
import { staffLanguageSchema, type WireMessage } from './common.js';
import type { Codebook } from '../domain/codebook/codebookSchema.js';
import type { CodingValue } from '../domain/codebook/codingValue.js';
import type { PrefillSource } from '../domain/codebook/prefillCoding.js';
import type { FieldAgreement } from '../domain/monitor/agreement.js';
import type { CodingErrorCode } from '../domain/codebook/validateCoding.js';

const codingValueSchema = z.union([z.string().max(60), z.number(), z.boolean(), z.array(z.string().max(60)).max(40), z.null()]);

export const saveCodingRequestSchema = z.object({
  values: z.record(z.string().max(60), codingValueSchema).refine((v) => Object.keys(v).length <= 200, 'too many fields'),
  /** Fields carried from an earlier chat that the counsellor confirmed. */
  confirmedFields: z.array(z.string().max(60)).max(200).default([]),
});
export type SaveCodingRequest = z.input<typeof saveCodingRequestSchema>;

export const assignSampleRequestSchema = z.object({
  coderId: z.string().min(1).max(100),
  size: z.number().int().min(1).max(500),
  year: z.number().int().min(1990).max(2999).optional(),
});
export type AssignSampleRequest = z.infer<typeof assignSampleRequestSchema>;

export const importCodedDataRequestSchema = z.object({
  format: z.enum(['csv', 'json']),
  content: z.string().min(1).max(60 * 1024 * 1024),
  /** Check only: report issues and counts, store nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportCodedDataRequest = z.input<typeof importCodedDataRequestSchema>;

const yearSchema = z.coerce.number().int().min(1990).max(2999);
export const monitorQuerySchema = z
  .object({
    year: yearSchema,
    /** Pooled range for the multi-year tables; default the four years up to `year`. */
    from: yearSchema.optional(),
    to: yearSchema.optional(),
    // Reports are written in the staff languages only, not the visitor's.
    lang: staffLanguageSchema.default('nl'),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined) && (q.from === undefined || q.from <= q.to!), 'give both from and to, from ≤ to');
export const codedDataExportQuerySchema = z
  .object({ format: z.enum(['csv', 'json']).default('csv'), from: yearSchema.optional(), to: yearSchema.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, 'from ≤ to');

/** A field error next to its field; `code` is translated as coding.errors.<code>. */
export interface CodingFieldError {
  fieldId: string;
  code: CodingErrorCode | 'confirm_carried';
  message: string;
}

export interface CodingHistoryDto {
  at: number;
  staffName: string | null;
  kind: 'create' | 'update' | 'import';
  coding: 'primary' | 'second';
  changes: Record<string, [CodingValue | null, CodingValue | null]>;
}

/** The chat's messages beside the coding form (reading them is audited as transcript.view). */
export interface CodingTranscriptResponse {
  messages: WireMessage[];
}

export interface CodingFormResponse {
  codebook: Codebook;
  conversation: { id: string; status: string; nickname: string | null; language: string; endedAt: number | null; closedAt: number | null };
  /** primary: the coding that counts; second: an independent coding for the agreement sample. */
  mode: 'primary' | 'second';
  saved: boolean;
  values: Record<string, CodingValue>;
  sources: Record<string, PrefillSource>;
  toConfirm: string[];
  ageBandHint: string | null;
  updatedAt: number | null;
  history: CodingHistoryDto[];
}

export interface SaveCodingResponse {
  saved: true;
  mode: 'primary' | 'second';
  changedFields: string[];
  status: string;
}

export interface CodingQueueItem {
  conversationId: string;
  kind: 'primary' | 'second';
  nickname: string | null;
  endedAt: number | null;
}

export interface CodingQueueResponse {
  awaiting: CodingQueueItem[];
  recent: { conversationId: string; updatedAt: number; year: number }[];
}

export interface AgreementResponse {
  assigned: number;
  coded: number;
  agreement: FieldAgreement[];
  coders: { id: string; displayName: string; role: string }[];
}

export interface ImportCodedDataResponse {
  dryRun: boolean;
  rows: number;
  inserted: number;
  skippedExisting: number;
  issueCount: number;
  issues: { row: number; column: string; message: string }[];
}
