// Server-side staff sessions: the cookie holds a random token, the database its hash.
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import { withoutSecret } from '../../store/staffRepository.js';
import type { Clock } from '../clock.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { randomToken, sha256 } from './secrets.js';
import type { StaffSession } from '../../store/sessionRepository.js';

export const sessionCookieName = 'baken_session';

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

  /** Returns undefined for a wrong username or password alike, taking the same time. */
  async login(username: string, password: string): Promise<{ token: string; auth: AuthenticatedStaff } | undefined> {
    const found = await this.repos.staff.findByUsername(username);
    const valid = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!found || !valid || found.disabled) return undefined;
    const token = randomToken();
    const now = this.clock.now();
    const session: StaffSession = {
      id: sha256(token),
      staffId: found.id,
      csrfToken: randomToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.limits.maxMs,
    };
    await this.repos.sessions.create(session);
    return { token, auth: { session, staff: withoutSecret(found) } };
  }

  async authenticate(token: string | undefined): Promise<AuthenticatedStaff | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.repos.sessions.find(sha256(token));
    if (!session) return undefined;
    const now = this.clock.now();
    if (now >= session.expiresAt || now - session.lastSeenAt >= this.limits.idleMs) {
      await this.repos.sessions.delete(session.id);
      return undefined;
    }
    const staff = await this.repos.staff.findById(session.staffId);
    if (!staff || staff.disabled) {
      await this.repos.sessions.delete(session.id);
      return undefined;
    }
    // Write the activity time at most once a minute: enough for a 30-minute idle limit.
    if (now - session.lastSeenAt > 60_000) {
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
