// The console's live state: the queue, the chats this counsellor holds, and one socket to
// /staff. A reload or reconnect restores held chats (conversation:mine + conversation:resume)
// and resends unacknowledged messages with their original client ids.
import { io, type Socket } from 'socket.io-client';
import type { ErrorCode } from '../../src/protocol/ack.js';
import type { WireMessage } from '../../src/protocol/common.js';
import type {
  CounsellorStatusName,
  CounsellorView,
  NoteView,
  QueueItem,
  StaffChatSnapshot,
  StaffClientToServer,
  StaffConversationView,
  StaffServerToClient,
  staffNamespace,
} from '../../src/protocol/staffProtocol.js';
import { addPending, emptyMessageLog, lastSeq, mergeStored, type MessageLog } from '../../src/domain/conversation/messageLog.js';
import { requestAck } from '../common/ack.js';
import type { WarningReason } from '../../src/protocol/systemMessages.js';
import { newClientId } from '../common/ids.js';

const namespace: typeof staffNamespace = '/staff';
type StaffSocket = Socket<StaffServerToClient, StaffClientToServer>;
const timeoutMs = 10_000;

export interface HeldChat {
  view: StaffConversationView;
  log: MessageLog;
  failed: Readonly<Record<string, ErrorCode>>;
  unread: number;
  visitorTyping: boolean;
  notes: NoteView[];
}

export interface ConsoleState {
  online: boolean;
  queue: QueueItem[];
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
}

const isOpenStatus = (s: StaffConversationView['status']) => s === 'active' || s === 'offered' || s === 'waiting';

