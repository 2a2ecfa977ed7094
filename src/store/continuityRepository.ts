// Continuity for a returning visitor: the case summary her counsellors keep (one per visitor
// key, sealed with the data key of the chat it was last saved in, so it goes when that chat's
// transcript goes) and the list of her earlier chats.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { TranscriptCipher } from './encryption/transcriptCipher.js';

export interface StoredCaseSummary {
  body: string;
  /** The chat it was last saved in (its data key seals the body). */
  conversationId: string;
  updatedBy: string;
  updatedByName: string;
  updatedAt: number;
}

export interface EarlierChat {
  id: string;
  createdAt: number;
  endedAt: number | null;
  counsellorId: string | null;
  /** Retention (or she herself) deleted the transcript. */
  purged: boolean;
}

export class ContinuityRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: TranscriptCipher,
  ) {}

  async findSummary(visitorKey: string): Promise<StoredCaseSummary | undefined> {
    const row = await this.db
      .selectFrom('case_summaries')
      .innerJoin('staff', 'staff.id', 'case_summaries.updated_by')
      .select(['case_summaries.body', 'case_summaries.conversation_id', 'case_summaries.updated_by', 'case_summaries.updated_at', 'staff.display_name'])
      .where('visitor_key', '=', visitorKey)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      body: await this.cipher.decrypt(row.conversation_id, row.body),
      conversationId: row.conversation_id,
      updatedBy: row.updated_by,
      updatedByName: row.display_name,
      updatedAt: row.updated_at,
    };
  }

  /** Creates or replaces her summary, sealed with the data key of the chat it is saved in. */
  async saveSummary(s: { visitorKey: string; conversationId: string; body: string; staffId: string; now: number }): Promise<void> {
    const body = await this.cipher.encrypt(s.conversationId, s.body);
    await this.db
      .insertInto('case_summaries')
      .values({ visitor_key: s.visitorKey, conversation_id: s.conversationId, body, updated_by: s.staffId, created_at: s.now, updated_at: s.now })
      .onConflict((oc) => oc.column('visitor_key').doUpdateSet({ conversation_id: s.conversationId, body, updated_by: s.staffId, updated_at: s.now }))
      .execute();
  }

  async deleteSummary(visitorKey: string): Promise<void> {
    await this.db.deleteFrom('case_summaries').where('visitor_key', '=', visitorKey).execute();
  }

  /** Her chats that began before this one, newest first (never a later one: see Continuity). */
  async earlierChats(visitorKey: string, before: { id: string; createdAt: number }, limit = 20): Promise<EarlierChat[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(['id', 'created_at', 'ended_at', 'counsellor_id', 'purged_at'])
      .where('visitor_key', '=', visitorKey)
      .where('id', '!=', before.id)
      // Not after it; a chat begun in the same millisecond (only ever in tests) counts as earlier.
      .where('created_at', '<=', before.createdAt)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, endedAt: r.ended_at, counsellorId: r.counsellor_id, purged: r.purged_at !== null }));
  }

  /** Whether she began another chat after this one (then that chat, not this, carries her continuity). */
  async hasLaterChat(visitorKey: string, after: { id: string; createdAt: number }): Promise<boolean> {
    const row = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('visitor_key', '=', visitorKey)
      .where('id', '!=', after.id)
      .where('created_at', '>', after.createdAt)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
