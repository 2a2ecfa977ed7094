// The visitor's side of one chat: the socket, the message log and the chat's state, as a
// small store React subscribes to. What to send and how to fold in the answers is decided by
// the pure delivery core (chatSync, proven by the server's fuzz test); this class only carries
// its frames over the socket, so reconnects resume without gaps and resends are never doubled.
import { io, type Socket } from 'socket.io-client';
import { visitorCall } from '../../src/protocol/visitorCalls.js';
import { retriedBySelf } from '../../src/protocol/socketCalls.js';
import type { ErrorCode } from '../../src/protocol/ack.js';
import type { WireMessage } from '../../src/protocol/common.js';
import type {
  QueueStatus,
  StartChatRequest,
  VisitorChatSnapshot,
  VisitorClientToServer,
  VisitorConversationView,
  VisitorServerToClient,
  visitorNamespace,
} from '../../src/protocol/visitorProtocol.js';
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
import { newClientId } from '../common/ids.js';
import type { VisitorLanguage } from '../common/i18n.js';
import { clearTabState, readTabState, writeTabState } from './tabStorage.js';
import { leavePage } from './leavePage.js';

const namespace: typeof visitorNamespace = '/visitor';
type VisitorSocket = Socket<VisitorServerToClient, VisitorClientToServer>;

export type Phase = 'start' | 'starting' | 'restoring' | 'open' | 'ended' | 'exiting';

export interface VisitorState {
  phase: Phase;
  conversation: VisitorConversationView | null;
  /** The message log, what is pending or refused (with the reason), and the line as delivery sees it. */
  sync: ChatSyncState<ErrorCode>;
  counsellorTyping: boolean;
  online: boolean;
  error: ErrorCode | null;
  lostPrevious: boolean;
  /** Her place in the queue and the honest estimate, while she waits. */
  queue: QueueStatus | null;
  /** A return code she asked for in this chat (shown until she closes it). */
  returnCode: string | null;
  /** She entered a return code the service does not know: the chat started without it. */
  codeUnknown: boolean;
  /** She answered "in danger now: yes" before the chat: keep 112 in view while she waits. */
  dangerNow: boolean;
  /**
   * On the end screen only: the counsellor's last message, so she can still read a phone number
   * or advice given at the very end. Kept in this page's memory, never in storage, and gone when
   * she leaves the screen or reloads.
   */
  lastWords: { name: string | null; body: string } | null;
}

const initial: VisitorState = {
  phase: 'start',
  conversation: null,
  sync: initialChatSync,
  counsellorTyping: false,
  online: false,
  error: null,
  lostPrevious: false,
  queue: null,
  returnCode: null,
  codeUnknown: false,
  dangerNow: false,
  lastWords: null,
};

export type PreChatAnswers = NonNullable<StartChatRequest['preChat']>;

const requestTimeoutMs = 10_000;
const quickExitAckMs = 300;

export class VisitorChat {
  private state: VisitorState = initial;
  private listeners = new Set<() => void>();
  private socket: VisitorSocket | null = null;
  private token: string | null = null;
  private language: VisitorLanguage = 'nl';
  /** Client ids of sends awaiting their answer: one request per message at a time. */
  private inFlight = new Set<string>();
  /** The connection a resume is awaiting an answer on, if any: one resume at a time. */
  private resumingOn: number | null = null;
  private connection = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private sentTyping = false;
  /** The return code this chat was started with or got, kept for a letter she may leave instead. */
  private knownCode: string | null = null;

  /**
   * The page is going away (closed, or a reload): while she waits, tell the server, so her
   * place is held but no counsellor is offered an empty tab. A reload comes back in time.
   */
  leaving(): void {
    const waiting = this.state.conversation?.status === 'waiting' || this.state.conversation?.status === 'offered';
    if (!this.token || this.state.phase !== 'open' || !waiting) return;
    navigator.sendBeacon('/api/visitor/leave', JSON.stringify({ token: this.token }));
  }

  /** Picks up a chat this tab already had (after a reload). */
  restore(): VisitorLanguage | null {
    const saved = readTabState();
    if (!saved) return null;
    this.token = saved.token;
    this.language = saved.language;
    this.set({ phase: 'restoring' });
    this.connect();
    return saved.language;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): VisitorState => this.state;

  setLanguage(language: VisitorLanguage): void {
    this.language = language;
    if (this.token) writeTabState({ token: this.token, language });
  }

