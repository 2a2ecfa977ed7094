// Return codes, stored only as a slow keyed hash (computed by the caller) with the visitor key
// they lead to. Nothing here can turn a row back into a code.
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReturnCodeTable } from './schema.js';

export type ReturnCodeRow = Selectable<ReturnCodeTable>;

/** Hashes written before return codes were keyed with the installation's pepper have no prefix. */
export const keyedHashPrefix = 'v2:';

export class ReturnCodeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: ReturnCodeRow): Promise<void> {
    await this.db.insertInto('return_codes').values(row).execute();
  }

  findByHash(codeHash: string): Promise<ReturnCodeRow | undefined> {
    return this.db.selectFrom('return_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
  }

  async touch(codeHash: string, now: number): Promise<void> {
    await this.db.updateTable('return_codes').set({ last_used_at: now }).where('code_hash', '=', codeHash).execute();
  }

  /** Replaces an old-style hash by a keyed one, the moment the code is used. */
  async rehash(oldHash: string, newHash: string): Promise<void> {
    await this.db.updateTable('return_codes').set({ code_hash: newHash }).where('code_hash', '=', oldHash).execute();
  }

  async hasUnkeyedHashes(): Promise<boolean> {
    const row = await this.db.selectFrom('return_codes').select('code_hash').where('code_hash', 'not like', `${keyedHashPrefix}%`).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async deleteForVisitor(visitorKey: string): Promise<void> {
    await this.db.deleteFrom('return_codes').where('visitor_key', '=', visitorKey).execute();
  }

  /** Her next chat with a code goes to the counsellor she spoke to last. */
  async preferCounsellor(visitorKey: string, counsellorId: string): Promise<void> {
    await this.db.updateTable('return_codes').set({ preferred_counsellor_id: counsellorId }).where('visitor_key', '=', visitorKey).execute();
  }

  /** Retention: codes unused for a year. */
  async deleteUnusedSince(before: number): Promise<void> {
    await this.db.deleteFrom('return_codes').where('last_used_at', '<', before).execute();
  }
}
