// An open console must stop receiving chats the moment its session ends by time (idle or
// absolute limit), not at its next action. Each node watches its own staff sockets: the
// deadlines are in memory, so a sweep costs nothing until one is due, and only then asks the
// database whether activity elsewhere (another tab, an API call) has kept the session alive.
import type { Clock } from '../../app/clock.js';
import type { AuthenticatedStaff, StaffSessions } from '../auth/staffSessions.js';

export interface WatchedSocket {
  data: { auth: AuthenticatedStaff; token: string };
  emit(event: 'session:ended'): unknown;
  disconnect(close?: boolean): unknown;
}

export class StaffSessionWatch {
  private readonly sockets = new Set<WatchedSocket>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly sessions: StaffSessions,
    private readonly idleMs: number,
  ) {}

  watch(socket: WatchedSocket): () => void {
    this.sockets.add(socket);
    return () => this.sockets.delete(socket);
  }

  /** Checks every watched socket whose session should have ended by now; closes those that did. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let closed = 0;
    for (const socket of [...this.sockets]) {
      const { session } = socket.data.auth;
      if (now < Math.min(session.expiresAt, session.lastSeenAt + this.idleMs)) continue;
      const live = await this.sessions.authenticate(socket.data.token, { touch: false });
      if (live) {
        socket.data.auth = live;
        continue;
      }
      this.sockets.delete(socket);
      socket.emit('session:ended');
      socket.disconnect(true);
      closed++;
    }
    return closed;
  }

  start(everyMs = 5_000): void {
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