  /** `visibility`: the page's referral token and her "How did you find us?" answer, counted per day only. */
  async start(nickname: string, language: VisitorLanguage, preChat?: PreChatAnswers, returnCode?: string, visibility: Pick<StartChatRequest, 'via' | 'howFound'> = {}): Promise<void> {
    if (this.state.phase !== 'start' && this.state.phase !== 'ended') return;
    this.language = language;
    this.set({ ...initial, phase: 'starting' });
    this.knownCode = null;
    const socket = this.connect();
    const connected = await waitForConnect(socket, requestTimeoutMs);
    if (!connected) return this.failStart('unavailable');
    const trimmed = nickname.trim();
    const code = returnCode?.trim();
    const request = (withCode: boolean) =>
      visitorCall(socket, requestTimeoutMs, 'chat:start', {
        ...(trimmed ? { nickname: trimmed } : {}),
        language,
        ...(preChat && Object.keys(preChat).length > 0 ? { preChat } : {}),
        ...(withCode && code ? { returnCode: code } : {}),
        ...(visibility.via ? { via: visibility.via } : {}),
        ...(visibility.howFound ? { howFound: visibility.howFound } : {}),
      } satisfies StartChatRequest);
    let ack = await request(true);
    let codeUnknown = false;
    if (!ack.ok && ack.error.code === 'not_found' && code && this.getState().phase === 'starting') {
      // An unknown code must not keep her from talking: start without it and say so.
      codeUnknown = true;
      ack = await request(false);
    }
    if (this.getState().phase !== 'starting') return; // quick exit meanwhile
    if (!ack.ok) return this.failStart(ack.error.code);
    this.set({ codeUnknown, dangerNow: preChat?.inDangerNow === 'yes' });
    if (code && !codeUnknown) this.knownCode = code;
    this.token = ack.data.token;
    writeTabState({ token: ack.data.token, language });
    this.set({ phase: 'open', conversation: ack.data.conversation, sync: opened(ack.data.messages, socket.connected) });
  }

