import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffSessionTable } from './schema.js';

export interface StaffSession {
  id: string;
  staffId: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  /** When password and second factor were last checked in this session (login or re-authentication). */
  reauthAt: number | null;
}

function toSession(row: Selectable<StaffSessionTable>): StaffSession {
  return {
    id: row.id,
    staffId: row.staff_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    reauthAt: row.reauth_at ?? null,
  };
}

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(session: Omit<StaffSession, 'reauthAt'> & { reauthAt?: number | null }): Promise<void> {
    await this.db
      .insertInto('staff_sessions')
      .values({
        id: session.id,
        staff_id: session.staffId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
        reauth_at: session.reauthAt ?? null,
      })
      .execute();
  }

  async find(id: string): Promise<StaffSession | undefined> {
    const row = await this.db.selectFrom('staff_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSession(row) : undefined;
  }

  /** Live sessions of one person, newest first (expired ones are left to deleteExpired). */
  async listForStaff(staffId: string, now: number, idleCutoff: number): Promise<StaffSession[]> {
    const rows = await this.db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('staff_id', '=', staffId)
      .where('expires_at', '>', now)
      .where('last_seen_at', '>', idleCutoff)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toSession);
  }

  /** Every live session, for the administrator. */
  async listAll(now: number, idleCutoff: number): Promise<StaffSession[]> {
    const rows = await this.db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('expires_at', '>', now)
      .where('last_seen_at', '>', idleCutoff)
      .orderBy('created_at', 'desc')
      .limit(1000)
      .execute();
    return rows.map(toSession);
  }

  async touch(id: string, now: number): Promise<void> {
    await this.db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  async markReauthenticated(id: string, now: number): Promise<void> {
    await this.db.updateTable('staff_sessions').set({ reauth_at: now, last_seen_at: now }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('id', '=', id).execute();
  }

  async deleteForStaff(staffId: string): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
  }

  async deleteExpired(now: number, idleCutoff: number): Promise<void> {
    await this.db
      .deleteFrom('staff_sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
      .execute();
  }
}
