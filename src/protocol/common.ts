import { z } from 'zod';
import { limits } from './limits.js';
import { visitorLanguages, type VisitorLanguage } from './languageInfo.js';
import { fitsVisibleLength, utf8Bytes } from './visibleText.js';
import type { StoredMessage } from '../domain/conversation/messageLog.js';
import type { ConversationStatus, EndReason } from '../domain/conversation/conversationLifecycle.js';

/** A visitor's language (src/protocol/languageInfo.ts); the console speaks only nl and en. */
export const languages = visitorLanguages;
export type Language = VisitorLanguage;
export const languageSchema = z.enum(visitorLanguages);
/** The languages staff pages and reports are written in. */
export const staffLanguages = ['nl', 'en'] as const;
export const staffLanguageSchema = z.enum(staffLanguages);

// Chosen by the client so that a resend after a lost ack is recognised and stored once.
export const clientIdSchema = z
  .string()
  .min(8)
  .max(limits.clientIdMaxChars)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

export const messageBodySchema = z
  .string()
  .max(limits.messageMaxBytes, 'message too long')
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'empty message')
      .refine((s) => utf8Bytes(s) <= limits.messageMaxBytes, { message: 'message too long', params: { tooBig: true } })
      .refine((s) => fitsVisibleLength(s, limits.messageMaxChars), { message: 'message too long', params: { tooBig: true } }),
  );

export const seqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const idSchema = z.string().min(1).max(64);

export type WireMessage = StoredMessage;

export interface TypingEvent {
  conversationId: string;
  typing: boolean;
}

export type { ConversationStatus, EndReason };
