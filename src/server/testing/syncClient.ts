// A real Socket.IO client driven by the pure sync core: what the browser does, without a browser.
import { io, type Socket } from 'socket.io-client';
import { connectedStep, disconnectedStep, initialChatSync, received, retried, typed, type ChatSyncState, type ClientFrame } from '../../domain/conversation/chatSync.js';
import type { WireMessage } from '../../protocol/common.js';
import { visitorCall } from '../../protocol/visitorCalls.js';
import { staffCall } from '../../protocol/staffCalls.js';
import { retriedBySelf } from '../../protocol/socketCalls.js';

export class SyncClient {
  state: ChatSyncState = initialChatSync;
  readonly acked = new Set<string>();
  /** Refusals by error code, for a test to explain itself when it fails. */
  readonly refusals = new Map<string, number>();
  connectErrors = 0;
  private resuming = false;
  readonly socket: Socket;

  constructor(
    url: string,
    private readonly namespace: '/visitor' | '/staff',
    private readonly extra: Record<string, unknown>,
    options: { auth?: Record<string, string>; cookie?: string },
  ) {
    this.socket = io(`${url}${namespace}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      ...(options.auth ? { auth: options.auth } : {}),
      ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
    });
    this.socket.on('connect', () => this.apply(connectedStep(this.state)));
    // A server that is up but not ready refuses the handshake; Socket.IO then stops retrying,
    // so try again ourselves, as the browser pages do.
    this.socket.on('connect_error', () => {
      this.connectErrors++;
      setTimeout(() => this.socket.connect(), 200);
    });
    this.socket.on('disconnect', () => {
      this.resuming = false;
      this.state = disconnectedStep(this.state).state;
    });
    this.socket.on('message', (message: WireMessage) => this.apply(received(this.state, { type: 'push', message })));
  }

  type(clientId: string, body: string): void {
    this.apply(typed(this.state, clientId, body, Date.now()));
  }

  private apply(step: { state: ChatSyncState; send: ClientFrame[] }): void {
    this.state = step.state;
    for (const frame of step.send) {
      if (frame.type === 'resume') {
        if (this.resuming) continue; // one at a time; the answer covers everything after afterSeq
        this.resuming = true;
        void this.resume(frame.afterSeq);
      } else {
        void this.transmit(frame.clientId, frame.body);
      }
    }
  }

  // The same typed calls and the same retry rule as the browser pages.
  private async resume(afterSeq: number): Promise<void> {
    const ack =
      this.namespace === '/visitor'
        ? await visitorCall(this.socket, 5000, 'chat:resume', { afterSeq })
        : await staffCall(this.socket, 5000, 'conversation:resume', { conversationId: String(this.extra.conversationId), afterSeq });
    this.resuming = false;
    if (ack.ok) this.apply(received(this.state, { type: 'resumed', messages: ack.data.messages }));
  }

  private async transmit(clientId: string, body: string): Promise<void> {
    const ack =
      this.namespace === '/visitor'
        ? await visitorCall(this.socket, 3000, 'message:send', { clientId, body })
        : await staffCall(this.socket, 3000, 'message:send', { conversationId: String(this.extra.conversationId), clientId, body });
    if (ack.ok) {
      this.acked.add(clientId);
      this.apply(received(this.state, { type: 'ack', clientId, message: ack.data.message }));
      return;
    }
    // No answer: it stays pending and goes again on the next connection (retryPending).
    if (ack.error.code === 'unavailable') return;
    this.refusals.set(ack.error.code, (this.refusals.get(ack.error.code) ?? 0) + 1);
    this.state = received(this.state, { type: 'nack', clientId, retry: retriedBySelf(ack.error.code), reason: ack.error.code }).state;
  }

  /**
   * Resend what is still pending, and what was refused for now (the rate limit), as a browser
   * does: by itself for a lost answer, by her hand ("try again") for a refusal.
   */
  retryPending(): void {
    if (!this.socket.connected) return;
    let state = this.state;
    for (const clientId of Object.keys(state.failed)) state = retried(state, clientId).state;
    this.apply({ state, send: state.log.pending.map((p) => ({ type: 'send' as const, clientId: p.clientId, body: p.body })) });
  }

  close(): void {
    this.socket.disconnect();
  }
}
