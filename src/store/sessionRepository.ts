import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface StaffSession {
  id: string;
  staffId: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(session: StaffSession): Promise<void> {
    await this.db
      .insertInto('staff_sessions')
      .values({
        id: session.id,
        staff_id: session.staffId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async find(id: string): Promise<StaffSession | undefined> {
    const row = await this.db.selectFrom('staff_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      staffId: row.staff_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    };
  }

  async touch(id: string, now: number): Promise<void> {
    await this.db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
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
