// The wire protocol between the visitor page and the server (Socket.IO namespace /visitor).
// Payloads from the browser are validated with these schemas on the server; the browser
// uses the same types, so the two ends cannot drift apart.
import { z } from 'zod';
import type { AckCallback } from './ack.js';
import { clientIdSchema, languageSchema, messageBodySchema, seqSchema } from './common.js';
import type { ConversationStatus, EndReason, TypingEvent, WireMessage } from './common.js';
import { limits } from './limits.js';
import { checkNickname } from './visibleText.js';
import { preChatAnswersSchema } from '../domain/triage/preChatAnswers.js';
import type { WaitEstimate } from '../domain/queue/waitEstimate.js';
import { howFoundAnswers } from '../domain/visibility/howFoundAnswers.js';
import { referralTokenMaxLength } from '../domain/visibility/referralToken.js';

export const visitorNamespace = '/visitor';

export const startChatSchema = z.object({
  nickname: z
    .string()
    .max(limits.nicknameMaxChars * 8)
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const checked = checkNickname(s, limits.nicknameMaxChars);
      if (checked.ok) return checked.nickname;
      ctx.addIssue({
        code: 'custom',
        message: checked.reason === 'invisible' ? 'a nickname needs at least one letter, digit or sign you can see' : `a nickname has at most ${limits.nicknameMaxChars} characters`,
      });
      return z.NEVER;
    }),
  language: languageSchema,
  preChat: preChatAnswersSchema.optional(),
  /** A return code from an earlier chat: continue with the same counsellor where possible. */
  returnCode: z.string().trim().max(20).optional(),
  /**
   * The referral token her start page was opened with, held in the page's memory only. Counted
   * per day and source when the chat starts, never stored with the chat.
   */
  via: z.string().max(referralTokenMaxLength * 4).optional(),
  /** Her answer to "How did you find us?", when the administrator asks it; counted the same way. */
  howFound: z.enum(howFoundAnswers).optional(),
});
export type StartChatRequest = z.input<typeof startChatSchema>;

/** POST /api/visitor/history/delete: she deletes all her chats with her return code. */
export const deleteHistoryRequestSchema = z.object({ returnCode: z.string().trim().min(1).max(20) });
export type DeleteHistoryRequest = z.infer<typeof deleteHistoryRequestSchema>;
export interface DeleteHistoryResponse {
  /** How many chats had their messages deleted. */
  conversations: number;
}

export const visitorResumeSchema = z.object({ afterSeq: seqSchema });
export const visitorSendSchema = z.object({ clientId: clientIdSchema, body: messageBodySchema });
export const visitorTypingSchema = z.object({ typing: z.boolean() });
export const visitorEndSchema = z.object({ reason: z.enum(['visitor', 'quick_exit']) });

/** What a visitor may know of her own conversation: never staff ids, notes or triage. */
export interface VisitorConversationView {
  id: string;
  status: ConversationStatus;
  nickname: string | null;
  counsellorName: string | null;
  endReason: EndReason | null;
  lastSeq: number;
  /** Back in the queue after a counsellor had it (a transfer, a lost connection): a colleague is coming. */
  handover: boolean;
}

/** Where she is in the queue and an honest estimate, pushed while she waits. */
export interface QueueStatus {
  position: number;
  estimate: WaitEstimate;
  busy: boolean;
}

export interface VisitorChatSnapshot {
  conversation: VisitorConversationView;
  messages: WireMessage[];
}

export interface VisitorClientToServer {
  'chat:start': (req: StartChatRequest, ack: AckCallback<VisitorChatSnapshot & { token: string }>) => void;
  'chat:resume': (req: z.input<typeof visitorResumeSchema>, ack: AckCallback<VisitorChatSnapshot>) => void;
  'message:send': (req: z.input<typeof visitorSendSchema>, ack: AckCallback<{ message: WireMessage }>) => void;
  typing: (req: z.input<typeof visitorTypingSchema>) => void;
  'chat:end': (req: z.input<typeof visitorEndSchema>, ack: AckCallback<{ conversation: VisitorConversationView }>) => void;
  /** A short code to write down; with it she can come back to her history and counsellor. */
  'returnCode:create': (ack: AckCallback<{ code: string }>) => void;
}

export interface VisitorServerToClient {
  message: (message: WireMessage) => void;
  'chat:state': (conversation: VisitorConversationView) => void;
  typing: (event: TypingEvent) => void;
  'chat:queue': (status: QueueStatus) => void;
}

/** Handshake: `auth: { token }` to reattach to an existing conversation after a reload. */
export const visitorHandshakeSchema = z.object({ token: z.string().min(20).max(100).optional() });

/** GET /api/service: whether she can chat now, and who else can help. */
export interface ServiceStatus {
  open: boolean;
  /** When the chat opens next (ms since epoch), if closed and known. */
  nextOpensAt: number | null;
  busy: boolean;
  queueFull: boolean;
  /** Ask the optional "How did you find us?" before the chat (an administrator's choice). */
  askHowFound: boolean;
  alternatives: { name: string; phone?: string | undefined; url?: string | undefined; description?: string | undefined }[];
}

