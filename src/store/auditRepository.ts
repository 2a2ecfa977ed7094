import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AuditEntry {
  at: number;
  staffId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** Never content: only ids, field names, counts. */
  detail?: Record<string, unknown> | null;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: entry.at,
        staff_id: entry.staffId,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      })
      .execute();
  }

  async list(filter: { staffId?: string; action?: string; limit?: number } = {}) {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit ?? 200);
    if (filter.staffId) q = q.where('staff_id', '=', filter.staffId);
    if (filter.action) q = q.where('action', '=', filter.action);
    return q.execute();
  }
}
