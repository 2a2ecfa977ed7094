// The console's live state: the queue, the chats this counsellor holds, and one socket to
// /staff. A reload or reconnect restores held chats (conversation:mine + conversation:resume).
// Each chat's messages are kept by the pure delivery core (chatSync, proven by the server's
// fuzz test), one state per chat; this class only carries its frames over the shared socket.
import { io, type Socket } from 'socket.io-client';
import { staffCall } from '../../src/protocol/staffCalls.js';
import { retriedBySelf } from '../../src/protocol/socketCalls.js';
import type { ErrorCode } from '../../src/protocol/ack.js';
import type { WireMessage } from '../../src/protocol/common.js';
import type {
  CounsellorStatusName,
  CounsellorView,
  NoteView,
  DangerAlert,
  QueueDiff,
  QueueItem,
  StaffChatSnapshot,
  StaffClientToServer,
  StaffConversationView,
  StaffServerToClient,
  staffNamespace,
} from '../../src/protocol/staffProtocol.js';
import {
  connectedStep,
  disconnectedStep,
  initialChatSync,
  opened,
  received,
  retried,
  typed,
  type ChatSyncState,
  type ClientFrame,
  type SyncStep,
} from '../../src/domain/conversation/chatSync.js';
import type { WarningReason } from '../../src/protocol/systemMessages.js';
import { newClientId } from '../common/ids.js';
import { unreadAfter } from './notices/unreadCount.js';

const namespace: typeof staffNamespace = '/staff';
type StaffSocket = Socket<StaffServerToClient, StaffClientToServer>;
const timeoutMs = 10_000;

export interface HeldChat {
  view: StaffConversationView;
  /** The message log, what is pending or refused (with the reason), and whether this chat is live. */
  sync: ChatSyncState<ErrorCode>;
  unread: number;
  visitorTyping: boolean;
  notes: NoteView[];
  /** Danger triage saw in what she wrote during the chat, until the counsellor has seen it. */
  danger: DangerAlert | null;
}

export interface ConsoleState {
  online: boolean;
  /** The queue in queue order: the list at connect, then kept up to date by diffs. */
  queue: QueueItem[];
  /** Offers made to her, as the server sent them to her alone; gone once the queue says otherwise. */
  offers: QueueItem[];
  chats: Readonly<Record<string, HeldChat>>;
  /** Held chats in the order they were taken. */
  order: readonly string[];
  selected: string | null;
  sessionEnded: boolean;
  error: ErrorCode | null;
  /** Her own status; the server makes her available when she signs in. */
  status: CounsellorStatusName;
  /** She was put on a break because an offer expired: say so kindly until she closes it. */
  missedOffer: boolean;
  /** The chats screen is in front of her (its tab open, the window visible and focused). */
  inView: boolean;
}

const isOpenStatus = (s: StaffConversationView['status']) => s === 'active' || s === 'offered' || s === 'waiting';

const rank: Record<QueueItem['priority'], number> = { critical: 0, high: 1, normal: 2, low: 3 };
/** Priority first, then who has waited longest: the order routing serves them in. */
function inQueueOrder(items: QueueItem[]): QueueItem[] {
  return [...items].sort((a, b) => rank[a.priority] - rank[b.priority] || a.enqueuedAt - b.enqueuedAt || (a.conversationId < b.conversationId ? -1 : 1));
}