  /** Asks the server for a return code for this chat; null when it failed. */
  async createReturnCode(): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket?.connected || this.state.phase !== 'open') return 'unavailable';
    const ack = await visitorCall(socket, requestTimeoutMs, 'returnCode:create');
    if (!ack.ok) return ack.error.code;
    if (this.state.phase === 'open') this.set({ returnCode: ack.data.code });
    this.knownCode = ack.data.code;
    return null;
  }

  /** Her return code in this chat (typed at the start or asked for), if she has one. */
  knownReturnCode(): string | null {
    return this.knownCode;
  }

  /** Hides the return code once she has written it down. */
  hideReturnCode(): void {
    this.set({ returnCode: null });
  }

  /** From the ended screen back to the start screen. */
  reset(): void {
    if (this.state.phase === 'ended') this.set(initial);
  }

  send(text: string): void {
    const body = text.replace(/\r\n?/g, '\n').trim();
    if (!body || this.state.phase !== 'open') return;
    const step = typed(this.state.sync, newClientId(), body, Date.now());
    this.set({ sync: step.state });
    this.setTyping(false);
    this.transport(step.send);
  }

  retry(clientId: string): void {
    this.apply(retried(this.state.sync, clientId));
  }

  /** Call on every keystroke with whether the composer has text; sends at most a few events. */
  setTyping(typing: boolean): void {
    clearTimeout(this.typingTimer);
    if (typing) this.typingTimer = setTimeout(() => this.setTyping(false), 4000);
    if (typing === this.sentTyping) return;
    this.sentTyping = typing;
    if (this.socket?.connected && this.state.phase === 'open') this.socket.emit('typing', { typing });
  }

  async end(): Promise<ErrorCode | null> {
    const socket = this.socket;
    if (!socket || this.state.phase !== 'open') return null;
    const ack = await visitorCall(socket, requestTimeoutMs, 'chat:end', { reason: 'visitor' });
    if (ack.ok) {
      this.finish(ack.data.conversation);
      return null;
    }
    if (ack.error.code === 'not_found' || ack.error.code === 'invalid_state') {
      this.finish(this.state.conversation);
      return null;
    }
    return ack.error.code;
  }

  /**
   * Leave at once: hide everything, forget the tab's state, tell the server (waiting at most
   * a moment), close the socket and replace this page in the history with a neutral site
   * (inside a partner's widget: the whole partner page).
   */
  async quickExit(url: string): Promise<void> {
    const socket = this.socket;
    const wasOpen = this.state.phase === 'open' || this.state.phase === 'restoring';
    const token = this.token;
    if (token && !socket?.connected) {
      // No live socket: a beacon still reaches the server as the page goes away.
      navigator.sendBeacon('/api/visitor/end', JSON.stringify({ token, reason: 'quick_exit' }));
    }
    this.token = null;
    clearTabState();
    this.set({ ...initial, phase: 'exiting' });
    try {
      if (socket?.connected && wasOpen) {
        await Promise.race([
          visitorCall(socket, quickExitAckMs, 'chat:end', { reason: 'quick_exit' }),
          new Promise((resolve) => setTimeout(resolve, quickExitAckMs)),
        ]);
      }
    } finally {
      socket?.disconnect();
      this.socket = null;
      clearTabState();
      leavePage(url);
    }
  }

  private connect(): VisitorSocket {
    if (this.socket) return this.socket;
    const socket: VisitorSocket = io(namespace, {
      auth: (cb) => cb(this.token ? { token: this.token } : {}),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      timeout: requestTimeoutMs,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.connection++;
      this.set({ online: true });
      // Before a chat exists there is nothing to resume: the start's answer is the snapshot.
      if (this.token) this.apply(connectedStep(this.state.sync));
    });
    socket.on('disconnect', () => {
      this.resumingOn = null;
      this.set({ online: false, counsellorTyping: false, sync: disconnectedStep(this.state.sync).state });
    });
    socket.on('message', (message: WireMessage) => {
      if (this.state.phase !== 'open') return;
      this.apply(received(this.state.sync, { type: 'push', message }), message.sender === 'counsellor' ? { counsellorTyping: false } : {});
    });
    socket.on('chat:state', (conversation) => {
      if (this.state.phase !== 'open') return;
      if (conversation.status === 'ended' || conversation.status === 'closed') this.finish(conversation);
      else this.set({ conversation, ...(conversation.status === 'active' ? { queue: null } : {}) });
    });
    socket.on('chat:queue', (queue) => {
      if (this.state.phase === 'open' || this.state.phase === 'restoring' || this.state.phase === 'starting') this.set({ queue });
    });
    let typingReset: ReturnType<typeof setTimeout> | undefined;
    socket.on('typing', ({ typing }) => {
      clearTimeout(typingReset);
      this.set({ counsellorTyping: typing });
      // A lost "stopped typing" must not leave the indicator on forever.
      if (typing) typingReset = setTimeout(() => this.set({ counsellorTyping: false }), 8000);
    });
    return socket;
  }

  /** Applies a step of the delivery core: its state to the screen, its frames to the socket. */
  private apply(step: SyncStep<ErrorCode>, patch: Partial<VisitorState> = {}): void {
    this.set({ ...patch, sync: step.state });
    this.transport(step.send);
  }

  private transport(frames: readonly ClientFrame[]): void {
    for (const frame of frames) {
      if (frame.type === 'resume') void this.resume(frame.afterSeq);
      else void this.transmit(frame.clientId, frame.body);
    }
  }

  private async resume(afterSeq: number): Promise<void> {
    const socket = this.socket;
    const connection = this.connection;
    // One at a time: the answer covers everything after afterSeq.
    if (!socket?.connected || this.resumingOn === connection) return;
    this.resumingOn = connection;
    const ack = await visitorCall(socket, requestTimeoutMs, 'chat:resume', { afterSeq });
    if (this.state.phase === 'exiting' || this.socket !== socket || this.connection !== connection) return;
    this.resumingOn = null;
    if (!ack.ok) {
      if (ack.error.code === 'not_found') {
        this.token = null;
        clearTabState();
        socket.disconnect();
        this.socket = null;
        this.set({ ...initial, lostPrevious: true });
      }
      return; // a transient failure: the next reconnect tries again
    }
    const { conversation, messages } = ack.data;
    if (conversation.status === 'ended' || conversation.status === 'closed') return this.finish(conversation);
    this.apply(received(this.state.sync, { type: 'resumed', messages }), { phase: 'open', conversation });
  }

  private async transmit(clientId: string, body: string): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || this.inFlight.has(clientId)) return; // resent on reconnect
    this.inFlight.add(clientId);
    const ack = await visitorCall(socket, requestTimeoutMs, 'message:send', { clientId, body });
    this.inFlight.delete(clientId);
    if (this.state.phase !== 'open') return;
    if (ack.ok) return this.apply(received(this.state.sync, { type: 'ack', clientId, message: ack.data.message }));
    // No answer: it stays pending and goes again in a moment (same id), or after a reconnect.
    const retry = retriedBySelf(ack.error.code);
    this.apply(received(this.state.sync, { type: 'nack', clientId, retry, reason: ack.error.code }));
    if (retry && socket.connected) setTimeout(() => this.apply(retried(this.state.sync, clientId)), 2000);
  }

  private finish(conversation: VisitorConversationView | null): void {
    this.token = null;
    clearTabState();
    this.socket?.disconnect();
    this.socket = null;
    this.inFlight.clear();
    // The transcript is not kept on screen after the end: someone may pick up the phone. Only
    // the counsellor's last words and a return code she asked for stay, until she leaves.
    const last = [...this.state.sync.log.stored].reverse().find((m) => m.sender === 'counsellor');
    const lastWords = last ? { name: last.senderName, body: last.body } : null;
    this.set({ ...initial, phase: 'ended', conversation, lastWords, returnCode: this.state.returnCode });
  }

  private failStart(code: ErrorCode): void {
    this.socket?.disconnect();
    this.socket = null;
    this.set({ ...initial, phase: 'start', error: code });
  }

  private set(patch: Partial<VisitorState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

function waitForConnect(socket: Socket, timeoutMs: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('connect', onConnect);
      resolve(false);
    }, timeoutMs);
    const onConnect = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.once('connect', onConnect);
  });
}
