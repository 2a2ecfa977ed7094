// HTTP bodies and responses of continuity for a returning visitor (console ↔ server).
import { z } from 'zod';
import type { LocalizedText } from '../domain/codebook/codebookSchema.js';
import type { WireMessage } from './common.js';
import { caseSummaryMaxChars, earlierChatReasons } from './caseworkLimits.js';

export const saveCaseSummaryRequestSchema = z.object({
  body: z.string().trim().min(1).max(caseSummaryMaxChars),
  /** The version she edited (updatedAt she saw; null for a new summary): a colleague's newer edit is not overwritten. */
  baseUpdatedAt: z.number().int().nonnegative().nullable(),
});
export type SaveCaseSummaryRequest = z.infer<typeof saveCaseSummaryRequestSchema>;

export const openEarlierChatRequestSchema = z.object({ reason: z.enum(earlierChatReasons) });
export type OpenEarlierChatRequest = z.infer<typeof openEarlierChatRequestSchema>;

export interface EarlierChatView {
  id: string;
  createdAt: number;
  counsellorName: string | null;
  topics: LocalizedText[];
  /** Retention (or she herself) deleted its transcript. */
  purged: boolean;
}

export interface ContinuityResponse {
  /** She came back with a return code (her chats share a visitor key). */
  returning: boolean;
  /** Whether a summary can be kept (she has a return code). */
  canKeepSummary: boolean;
  summary: { body: string; updatedByName: string; updatedAt: number } | null;
  earlierChats: EarlierChatView[];
}

export interface EarlierTranscriptResponse {
  conversationId: string;
  createdAt: number;
  messages: WireMessage[];
}