export class ConsoleClient {
  private state: ConsoleState = {
    online: false,
    queue: [],
    offers: [],
    chats: {},
    order: [],
    selected: null,
    sessionEnded: false,
    error: null,
    status: 'available',
    missedOffer: false,
    inView: true,
  };
  private listeners = new Set<() => void>();
  private socket: StaffSocket | null = null;
  /** Client ids of sends awaiting their answer: one request per message at a time. */
  private inFlight = new Set<string>();
  /** Per chat, the connection a resume is awaiting an answer on: one resume per chat at a time. */
  private resumingOn = new Map<string, number>();
  private connection = 0;
  private typingSent = new Map<string, boolean>();
  private typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private visitorTypingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly staffId: string) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getState = () => this.state;

  connect(): void {
    if (this.socket) return;
    const socket: StaffSocket = io(namespace, { withCredentials: true, reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    this.socket = socket;
    socket.on('connect', () => {
      this.connection++;
      this.set({ online: true });
      void this.sync(socket);
    });
    socket.on('disconnect', (reason) => {
      this.resumingOn.clear();
      const chats = Object.fromEntries(Object.entries(this.state.chats).map(([id, chat]) => [id, { ...chat, sync: disconnectedStep(chat.sync).state }]));
      this.set({ online: false, chats });
      // The server closed the socket on purpose (session over): don't reconnect silently.
      if (reason === 'io server disconnect') this.endSession();
    });
    socket.on('connect_error', (error) => {
      this.set({ online: false });
      if (error.message === 'unauthenticated' || error.message === 'forbidden') this.endSession();
      else if (!socket.active) setTimeout(() => socket.connect(), 3000);
    });
    socket.on('session:ended', () => this.endSession());
    socket.on('queue:diff', (diff) => this.onQueueDiff(diff));
    socket.on('danger', (alert) => {
      if (this.state.chats[alert.conversationId]) this.patchChat(alert.conversationId, { danger: alert });
    });
    socket.on('offer', ({ item }) => {
      if (item.offeredTo !== this.staffId) return;
      this.set({ offers: [...this.state.offers.filter((o) => o.conversationId !== item.conversationId), item] });
    });
    socket.on('conversation:update', (view) => this.onConversation(view));
    socket.on('message', (message) => this.onMessage(message));
    socket.on('status:update', ({ status, reason }) => this.set({ status, missedOffer: reason === 'missed_offer' ? true : status === 'available' ? false : this.state.missedOffer }));
    socket.on('note', ({ conversationId, note }) => {
      const chat = this.state.chats[conversationId];
      if (!chat || chat.notes.some((n) => n.id === note.id)) return;
      this.patchChat(conversationId, { notes: [...chat.notes, note] });
    });
    socket.on('typing', ({ conversationId, typing }) => {
      if (!this.state.chats[conversationId]) return;
      clearTimeout(this.visitorTypingTimers.get(conversationId));
      this.patchChat(conversationId, { visitorTyping: typing });
      if (typing) this.visitorTypingTimers.set(conversationId, setTimeout(() => this.patchChat(conversationId, { visitorTyping: false }), 8000));
    });
  }

  disconnect(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  select(conversationId: string): void {
    if (!this.state.chats[conversationId]) return;
    this.set({ selected: conversationId });
    this.patchChat(conversationId, { unread: 0 });
  }

  /** The chats screen came in front of her or went out of view; what she now sees is read. */
  setInView(inView: boolean): void {
    if (inView === this.state.inView) return;
    this.set({ inView });
    if (inView && this.state.selected) this.patchChat(this.state.selected, { unread: 0 });
  }

  /** Whether a message arriving in this chat is seen as it comes. */
  private inFront(conversationId: string): boolean {
    return this.state.inView && this.state.selected === conversationId;
  }

  /** Removes an ended chat from the list. */
  close(conversationId: string): void {
    const { [conversationId]: _gone, ...chats } = this.state.chats;
    const order = this.state.order.filter((id) => id !== conversationId);
    this.set({ chats, order, selected: this.state.selected === conversationId ? (order[0] ?? null) : this.state.selected });
  }

  async accept(conversationId: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'conversation:accept', { conversationId });
    if (!ack.ok) return ack.error.code;
    this.addSnapshot(ack.data);
    this.select(conversationId);
    return null;
  }

  /** Offered to me, or in the queue: decline hands it on to the next counsellor. */
  async decline(conversationId: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'conversation:decline', { conversationId });
    return ack.ok ? null : ack.error.code;
  }

  async pullNext(): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'queue:pullNext');
    if (!ack.ok) return ack.error.code;
    this.addSnapshot(ack.data);
    this.select(ack.data.conversation.id);
    return null;
  }

  async setStatus(status: CounsellorStatusName): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'status:set', { status });
    if (!ack.ok) return ack.error.code;
    this.set({ status: ack.data.status, missedOffer: ack.data.status === 'available' ? false : this.state.missedOffer });
    return null;
  }

  dismissDanger(conversationId: string): void {
    this.patchChat(conversationId, { danger: null });
  }

  dismissMissedOffer(): void {
    this.set({ missedOffer: false });
  }

  async colleagues(): Promise<CounsellorView[]> {
    const socket = this.socket;
    if (!socket?.connected) return [];
    const ack = await staffCall(socket, timeoutMs, 'colleagues:list');
    return ack.ok ? ack.data.counsellors : [];
  }

  /** To a colleague (offered to her) or back to the queue; the chat leaves my list. */
  async transfer(conversationId: string, toCounsellorId: string | undefined, note: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const trimmed = note.trim();
    const ack = await staffCall(socket, timeoutMs, 'conversation:transfer', {
      conversationId,
      ...(toCounsellorId ? { toCounsellorId } : {}),
      ...(trimmed ? { note: trimmed } : {}),
    });
    if (!ack.ok) return ack.error.code;
    this.close(conversationId);
    return null;
  }

  async addNote(conversationId: string, kind: 'note' | 'whisper', body: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'note:add', { conversationId, kind, body });
    if (!ack.ok) return ack.error.code;
    const chat = this.state.chats[conversationId];
    if (chat && !chat.notes.some((n) => n.id === ack.data.note.id)) this.patchChat(conversationId, { notes: [...chat.notes, ack.data.note] });
    return null;
  }

  send(conversationId: string, text: string): void {
    const chat = this.state.chats[conversationId];
    const body = text.replace(/\r\n?/g, '\n').trim();
    if (!chat || !body) return;
    const step = typed(chat.sync, newClientId(), body, Date.now());
    this.patchChat(conversationId, { sync: step.state });
    this.setTyping(conversationId, false);
    void this.transport(conversationId, step.send);
  }

  retry(conversationId: string, clientId: string): void {
    const chat = this.state.chats[conversationId];
    if (chat) void this.apply(conversationId, retried(chat.sync, clientId));
  }

  setTyping(conversationId: string, typing: boolean): void {
    clearTimeout(this.typingTimers.get(conversationId));
    if (typing) this.typingTimers.set(conversationId, setTimeout(() => this.setTyping(conversationId, false), 4000));
    if ((this.typingSent.get(conversationId) ?? false) === typing) return;
    this.typingSent.set(conversationId, typing);
    if (this.socket?.connected) this.socket.emit('typing', { conversationId, typing });
  }

  async warn(conversationId: string, reason: WarningReason): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'conversation:warn', { conversationId, reason });
    return ack.ok ? null : ack.error.code;
  }

  async end(conversationId: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'conversation:end', { conversationId });
    if (!ack.ok) return ack.error.code;
    this.onConversation(ack.data.conversation);
    return null;
  }

  private async sync(socket: StaffSocket): Promise<void> {
    const [queue, mine] = await Promise.all([
      staffCall(socket, timeoutMs, 'queue:list'),
      staffCall(socket, timeoutMs, 'conversation:mine'),
    ]);
    if (queue.ok) {
      const waiting = queue.data.waiting;
      this.set({ queue: inQueueOrder(waiting), offers: waiting.filter((q) => q.status === 'offered' && q.offeredTo === this.staffId) });
    }
    if (!mine.ok) {
      if (mine.error.code !== 'forbidden') this.set({ error: mine.error.code });
      return;
    }
    // After a reload the status shown is the one the server has (she may be on a break).
    if (mine.data.status) this.set({ status: mine.data.status });
    const ids = new Set([...mine.data.conversations.map((c) => c.id), ...this.state.order.filter((id) => isOpenStatus(this.state.chats[id]!.view.status))]);
    await Promise.all([...ids].map((id) => this.rejoin(id)));
    if (!this.state.selected && this.state.order[0]) this.select(this.state.order[0]);
  }

  /** Only what changed in the queue arrives; the list stays in queue order. */
  private onQueueDiff(diff: QueueDiff): void {
    const changed = new Map(diff.upserted.map((q) => [q.conversationId, q]));
    const gone = new Set(diff.removed);
    const queue = this.state.queue.filter((q) => !gone.has(q.conversationId) && !changed.has(q.conversationId));
    // An offer ends when the chat is no longer offered to her (accepted, declined, expired, taken back).
    const offers = this.state.offers
      .filter((o) => !gone.has(o.conversationId))
      .flatMap((o) => {
        const now = changed.get(o.conversationId);
        if (!now) return [o];
        return now.status === 'offered' && now.offeredTo === this.staffId ? [now] : [];
      });
    this.set({ queue: inQueueOrder([...queue, ...changed.values()]), offers });
  }

  /** The line is up for this chat (held, or of mine and not here yet): catch up on it. */
  private rejoin(conversationId: string): Promise<void> {
    const chat = this.state.chats[conversationId];
    // A chat not held here yet starts from nothing, so it asks for everything.
    const step = connectedStep(chat?.sync ?? initialChatSync);
    return chat ? this.apply(conversationId, step) : this.transport(conversationId, step.send);
  }

  private async resume(conversationId: string, afterSeq: number): Promise<void> {
    const socket = this.socket;
    const connection = this.connection;
    // One at a time: the answer covers everything after afterSeq.
    if (!socket?.connected || this.resumingOn.get(conversationId) === connection) return;
    this.resumingOn.set(conversationId, connection);
    const ack = await staffCall(socket, timeoutMs, 'conversation:resume', { conversationId, afterSeq });
    if (this.connection !== connection) return; // that line is gone; the new one asks again
    this.resumingOn.delete(conversationId);
    if (ack.ok) this.addSnapshot(ack.data);
  }

  /** A chat's snapshot from the server (accepted, pulled, resumed) joins or updates the list. */
  private addSnapshot(snapshot: StaffChatSnapshot): void {
    const id = snapshot.conversation.id;
    const existing = this.state.chats[id];
    if (existing) {
      const step = received(existing.sync, { type: 'resumed', messages: snapshot.messages, ended: !isOpenStatus(snapshot.conversation.status) });
      // What came in while the line was down is unread like anything pushed.
      const known = new Set(existing.sync.log.stored.map((m) => m.seq));
      const unread = unreadAfter(existing.unread, known, snapshot.messages, this.inFront(id));
      void this.apply(id, step, { view: snapshot.conversation, notes: snapshot.notes ?? existing.notes, unread });
      return;
    }
    const chat: HeldChat = {
      view: snapshot.conversation,
      sync: opened(snapshot.messages, this.socket?.connected ?? false),
      unread: 0,
      visitorTyping: false,
      notes: snapshot.notes ?? [],
      danger: null,
    };
    this.set({ chats: { ...this.state.chats, [id]: chat }, order: [...this.state.order, id] });
  }

  private onConversation(view: StaffConversationView): void {
    const chat = this.state.chats[view.id];
    if (chat) {
      this.patchChat(view.id, { view, ...(isOpenStatus(view.status) ? {} : { visitorTyping: false }) });
    } else if (view.counsellorId === this.staffId && view.status === 'active' && this.socket?.connected) {
      // Accepted in another tab of mine: show it here too.
      void this.rejoin(view.id);
    }
  }

  private onMessage(message: WireMessage): void {
    const chat = this.state.chats[message.conversationId];
    if (!chat) return;
    const known = new Set(chat.sync.log.stored.map((m) => m.seq));
    const unread = unreadAfter(chat.unread, known, [message], this.inFront(message.conversationId));
    void this.apply(message.conversationId, received(chat.sync, { type: 'push', message }), {
      unread,
      ...(message.sender === 'visitor' ? { visitorTyping: false } : {}),
    });
  }

  /** Applies a step of a chat's delivery core: its state to the chat, its frames to the socket. */
  private apply(conversationId: string, step: SyncStep<ErrorCode>, patch: Partial<HeldChat> = {}): Promise<void> {
    this.patchChat(conversationId, { ...patch, sync: step.state });
    return this.transport(conversationId, step.send);
  }

  private async transport(conversationId: string, frames: readonly ClientFrame[]): Promise<void> {
    await Promise.all(
      frames.map((frame) => (frame.type === 'resume' ? this.resume(conversationId, frame.afterSeq) : this.transmit(conversationId, frame.clientId, frame.body))),
    );
  }

  private async transmit(conversationId: string, clientId: string, body: string): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || this.inFlight.has(clientId)) return;
    this.inFlight.add(clientId);
    const ack = await staffCall(socket, timeoutMs, 'message:send', { conversationId, clientId, body });
    this.inFlight.delete(clientId);
    const chat = this.state.chats[conversationId];
    if (!chat) return;
    if (ack.ok) return this.apply(conversationId, received(chat.sync, { type: 'ack', clientId, message: ack.data.message }));
    // No answer: it stays pending and goes again in a moment (same id), or after a reconnect.
    const retry = retriedBySelf(ack.error.code);
    void this.apply(conversationId, received(chat.sync, { type: 'nack', clientId, retry, reason: ack.error.code }));
    if (retry && socket.connected) setTimeout(() => this.retry(conversationId, clientId), 2000);
  }

  private endSession(): void {
    if (this.state.sessionEnded) return;
    this.disconnect();
    this.set({ sessionEnded: true, online: false });
  }

  private patchChat(conversationId: string, patch: Partial<HeldChat>): void {
    const chat = this.state.chats[conversationId];
    if (!chat) return;
    this.set({ chats: { ...this.state.chats, [conversationId]: { ...chat, ...patch } } });
  }

  private set(patch: Partial<ConsoleState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
