// The supervisor's live board: its own socket to /staff, board:get once, then board:diff
// pushes. Also the supervisor's actions: priority, join (silently or visibly), whisper.
import { io, type Socket } from 'socket.io-client';
import { staffCall } from '../../../src/protocol/staffCalls.js';
import type { ErrorCode } from '../../../src/protocol/ack.js';
import type { WireMessage } from '../../../src/protocol/common.js';
import type { Priority } from '../../../src/domain/queue/priority.js';
import type { BoardSnapshot, DangerAlert, NoteView, StaffChatSnapshot, StaffClientToServer, StaffServerToClient, staffNamespace } from '../../../src/protocol/staffProtocol.js';
import { mergeStored, emptyMessageLog, type MessageLog } from '../../../src/domain/conversation/messageLog.js';
import { applyBoardDiff } from './boardDiff.js';

const namespace: typeof staffNamespace = '/staff';
type StaffSocket = Socket<StaffServerToClient, StaffClientToServer>;
const timeoutMs = 10_000;

export interface Watched {
  conversationId: string;
  visible: boolean;
  snapshot: StaffChatSnapshot;
  log: MessageLog;
  notes: NoteView[];
}

export interface BoardState {
  online: boolean;
  board: BoardSnapshot | null;
  /** Danger triage saw in chats in progress, newest first (until dismissed). */
  dangers: DangerAlert[];
  error: ErrorCode | null;
  watched: Watched | null;
  sessionEnded: boolean;
}

export class BoardClient {
  private state: BoardState = { online: false, board: null, dangers: [], error: null, watched: null, sessionEnded: false };
  private listeners = new Set<() => void>();
  private socket: StaffSocket | null = null;
  private figuresTimer: ReturnType<typeof setInterval> | undefined;

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
      void this.refresh();
    });
    clearInterval(this.figuresTimer);
    this.figuresTimer = setInterval(() => void this.refresh(), 60_000);
    socket.on('disconnect', (reason) => {
      this.set({ online: false });
      if (reason === 'io server disconnect') this.set({ sessionEnded: true });
    });
    socket.on('connect_error', (error) => {
      this.set({ online: false });
      if (error.message === 'unauthenticated' || error.message === 'forbidden') this.set({ sessionEnded: true });
    });
    socket.on('session:ended', () => this.set({ sessionEnded: true }));
    // After the snapshot only what changed arrives; the hourly figures are read again now and then.
    socket.on('board:diff', (diff) => {
      const board = this.state.board;
      if (board) this.set({ board: applyBoardDiff(board, diff) });
      if (diff.danger) this.set({ dangers: [diff.danger, ...this.state.dangers.filter((d) => d.conversationId !== diff.danger!.conversationId)].slice(0, 10) });
    });
    socket.on('board:alert', (alert) => {
      const board = this.state.board;
      if (!board) return;
      const others = board.alerts.filter((a) => a.alertId !== alert.alertId);
      this.set({ board: { ...board, alerts: [alert, ...others] } });
    });
    socket.on('message', (message: WireMessage) => {
      const w = this.state.watched;
      if (w && message.conversationId === w.conversationId) this.set({ watched: { ...w, log: mergeStored(w.log, [message]) } });
    });
    socket.on('note', ({ conversationId, note }) => {
      const w = this.state.watched;
      if (w && conversationId === w.conversationId && !w.notes.some((n) => n.id === note.id)) this.set({ watched: { ...w, notes: [...w.notes, note] } });
    });
    socket.on('conversation:update', (view) => {
      const w = this.state.watched;
      if (w && view.id === w.conversationId) this.set({ watched: { ...w, snapshot: { ...w.snapshot, conversation: view } } });
    });
  }

  disconnect(): void {
    clearInterval(this.figuresTimer);
    this.socket?.disconnect();
    this.socket = null;
  }

  async refresh(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    const ack = await staffCall(socket, timeoutMs, 'board:get');
    if (ack.ok) this.set({ board: ack.data, error: null });
    else this.set({ error: ack.error.code });
  }

  async setPriority(conversationId: string, priority: Priority): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'conversation:setPriority', { conversationId, priority });
    if (!ack.ok) return ack.error.code;
    await this.refresh();
    return null;
  }

  async join(conversationId: string, visible: boolean): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'conversation:join', { conversationId, visible });
    if (!ack.ok) return ack.error.code;
    this.set({ watched: { conversationId, visible, snapshot: ack.data, log: mergeStored(emptyMessageLog, ack.data.messages), notes: ack.data.notes } });
    return null;
  }

  dismissDanger(conversationId: string): void {
    this.set({ dangers: this.state.dangers.filter((d) => d.conversationId !== conversationId) });
  }

  stopWatching(): void {
    this.set({ watched: null });
  }

  async addNote(conversationId: string, kind: 'note' | 'whisper', body: string): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected) return 'unavailable';
    const ack = await staffCall(socket, timeoutMs, 'note:add', { conversationId, kind, body });
    if (!ack.ok) return ack.error.code;
    const w = this.state.watched;
    if (w && w.conversationId === conversationId && !w.notes.some((n) => n.id === ack.data.note.id)) this.set({ watched: { ...w, notes: [...w.notes, ack.data.note] } });
    return null;
  }

  private set(patch: Partial<BoardState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
