// Server-side staff sessions: the cookie holds a random token, the database its hash.
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import { withoutSecret } from '../../store/staffRepository.js';
import type { Clock } from '../../app/clock.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { randomToken, sha256 } from './secrets.js';
import type { StaffSession } from '../../store/sessionRepository.js';

export const sessionCookieName = 'baken_session';

/**
 * The handle by which lists show a session and routes end it: derived from the stored id (itself
 * a hash of the cookie token), so neither the token nor the stored id is ever sent to a browser.
 */
export function sessionHandle(sessionId: string): string {
  return sha256(`session-handle:${sessionId}`).slice(0, 32);
}

export interface AuthenticatedStaff {
  session: StaffSession;
  staff: StaffMember;
}

export class StaffSessions {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly limits: { idleMs: number; maxMs: number },
  ) {}

  /** The same sessions, writing through a use case's transaction. */
  within(tx: Repositories): StaffSessions {
    return new StaffSessions(tx, this.clock, this.limits);
  }

  /**
   * The first step of signing in: the account if username and password match and it is not
   * disabled. Undefined for a wrong username or password alike, taking the same time.
   */
  async checkPassword(username: string, password: string): Promise<StaffMember | undefined> {
    const found = await this.repos.staff.findByUsername(username);
    const valid = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!found || !valid || found.disabled) return undefined;
    return withoutSecret(found);
  }

  /** A new session, only after password and second factor were both checked. */
  async start(staff: StaffMember): Promise<{ token: string; auth: AuthenticatedStaff }> {
    const token = randomToken();
    const now = this.clock.now();
    const session: StaffSession = {
      id: sha256(token),
      staffId: staff.id,
      csrfToken: randomToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.limits.maxMs,
      reauthAt: now,
    };
    await this.repos.sessions.create(session);
    return { token, auth: { session, staff } };
  }

  /** Live sessions of one person (the idle and absolute limits applied). */
  listFor(staffId: string): Promise<StaffSession[]> {
    const now = this.clock.now();
    return this.repos.sessions.listForStaff(staffId, now, now - this.limits.idleMs);
  }

  listAll(): Promise<StaffSession[]> {
    const now = this.clock.now();
    return this.repos.sessions.listAll(now, now - this.limits.idleMs);
  }

  async end(sessionId: string): Promise<void> {
    await this.repos.sessions.delete(sessionId);
  }

  /**
   * The session and its staff member if still live. `touch: false` checks without counting as
   * activity (the socket watch asking whether the session has ended must not keep it alive).
   */
  async authenticate(token: string | undefined, options: { touch?: boolean } = {}): Promise<AuthenticatedStaff | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.repos.sessions.find(sha256(token));
    if (!session) return undefined;
    const now = this.clock.now();
    if (now >= session.expiresAt || now - session.lastSeenAt >= this.limits.idleMs) {
      await this.repos.sessions.delete(session.id);
      return undefined;
    }
    const staff = await this.repos.staff.findById(session.staffId);
    // A temporary password (new account, reset) gets no session until she chose her own; a
    // session that somehow exists beside one may do nothing.
    if (!staff || staff.disabled || staff.mustChangePassword) {
      await this.repos.sessions.delete(session.id);
      return undefined;
    }
    // Write the activity time at most once a minute: enough for a 30-minute idle limit.
    if (options.touch !== false && now - session.lastSeenAt > 60_000) {
      await this.repos.sessions.touch(session.id, now);
      session.lastSeenAt = now;
    }
    return { session, staff: withoutSecret(staff) };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.repos.sessions.delete(sha256(token));
  }

  async endAllFor(staffId: string): Promise<void> {
    await this.repos.sessions.deleteForStaff(staffId);
  }
}
