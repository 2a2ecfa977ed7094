// A counsellor's status as routing knows it (available, break, wrapping up, offline) and whether
// her connection is lost. Written by routing steps; read here for one person at a time.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { CounsellorStatus } from '../domain/queue/routingPolicy.js';

export interface Presence {
  staffId: string;
  status: CounsellorStatus;
  disconnectedAt: number | null;
}

export class PresenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(staffId: string): Promise<Presence | undefined> {
    const row = await this.db.selectFrom('counsellor_presence').select(['staff_id', 'status', 'disconnected_at']).where('staff_id', '=', staffId).executeTakeFirst();
    return row ? { staffId: row.staff_id, status: row.status as CounsellorStatus, disconnectedAt: row.disconnected_at } : undefined;
  }
}
