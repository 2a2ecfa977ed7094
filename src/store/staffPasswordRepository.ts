// Changing a staff password is one transaction: the new hash (and whether it is temporary), the
// end of the sessions it must end, and the audit entry. Either all of it is committed or none.
import type { Kysely } from 'kysely';
import { inTransaction } from './database.js';
import type { Database } from './schema.js';
import type { Dialect } from './migrations/migrationContext.js';
import { appendAuditEntry, type AuditEntry } from './auditRepository.js';

export interface PasswordChange {
  staffId: string;
  passwordHash: string;
  /** True when someone else chose it (a reset): it must be changed at the next sign-in. */
  mustChange: boolean;
  /** The one session that stays (hers, when she changes it herself); every other one ends. */
  keepSessionId: string | null;
  audit: AuditEntry;
  now: number;
}

export class StaffPasswordRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /** Returns the ids of the sessions it ended; false when there is no such account. */
  async change(change: PasswordChange): Promise<{ endedSessionIds: string[] } | false> {
    return inTransaction(this.db, async (trx) => {
      const updated = await trx
        .updateTable('staff')
        .set({ password_hash: change.passwordHash, must_change_password: change.mustChange ? 1 : 0, updated_at: change.now })
        .where('id', '=', change.staffId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      let sessions = trx.selectFrom('staff_sessions').select('id').where('staff_id', '=', change.staffId);
      if (change.keepSessionId) sessions = sessions.where('id', '!=', change.keepSessionId);
      const ended = (await sessions.execute()).map((s) => s.id);
      if (ended.length > 0) await trx.deleteFrom('staff_sessions').where('id', 'in', ended).execute();
      await appendAuditEntry(trx, this.dialect, change.audit);
      return { endedSessionIds: ended };
    });
  }
}
