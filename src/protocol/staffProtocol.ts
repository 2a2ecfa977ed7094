// The wire protocol between the console and the server (Socket.IO namespace /staff).
// The staff socket is authenticated by the session cookie; every event is authorised by role.
import { z } from 'zod';
import type { AckCallback } from './ack.js';
import { clientIdSchema, idSchema, messageBodySchema, seqSchema } from './common.js';
import type { ConversationStatus, EndReason, Language, TypingEvent, WireMessage } from './common.js';
import { warningReasons } from './systemMessages.js';
import type { StaffMessage } from './translation.js';
import { PRIORITIES, type Priority } from '../domain/queue/priority.js';

export const staffNamespace = '/staff';

/** Why triage gave this priority: shown next to every chat so nobody has to guess. */
export interface TriageReasonView {
  ruleId: string;
  category: string;
  /** i18n key of the reason text (console strings `triage.reason.<key>`). */
  reasonKey: string;
  snippet: string | null;
}

export interface QueueItem {
  conversationId: string;
  nickname: string | null;
  language: Language;
  status: ConversationStatus;
  createdAt: number;
  /** When she joined (or re-joined) the queue. */
  enqueuedAt: number;
  priority: Priority;
  reasons: TriageReasonView[];
  /** A supervisor set the priority by hand. */
  priorityOverridden: boolean;
  /** Offered to this counsellor, if any. */
  offeredTo: string | null;
  offeredAt: number | null;
  /** When the offer moves on to someone else (the administrator sets the offer time). */
  offerExpiresAt: number | null;
  messageCount: number;
  /** Returning visitor (return code) who prefers this counsellor. */
  preferredCounsellorId: string | null;
  /** Her tab is gone (closed or no connection): offered to nobody until she is back, or her place lapses. */
  visitorAway: boolean;
}

export const counsellorStatuses = ['available', 'break', 'wrapping_up', 'offline'] as const;
export type CounsellorStatusName = (typeof counsellorStatuses)[number];

export interface CounsellorView {
  id: string;
  displayName: string;
  status: CounsellorStatusName;
  capacity: number;
  activeCount: number;
  offeredCount: number;
  connected: boolean;
}

/**
 * Several chats started from one source (one address, hashed) within a short time: shown to
 * supervisors as one alert, so a flood is seen as a flood. Says nothing of the source itself.
 */
export interface ArrivalBurstAlert {
  alertId: string;
  arrivals: number;
  /** Of those, refused because the source already had its share of waiting chats. */
  refused: number;
  firstAt: number;
  lastAt: number;
  /** The chats it brought into the queue. */
  conversationIds: string[];
}

export interface QueueDiff {
  upserted: QueueItem[];
  removed: string[];
}

export interface DangerAlert {
  conversationId: string;
  /** The priority what she wrote points to (critical: in danger now, 112). */
  priority: Priority;
  reasons: TriageReasonView[];
}

export interface BoardDiff {
  now: number;
  queue?: QueueDiff;
  /** Counsellors whose status or load changed (replace by id). */
  counsellors?: CounsellorView[];
  active?: { upserted: StaffConversationView[]; removed: string[] };
  startedLastHour?: number;
  abandonedLastHour?: number;
  availability?: BoardSnapshot['availability'];
  danger?: DangerAlert;
}

export interface BoardSnapshot {
  now: number;
  queue: QueueItem[];
  counsellors: CounsellorView[];
  active: StaffConversationView[];
  /** Visitors who left before a counsellor came, in the last hour. */
  abandonedLastHour: number;
  startedLastHour: number;
  availability: { open: boolean; reason: 'hours' | 'manual'; busy: boolean; setting: 'auto' | 'open' | 'closed' };
  /** Bursts of arrivals from one source, within the last minutes (this node's view). */
  alerts: ArrivalBurstAlert[];
}

export interface NoteView {
  id: string;
  kind: 'note' | 'whisper' | 'handover';
  body: string;
  author: string;
  createdAt: number;
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
  priority: Priority;
  reasons: TriageReasonView[];
  offeredAt: number | null;
  /** Pre-chat answers she gave (age band, in danger now, topic), if any. */
  preChat: Record<string, string> | null;
  /** Set when a colleague handed this chat over. */
  transferredFrom: string | null;
  returningVisitor: boolean;
}

export interface StaffChatSnapshot {
  conversation: StaffConversationView;
  messages: StaffMessage[];
  notes: NoteView[];
}

