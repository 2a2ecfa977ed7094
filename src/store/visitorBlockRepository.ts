// Blocks of abusive visitors: by the tab token's hash and/or a hash of her visitor key, so her
// return codes stop working for the same time. Only blocks in force are kept.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.js';
import type { VisitorBlockTable } from './staffSecuritySchema.js';

export type VisitorBlockRow = Selectable<VisitorBlockTable>;

export class VisitorBlockRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The latest end of a block in force for this token hash or visitor-key hash, or null. */
  async blockedUntil(now: number, tokenHash: string | undefined, visitorKeyHash: string | undefined): Promise<number | null> {
    if (!tokenHash && !visitorKeyHash) return null;
    const row = await this.db
      .selectFrom('visitor_blocks')
      .select((eb) => eb.fn.max('blocked_until').as('until'))
      .where('blocked_until', '>', now)
      .where('lifted_at', 'is', null)
      .where((eb) => eb.or([...(tokenHash ? [eb('token_hash', '=', tokenHash)] : []), ...(visitorKeyHash ? [eb('visitor_key_hash', '=', visitorKeyHash)] : [])]))
      .executeTakeFirst();
    const until = row?.until;
    return until === null || until === undefined ? null : Number(until);
  }

  /** Adds a block (dropping those that ran out or were lifted) and holds her return codes as long. */
  async add(row: VisitorBlockRow, visitorKey: string | null): Promise<void> {
    await this.db.deleteFrom('visitor_blocks').where((eb) => eb.or([eb('blocked_until', '<=', row.created_at), eb('lifted_at', 'is not', null)])).execute();
    await this.db.insertInto('visitor_blocks').values(row).execute();
    if (visitorKey) {
      await this.db
        .updateTable('return_codes')
        .set({ blocked_until: row.blocked_until })
        .where('visitor_key', '=', visitorKey)
        .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', row.blocked_until)]))
        .execute();
    }
  }

  listActive(now: number): Promise<VisitorBlockRow[]> {
    return this.db.selectFrom('visitor_blocks').selectAll().where('blocked_until', '>', now).where('lifted_at', 'is', null).orderBy('created_at', 'desc').limit(500).execute();
  }

  find(id: string): Promise<VisitorBlockRow | undefined> {
    return this.db.selectFrom('visitor_blocks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Lifts a block; her return codes follow whatever block still holds them (or none). */
  async lift(row: VisitorBlockRow, now: number): Promise<void> {
    await this.db.updateTable('visitor_blocks').set({ lifted_at: now }).where('id', '=', row.id).execute();
    if (!row.conversation_id || !row.visitor_key_hash) return;
    const conversation = await this.db.selectFrom('conversations').select('visitor_key').where('id', '=', row.conversation_id).executeTakeFirst();
    if (!conversation?.visitor_key) return;
    const other = await this.db
      .selectFrom('visitor_blocks')
      .select((eb) => eb.fn.max('blocked_until').as('until'))
      .where('visitor_key_hash', '=', row.visitor_key_hash)
      .where('lifted_at', 'is', null)
      .where('blocked_until', '>', now)
      .executeTakeFirst();
    const remaining = other?.until === null || other?.until === undefined ? null : Number(other.until);
    await this.db.updateTable('return_codes').set({ blocked_until: remaining }).where('visitor_key', '=', conversation.visitor_key).execute();
  }
}
