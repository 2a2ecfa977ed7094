// A real Socket.IO client driven by the pure sync core: what the browser does, without a browser.
import { io, type Socket } from 'socket.io-client';
import { connectedStep, disconnectedStep, initialChatSync, received, typed, type ChatSyncState, type ClientFrame } from '../../domain/conversation/chatSync.js';
import type { Ack } from '../../protocol/ack.js';
import type { WireMessage } from '../../protocol/common.js';

export class SyncClient {
  state: ChatSyncState = initialChatSync;
  readonly acked = new Set<string>();
  /** Refusals by error code, for a test to explain itself when it fails. */
  readonly refusals = new Map<string, number>();
  connectErrors = 0;
  private resuming = false;
  private readonly resumeEvent: string;
  readonly socket: Socket;

  constructor(
    url: string,
    namespace: '/visitor' | '/staff',
    private readonly extra: Record<string, unknown>,
    options: { auth?: Record<string, string>; cookie?: string },
  ) {
    this.resumeEvent = namespace === '/visitor' ? 'chat:resume' : 'conversation:resume';
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
        this.socket.timeout(5000).emit(this.resumeEvent, { ...this.extra, afterSeq: frame.afterSeq }, (err: Error | null, ack: Ack<{ messages: WireMessage[] }>) => {
          this.resuming = false;
          if (!err && ack.ok) this.apply(received(this.state, { type: 'resumed', messages: ack.data.messages }));
        });
      } else {
        this.socket.timeout(3000).emit('message:send', { ...this.extra, clientId: frame.clientId, body: frame.body }, (err: Error | null, ack: Ack<{ message: WireMessage }>) => {
          if (err) return; // lost: stays pending, resent on the next connection
          if (ack.ok) {
            this.acked.add(frame.clientId);
            this.apply(received(this.state, { type: 'ack', clientId: frame.clientId, message: ack.data.message }));
          } else {
            this.refusals.set(ack.error.code, (this.refusals.get(ack.error.code) ?? 0) + 1);
            this.state = received(this.state, { type: 'nack', clientId: frame.clientId, retry: ack.error.code === 'rate_limited' || ack.error.code === 'internal', reason: ack.error.code }).state;
          }
        });
      }
    }
  }

  /** Resend what is still pending (as a browser does on its next chance). */
  retryPending(): void {
    if (this.socket.connected) this.apply({ state: this.state, send: this.state.log.pending.map((p) => ({ type: 'send' as const, clientId: p.clientId, body: p.body })) });
  }

  close(): void {
    this.socket.disconnect();
  }
}
