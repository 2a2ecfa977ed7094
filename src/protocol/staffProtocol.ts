// The wire protocol between the console and the server (Socket.IO namespace /staff).
// The staff socket is authenticated by the session cookie; every event is authorised by role.
import { z } from 'zod';
import type { AckCallback } from './ack.js';
import { clientIdSchema, idSchema, messageBodySchema, seqSchema } from './common.js';
import type { ConversationStatus, EndReason, Language, TypingEvent, WireMessage } from './common.js';

export const staffNamespace = '/staff';

export interface QueueItem {
  conversationId: string;
  nickname: string | null;
  language: Language;
  status: ConversationStatus;
  createdAt: number;
  /** Offered to this counsellor, if any. */
  offeredTo: string | null;
  messageCount: number;
}

export interface StaffConversationView {
  id: string;
  status: ConversationStatus;
  nickname: string | null;
  language: Language;
  counsellorId: string | null;
  counsellorName: string | null;
  createdAt: number;
  acceptedAt: number | null;
  endedAt: number | null;
  endReason: EndReason | null;
  lastSeq: number;
}

export interface StaffChatSnapshot {
  conversation: StaffConversationView;
  messages: WireMessage[];
}

export const conversationRefSchema = z.object({ conversationId: idSchema });
export const staffResumeSchema = z.object({ conversationId: idSchema, afterSeq: seqSchema });
export const staffSendSchema = z.object({ conversationId: idSchema, clientId: clientIdSchema, body: messageBodySchema });
export const staffTypingSchema = z.object({ conversationId: idSchema, typing: z.boolean() });

export interface StaffClientToServer {
  'queue:list': (ack: AckCallback<{ waiting: QueueItem[] }>) => void;
  'conversation:mine': (ack: AckCallback<{ conversations: StaffConversationView[] }>) => void;
  'conversation:accept': (req: z.input<typeof conversationRefSchema>, ack: AckCallback<StaffChatSnapshot>) => void;
  'conversation:resume': (req: z.input<typeof staffResumeSchema>, ack: AckCallback<StaffChatSnapshot>) => void;
  'message:send': (req: z.input<typeof staffSendSchema>, ack: AckCallback<{ message: WireMessage }>) => void;
  typing: (req: z.input<typeof staffTypingSchema>) => void;
  'conversation:end': (req: z.input<typeof conversationRefSchema>, ack: AckCallback<{ conversation: StaffConversationView }>) => void;
}

export interface StaffServerToClient {
  'queue:update': (update: { waiting: QueueItem[] }) => void;
  'conversation:update': (conversation: StaffConversationView) => void;
  message: (message: WireMessage) => void;
  typing: (event: TypingEvent) => void;
  /** The session ended (logout, timeout, account disabled): the console must sign in again. */
  'session:ended': () => void;
}
