// The audit log: who did what, when — never the content. Entries are hash-chained, so a
// changed, inserted or removed entry is detected by `verifyChain`.
import crypto from 'node:crypto';
import { inTransaction } from './database.js';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditLogTable, Database } from './schema.js';
import type { Dialect } from './migrations/migrationContext.js';
import type { AuditAction } from '../domain/audit/auditActions.js';

export interface AuditEntry {
  at: number;
  staffId: string | null;
  action: AuditAction;
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

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAtId: number; cause: 'changed' | 'link_broken'; reason: string };

export interface AuditFilter {
  /** Who did it. */
  staffId?: string;
  action?: string;
  /** Any of these actions (a group); combined with `action` both must hold. */
  actions?: readonly string[];
  targetId?: string;
  /** A conversation by its id or the start of it (lower-case hex and dashes only). */
  conversationIdPrefix?: string;
  /** Milliseconds, from inclusive, to exclusive. */
  from?: number;
  to?: number;
  /** Keyset paging: only entries with a smaller id. */
  beforeId?: number;
  limit?: number;
}

/**
 * Appends an entry inside a transaction the caller holds, so that a change and its audit entry
 * are committed together or not at all (see StaffPasswordRepository).
 */
export async function appendAuditEntry(trx: Transaction<Database>, dialect: Dialect, entry: AuditEntry): Promise<void> {
  // One writer at a time across every node, so the chain has no forks.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
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
}

export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    // Inside the caller's transaction the entry commits (or rolls back) with the change it records.
    await inTransaction(this.db, (trx) => appendAuditEntry(trx, this.dialect, entry));
  }

  /** Newest first, at most 1000 at a time; page on with `beforeId` = the last id returned. */
  async list(filter: AuditFilter = {}): Promise<AuditRow[]> {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(Math.min(filter.limit ?? 200, 1000));
    if (filter.staffId) q = q.where('staff_id', '=', filter.staffId);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.actions) q = filter.actions.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('action', 'in', filter.actions);
    if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
    if (filter.conversationIdPrefix) {
      const prefix = filter.conversationIdPrefix;
      // Checked by the caller too: a wildcard here would widen the match.
      if (!/^[0-9a-f-]+$/.test(prefix)) throw new Error('conversation id prefix: lower-case hex and dashes only');
      q = q.where('target_type', '=', 'conversation');
      // A whole id matches exactly (an index on target_id can serve it); a short form by prefix.
      q = prefix.length === 36 ? q.where('target_id', '=', prefix) : q.where('target_id', 'like', `${prefix}%`);
    }
    if (filter.from !== undefined) q = q.where('at', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('at', '<', filter.to);
    if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
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
        if (row.prev_hash !== prev) return { ok: false, entries, brokenAtId: row.id, cause: 'link_broken', reason: 'an entry before this one was removed or changed' };
        if (entryHash(prev, row) !== row.hash) return { ok: false, entries, brokenAtId: row.id, cause: 'changed', reason: 'this entry was changed' };
        prev = row.hash;
        entries++;
        afterId = row.id;
      }
    }
  }
}
