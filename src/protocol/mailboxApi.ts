// The anonymous mailbox over HTTP: zod schemas for the server, plain types for both ends.
// The visitor page imports only the types (import type), so zod stays out of its bundle.
import { z } from 'zod';
import { languageSchema, messageBodySchema } from './common.js';

/** POST /api/visitor/mailbox/letters: she leaves a letter, with her return code or without one. */
export const leaveLetterRequestSchema = z.object({
  text: messageBodySchema,
  language: languageSchema,
  returnCode: z.string().trim().min(1).max(20).optional(),
});
export type LeaveLetterRequest = z.input<typeof leaveLetterRequestSchema>;
export interface LeaveLetterResponse {
  /** A new return code, or null when she used her own. */
  returnCode: string | null;
  /** "We answer within N working days". */
  answerWithinDays: number;
}

/** POST /api/visitor/mailbox/read: her letters and their answers, only with her code. */
export const readLettersRequestSchema = z.object({ returnCode: z.string().trim().min(1).max(20) });
export type ReadLettersRequest = z.infer<typeof readLettersRequestSchema>;
export interface VisitorLetterDto {
  id: string;
  sentAt: number;
  text: string;
  answer: { text: string; at: number; by: string | null } | null;
}
export interface ReadLettersResponse {
  letters: VisitorLetterDto[];
  answerWithinDays: number;
}

/** POST /api/mailbox/:id/reply */
export const replyLetterRequestSchema = z.object({ text: messageBodySchema });
export type ReplyLetterRequest = z.input<typeof replyLetterRequestSchema>;

export type LetterStatusDto = 'letter_open' | 'letter_claimed' | 'ended' | 'closed';
export interface LetterSummaryDto {
  id: string;
  status: LetterStatusDto;
  language: string;
  createdAt: number;
  claimedBy: string | null;
  claimedByMe: boolean;
}
export interface LetterDto extends LetterSummaryDto {
  messages: { sender: 'visitor' | 'counsellor'; senderName: string | null; body: string; at: number }[];
}