export class ConsoleClient {
  private state: ConsoleState = {
    online: false,
    queue: [],
    chats: {},
    order: [],
    selected: null,
    sessionEnded: false,
    error: null,
    status: 'available',
    missedOffer: false,
  };
  private listeners = new Set<() => void>();
  private socket: StaffSocket | null = null;
  private inFlight = new Set<string>();
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
      this.set({ online: true });
      void this.sync(socket);
    });
    socket.on('disconnect', (reason) => {
      this.set({ online: false });
      // The server closed the socket on purpose (session over): don't reconnect silently.
      if (reason === 'io server disconnect') this.endSession();
    });
    socket.on('connect_error', (error) => {
      this.set({ online: false });
      if (error.message === 'unauthenticated' || error.message === 'forbidden') this.endSession();
      else if (!socket.active) setTimeout(() => socket.connect(), 3000);
    });
    socket.on('session:ended', () => this.endSession());
    socket.on('queue:update', ({ waiting }) => this.set({ queue: waiting }));
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

  /** Removes an ended chat from the list. */
  close(conversationId: string): void {
    const { [conversationId]: _gone, ...chats } = this.state.chats;
    const order = this.state.order.filter((id) => id !== conversationId);
    this.set({ chats, order, selected: this.state.selected === conversationId ? (order[0] ?? null) : this.state.selected });
  }

  async accept(conversationId: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await requestAck<StaffChatSnapshot>(socket, timeoutMs, 'conversation:accept', { conversationId });
    if (!ack.ok) return ack.error.code;
    this.addSnapshot(ack.data);
    this.select(conversationId);
    return null;
  }

  /** Offered to me, or in the queue: decline hands it on to the next counsellor. */
  async decline(conversationId: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await requestAck<{ ok: true }>(socket, timeoutMs, 'conversation:decline', { conversationId });
    return ack.ok ? null : ack.error.code;
  }

  async pullNext(): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await requestAck<StaffChatSnapshot>(socket, timeoutMs, 'queue:pullNext');
    if (!ack.ok) return ack.error.code;
    this.addSnapshot(ack.data);
    this.select(ack.data.conversation.id);
    return null;
  }

  async setStatus(status: CounsellorStatusName): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await requestAck<{ status: CounsellorStatusName }>(socket, timeoutMs, 'status:set', { status });
    if (!ack.ok) return ack.error.code;
    this.set({ status: ack.data.status, missedOffer: ack.data.status === 'available' ? false : this.state.missedOffer });
    return null;
  }

  dismissMissedOffer(): void {
    this.set({ missedOffer: false });
  }

  async colleagues(): Promise<CounsellorView[]> {
    const socket = this.socket;
    if (!socket?.connected) return [];
    const ack = await requestAck<{ counsellors: CounsellorView[] }>(socket, timeoutMs, 'colleagues:list');
    return ack.ok ? ack.data.counsellors : [];
  }

  /** To a colleague (offered to her) or back to the queue; the chat leaves my list. */
  async transfer(conversationId: string, toCounsellorId: string | undefined, note: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const trimmed = note.trim();
    const ack = await requestAck<{ ok: true }>(socket, timeoutMs, 'conversation:transfer', {
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
    const ack = await requestAck<{ note: NoteView }>(socket, timeoutMs, 'note:add', { conversationId, kind, body });
    if (!ack.ok) return ack.error.code;
    const chat = this.state.chats[conversationId];
    if (chat && !chat.notes.some((n) => n.id === ack.data.note.id)) this.patchChat(conversationId, { notes: [...chat.notes, ack.data.note] });
    return null;
  }

  send(conversationId: string, text: string): void {
    const chat = this.state.chats[conversationId];
    const body = text.replace(/\r\n?/g, '\n').trim();
    if (!chat || !body) return;
    const clientId = newClientId();
    this.patchChat(conversationId, { log: addPending(chat.log, { clientId, body, createdAt: Date.now() }) });
    this.setTyping(conversationId, false);
    void this.transmit(conversationId, clientId, body);
  }

  retry(conversationId: string, clientId: string): void {
    const chat = this.state.chats[conversationId];
    const pending = chat?.log.pending.find((p) => p.clientId === clientId);
    if (!chat || !pending) return;
    const { [clientId]: _dropped, ...failed } = chat.failed;
    this.patchChat(conversationId, { failed });
    void this.transmit(conversationId, clientId, pending.body);
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
    const ack = await requestAck<{ ok: true }>(socket, timeoutMs, 'conversation:warn', { conversationId, reason });
    return ack.ok ? null : ack.error.code;
  }

  async end(conversationId: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await requestAck<{ conversation: StaffConversationView }>(socket, timeoutMs, 'conversation:end', { conversationId });
    if (!ack.ok) return ack.error.code;
    this.onConversation(ack.data.conversation);
    return null;
  }

  private async sync(socket: StaffSocket): Promise<void> {
    const [queue, mine] = await Promise.all([
      requestAck<{ waiting: QueueItem[] }>(socket, timeoutMs, 'queue:list'),
      requestAck<{ conversations: StaffConversationView[]; status: CounsellorStatusName }>(socket, timeoutMs, 'conversation:mine'),
    ]);
    if (queue.ok) this.set({ queue: queue.data.waiting });
    if (!mine.ok) {
      if (mine.error.code !== 'forbidden') this.set({ error: mine.error.code });
      return;
    }
    // After a reload the status shown is the one the server has (she may be on a break).
    if (mine.data.status) this.set({ status: mine.data.status });
    const ids = new Set([...mine.data.conversations.map((c) => c.id), ...this.state.order.filter((id) => isOpenStatus(this.state.chats[id]!.view.status))]);
    await Promise.all([...ids].map((id) => this.resume(socket, id)));
    if (!this.state.selected && this.state.order[0]) this.select(this.state.order[0]);
  }

  private async resume(socket: StaffSocket, conversationId: string): Promise<void> {
    const afterSeq = lastSeq(this.state.chats[conversationId]?.log ?? emptyMessageLog);
    const ack = await requestAck<StaffChatSnapshot>(socket, timeoutMs, 'conversation:resume', { conversationId, afterSeq });
    if (!ack.ok) return;
    this.addSnapshot(ack.data);
    const chat = this.state.chats[conversationId];
    if (!chat || !isOpenStatus(chat.view.status)) return;
    for (const p of chat.log.pending) if (!chat.failed[p.clientId]) void this.transmit(conversationId, p.clientId, p.body);
  }

  private addSnapshot(snapshot: StaffChatSnapshot): void {
    const id = snapshot.conversation.id;
    const existing = this.state.chats[id];
    const chat: HeldChat = existing
      ? { ...existing, view: snapshot.conversation, log: mergeStored(existing.log, snapshot.messages), notes: snapshot.notes ?? existing.notes }
      : { view: snapshot.conversation, log: mergeStored(emptyMessageLog, snapshot.messages), failed: {}, unread: 0, visitorTyping: false, notes: snapshot.notes ?? [] };
    this.set({ chats: { ...this.state.chats, [id]: chat }, order: existing ? this.state.order : [...this.state.order, id] });
  }

  private onConversation(view: StaffConversationView): void {
    const chat = this.state.chats[view.id];
    if (chat) {
      this.patchChat(view.id, { view, ...(isOpenStatus(view.status) ? {} : { visitorTyping: false }) });
    } else if (view.counsellorId === this.staffId && view.status === 'active' && this.socket?.connected) {
      // Accepted in another tab of mine: show it here too.
      void this.resume(this.socket, view.id);
    }
  }

  private onMessage(message: WireMessage): void {
    const chat = this.state.chats[message.conversationId];
    if (!chat) return;
    const isNew = !chat.log.stored.some((m) => m.seq === message.seq);
    const unread = isNew && message.sender !== 'counsellor' && this.state.selected !== message.conversationId ? chat.unread + 1 : chat.unread;
    this.patchChat(message.conversationId, {
      log: mergeStored(chat.log, [message]),
      unread,
      ...(message.sender === 'visitor' ? { visitorTyping: false } : {}),
    });
  }

  private async transmit(conversationId: string, clientId: string, body: string): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || this.inFlight.has(clientId)) return;
    this.inFlight.add(clientId);
    const ack = await requestAck<{ message: WireMessage }>(socket, timeoutMs, 'message:send', { conversationId, clientId, body });
    this.inFlight.delete(clientId);
    const chat = this.state.chats[conversationId];
    if (!chat) return;
    if (ack.ok) this.patchChat(conversationId, { log: mergeStored(chat.log, [ack.data.message]) });
    else if (ack.error.code === 'unavailable') {
      if (socket.connected) setTimeout(() => void this.transmit(conversationId, clientId, body), 2000);
    } else this.patchChat(conversationId, { failed: { ...chat.failed, [clientId]: ack.error.code } });
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
