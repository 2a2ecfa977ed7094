// The audit log: who did what, when — never the content. Entries are hash-chained, so a
// changed, inserted or removed entry is detected by `verifyChain`.
import crypto from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditLogTable, Database } from './schema.js';
import type { Dialect } from './migrations/migrationContext.js';

export interface AuditEntry {
  at: number;
  staffId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** Never content: only ids, field names, counts. */
  detail?: Record<string, unknown> | null;
}

export type AuditRow = Selectable<AuditLogTable>;

export const genesisHash = '0'.repeat(64);

export function entryHash(prevHash: string, e: Omit<AuditRow, 'id' | 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([prevHash, e.at, e.staff_id, e.action, e.target_type, e.target_id, e.detail]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAtId: number; reason: string };

export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // One writer at a time across every node, so the chain has no forks.
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
      const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      const prevHash = last?.hash ?? genesisHash;
      const row = {
        at: entry.at,
        staff_id: entry.staffId,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      };
      await trx
        .insertInto('audit_log')
        .values({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) })
        .execute();
    });
  }

  async list(filter: { staffId?: string; action?: string; targetId?: string; from?: number; to?: number; limit?: number } = {}): Promise<AuditRow[]> {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(Math.min(filter.limit ?? 200, 1000));
    if (filter.staffId) q = q.where('staff_id', '=', filter.staffId);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
    if (filter.from !== undefined) q = q.where('at', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('at', '<', filter.to);
    return q.execute();
  }

  /** Walks the whole log in order and recomputes every hash. */
  async verifyChain(): Promise<ChainVerdict> {
    let prev = genesisHash;
    let entries = 0;
    let afterId = 0;
    for (;;) {
      const batch = await this.db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(5000).execute();
      if (batch.length === 0) return { ok: true, entries };
      for (const row of batch) {
        if (row.prev_hash !== prev) return { ok: false, entries, brokenAtId: row.id, reason: 'an entry before this one was removed or changed' };
        if (entryHash(prev, row) !== row.hash) return { ok: false, entries, brokenAtId: row.id, reason: 'this entry was changed' };
        prev = row.hash;
        entries++;
        afterId = row.id;
      }
    }
  }
}
