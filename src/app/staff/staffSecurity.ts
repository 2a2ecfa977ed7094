// An administrator's use cases for the security of staff accounts: ending someone's sessions,
// resetting a lost second factor. Each change and its audit entry commit together.
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { StaffSession } from '../../store/sessionRepository.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';
import { outcome, type Outcome } from '../effects.js';

export class StaffSecurity {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** Ends every session of a staff member; `live` are her sessions still in force (counted in the audit). */
  async endSessions(targetId: string, live: readonly StaffSession[], actor: StaffMember): Promise<Outcome<number>> {
    const now = this.clock.now();
    await this.repos.transaction(async (tx) => {
      if (!(await tx.staff.findById(targetId))) throw new ServiceError('not_found', 'no such staff member');
      await tx.sessions.deleteForStaff(targetId);
      await tx.audit.append({ at: now, staffId: actor.id, action: 'staff.sessions_ended', targetType: 'staff', targetId, detail: { count: live.length } });
    });
    return outcome(live.length, [{ type: 'session.ended', staffId: targetId, sessionId: null }]);
  }

  async endSession(session: StaffSession, actor: StaffMember): Promise<Outcome<number>> {
    const now = this.clock.now();
    await this.repos.transaction(async (tx) => {
      await tx.sessions.delete(session.id);
      await tx.audit.append({ at: now, staffId: actor.id, action: 'staff.session_ended', targetType: 'staff', targetId: session.staffId });
    });
    return outcome(1, [{ type: 'session.ended', staffId: session.staffId, sessionId: session.id }]);
  }

  /** Her next sign-in starts a new enrolment; her passkeys and sessions go. */
  async resetMfa(targetId: string, actor: StaffMember): Promise<Outcome<null>> {
    const now = this.clock.now();
    await this.repos.transaction(async (tx) => {
      if (!(await tx.staff.findById(targetId))) throw new ServiceError('not_found', 'no such staff member');
      await tx.staffSecurity.resetMfa(targetId);
      await tx.sessions.deleteForStaff(targetId);
      await tx.audit.append({ at: now, staffId: actor.id, action: 'staff.mfa_reset', targetType: 'staff', targetId });
    });
    return outcome(null, [{ type: 'session.ended', staffId: targetId, sessionId: null }]);
  }
}