export const conversationRefSchema = z.object({ conversationId: idSchema });
export const staffResumeSchema = z.object({ conversationId: idSchema, afterSeq: seqSchema });
export const staffSendSchema = z.object({ conversationId: idSchema, clientId: clientIdSchema, body: messageBodySchema });
export const staffTypingSchema = z.object({ conversationId: idSchema, typing: z.boolean() });
export const setStatusSchema = z.object({ status: z.enum(counsellorStatuses) });
const noteBody = z.string().trim().min(1).max(2000);
export const transferSchema = z.object({ conversationId: idSchema, toCounsellorId: idSchema.optional(), note: noteBody.optional() });
export const setPrioritySchema = z.object({ conversationId: idSchema, priority: z.enum(PRIORITIES) });
export const addNoteSchema = z.object({ conversationId: idSchema, kind: z.enum(['note', 'whisper']), body: noteBody });
export const joinSchema = z.object({ conversationId: idSchema, visible: z.boolean() });
export const warnSchema = z.object({ conversationId: idSchema, reason: z.enum(warningReasons) });

export interface StaffClientToServer {
  'queue:list': (ack: AckCallback<{ waiting: QueueItem[] }>) => void;
  /** Her chats, and her own status as the server has it (after a reload). */
  'conversation:mine': (ack: AckCallback<{ conversations: StaffConversationView[]; status: CounsellorStatusName }>) => void;
  'conversation:accept': (req: z.input<typeof conversationRefSchema>, ack: AckCallback<StaffChatSnapshot>) => void;
  'conversation:resume': (req: z.input<typeof staffResumeSchema>, ack: AckCallback<StaffChatSnapshot>) => void;
  'message:send': (req: z.input<typeof staffSendSchema>, ack: AckCallback<{ message: WireMessage }>) => void;
  typing: (req: z.input<typeof staffTypingSchema>) => void;
  'conversation:end': (req: z.input<typeof conversationRefSchema>, ack: AckCallback<{ conversation: StaffConversationView }>) => void;
  'conversation:decline': (req: z.input<typeof conversationRefSchema>, ack: AckCallback<{ ok: true }>) => void;
  /** "Give me the next chat", whatever the routing mode. */
  'queue:pullNext': (ack: AckCallback<StaffChatSnapshot>) => void;
  'status:set': (req: z.input<typeof setStatusSchema>, ack: AckCallback<{ status: CounsellorStatusName }>) => void;
  /** To a named colleague (as an offer) or, without one, back to the front of the queue. The note is for colleagues only. */
  'conversation:transfer': (req: z.input<typeof transferSchema>, ack: AckCallback<{ ok: true }>) => void;
  /** Supervisor: change the priority; recorded with who and when. */
  'conversation:setPriority': (req: z.input<typeof setPrioritySchema>, ack: AckCallback<{ ok: true }>) => void;
  /** A note for colleagues, or (supervisor) a whisper to the counsellor. The visitor never sees either. */
  'note:add': (req: z.input<typeof addNoteSchema>, ack: AckCallback<{ note: NoteView }>) => void;
  /** Supervisor: read along silently, or join visibly (the visitor is told). */
  'conversation:join': (req: z.input<typeof joinSchema>, ack: AckCallback<StaffChatSnapshot>) => void;
  'board:get': (ack: AckCallback<BoardSnapshot>) => void;
  /** A warning in plain words, shown to the visitor in the chat (abuse, sexual messages, a fake chat, threats). */
  'conversation:warn': (req: z.input<typeof warnSchema>, ack: AckCallback<{ ok: true }>) => void;
  'colleagues:list': (ack: AckCallback<{ counsellors: CounsellorView[] }>) => void;
}

export interface StaffServerToClient {
  /** Supervisors: a burst of arrivals from one source started or grew. */
  'board:alert': (alert: ArrivalBurstAlert) => void;
  /** What changed in the queue since the last diff or `queue:list`: items to add or replace, ids to drop. */
  'queue:diff': (diff: QueueDiff) => void;
  /** An offer made to her (only she receives it); it ends when the queue diff no longer shows it offered to her. */
  offer: (offer: { item: QueueItem }) => void;
  /** Danger seen in what the visitor writes during a chat in progress (her counsellor and the board). */
  danger: (alert: DangerAlert) => void;
  'conversation:update': (conversation: StaffConversationView) => void;
  message: (message: StaffMessage) => void;
  typing: (event: TypingEvent) => void;
  /** The session ended (logout, timeout, account disabled): the console must sign in again. */
  'session:ended': () => void;
  /** Her own status changed (e.g. put on a break after a missed offer). */
  'status:update': (update: { status: CounsellorStatusName; reason: 'missed_offer' | 'set' }) => void;
  note: (event: { conversationId: string; note: NoteView }) => void;
  /** Supervisors: what changed on the board since `board:get` (each part only when it changed). */
  'board:diff': (diff: BoardDiff) => void;
}

