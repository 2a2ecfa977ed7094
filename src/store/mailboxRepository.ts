// Letters of the anonymous mailbox: conversations with channel 'mail'. Her letter and the
// answer are messages, encrypted with the conversation's data key exactly like chat messages,
// so the retention purge, "delete my history" and key rotation cover them without a copy.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { inTransaction } from './database.js';
import type { Database } from './schema.js';
import type { TranscriptCipher } from './encryption/transcriptCipher.js';
import { letterStatuses, type LetterState, type LetterStatus } from '../domain/mailbox/letterLifecycle.js';
import type { Language } from '../protocol/common.js';

export interface LetterSummary {
  id: string;
  status: LetterStatus;
  counsellorId: string | null;
  language: Language;
  createdAt: number;
}

export interface LetterMessage {
  sender: 'visitor' | 'counsellor';
  senderName: string | null;
  body: string;
  at: number;
}

export interface LetterThread extends LetterSummary {
  endedAt: number | null;
  messages: LetterMessage[];
}

const summaryColumns = ['id', 'status', 'counsellor_id', 'language', 'created_at', 'ended_at'] as const;

export class MailboxRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: TranscriptCipher,
  ) {}

  /** Stores a new letter (its own conversation and data key) under her visitor key. */
  async create(input: { id: string; visitorKey: string; language: Language; text: string; now: number }): Promise<void> {
    const wrappedKey = this.cipher.createKey(input.id);
    const details = JSON.stringify({ nickname: null, preChat: null, triage: null });
    await this.db
      .insertInto('conversations')
      .values({
        id: input.id,
        channel: 'mail',
        // A letter has no tab: a random hash that no token can ever match.
        visitor_token_hash: crypto.randomBytes(32).toString('hex'),
        wrapped_key: wrappedKey,
        nickname: null,
        visitor_details: this.cipher.sealDetails(input.id, wrappedKey, details),
        language: input.language,
        status: 'letter_open',
        counsellor_id: null,
        end_reason: null,
        last_seq: 0,
        pre_chat: null,
        created_at: input.now,
        accepted_at: null,
        ended_at: null,
        closed_at: null,
        purged_at: null,
        triage: null,
        enqueued_at: input.now,
        visitor_key: input.visitorKey,
        preferred_counsellor_id: null,
      })
      .execute();
    await this.addMessage({ conversationId: input.id, sender: 'visitor', staffId: null, senderName: null, text: input.text, now: input.now });
  }

  /** Letters still waiting for an answer (open or claimed), oldest first. */
  async listUnanswered(): Promise<LetterSummary[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(summaryColumns)
      .where('channel', '=', 'mail')
      .where('status', 'in', [...letterStatuses])
      // Deleted with her code meanwhile: nothing left to read or answer.
      .where('purged_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toSummary);
  }

  async findState(id: string): Promise<(LetterSummary & { endedAt: number | null }) | undefined> {
    const row = await this.db.selectFrom('conversations').select(summaryColumns).where('id', '=', id).where('channel', '=', 'mail').where('purged_at', 'is', null).executeTakeFirst();
    return row ? { ...toSummary(row), endedAt: row.ended_at === null ? null : Number(row.ended_at) } : undefined;
  }

  /** One letter with its messages, opened; undefined when unknown, not a letter, or purged. */
  async find(id: string): Promise<LetterThread | undefined> {
    const state = await this.findState(id);
    if (!state) return undefined;
    return { ...state, messages: await this.messagesOf(id) };
  }

  /** Her letters (by the visitor key behind her return code) that still have their text, oldest first. */
  async forVisitor(visitorKey: string): Promise<LetterThread[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(summaryColumns)
      .where('channel', '=', 'mail')
      .where('visitor_key', '=', visitorKey)
      .where('purged_at', 'is', null)
      .orderBy('created_at')
      .execute();
    return Promise.all(rows.map(async (r) => ({ ...toSummary(r), endedAt: r.ended_at === null ? null : Number(r.ended_at), messages: await this.messagesOf(r.id) })));
  }

  /** Compare-and-set, like a chat's transition: two counsellors cannot both claim one letter. */
  async applyTransition(input: { id: string; current: LetterState; next: LetterState; event: string; staffId: string; now: number }): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      let update = trx
        .updateTable('conversations')
        .set({
          status: input.next.status,
          counsellor_id: input.next.counsellorId,
          ...(input.next.status === 'ended' ? { ended_at: input.now, end_reason: 'counsellor' } : {}),
        })
        .where('id', '=', input.id)
        .where('channel', '=', 'mail')
        .where('status', '=', input.current.status);
      update = input.current.counsellorId === null ? update.where('counsellor_id', 'is', null) : update.where('counsellor_id', '=', input.current.counsellorId);
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await trx
        .insertInto('conversation_events')
        .values({ conversation_id: input.id, type: `letter_${input.event}`, from_status: input.current.status, to_status: input.next.status, actor_kind: 'staff', actor_id: input.staffId, at: input.now, detail: null })
        .execute();
      return true;
    });
  }

  async addMessage(input: { conversationId: string; sender: 'visitor' | 'counsellor'; staffId: string | null; senderName: string | null; text: string; now: number }): Promise<void> {
    const body = await this.cipher.encrypt(input.conversationId, input.text);
    const row = await this.db
      .updateTable('conversations')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('id', '=', input.conversationId)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto('messages')
      .values({
        id: crypto.randomUUID(),
        conversation_id: input.conversationId,
        seq: row.last_seq,
        client_id: `letter-${row.last_seq}`,
        sender: input.sender,
        sender_staff_id: input.staffId,
        sender_name: input.senderName,
        body,
        created_at: input.now,
      })
      .execute();
  }

  /**
   * Retention for letters never answered: past the retention period their text and key go as
   * an ended chat's do, and the letter leaves the mailbox (closed, nothing left to answer).
   */
  async purgeUnansweredCreatedBefore(cutoff: number, now: number): Promise<{ letters: number; messages: number }> {
    const due = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('channel', '=', 'mail')
      .where('status', 'in', [...letterStatuses])
      .where('created_at', '<', cutoff)
      .execute();
    if (due.length === 0) return { letters: 0, messages: 0 };
    const ids = due.map((d) => d.id);
    const deleted = await this.db.deleteFrom('messages').where('conversation_id', 'in', ids).executeTakeFirst();
    await this.db
      .updateTable('conversations')
      .set({ status: 'closed', counsellor_id: null, ended_at: now, closed_at: now, wrapped_key: '', purged_at: now, visitor_details: null })
      .where('id', 'in', ids)
      .execute();
    for (const id of ids) this.cipher.forget(id);
    return { letters: ids.length, messages: Number(deleted.numDeletedRows) };
  }

  private async messagesOf(conversationId: string): Promise<LetterMessage[]> {
    const rows = await this.db.selectFrom('messages').select(['sender', 'sender_name', 'body', 'created_at']).where('conversation_id', '=', conversationId).orderBy('seq').execute();
    return Promise.all(
      rows.map(async (r) => ({
        sender: r.sender === 'visitor' ? ('visitor' as const) : ('counsellor' as const),
        senderName: r.sender_name,
        body: await this.cipher.decrypt(conversationId, r.body),
        at: Number(r.created_at),
      })),
    );
  }
}

function toSummary(row: { id: string; status: string; counsellor_id: string | null; language: string; created_at: number }): LetterSummary {
  return { id: row.id, status: row.status as LetterStatus, counsellorId: row.counsellor_id, language: row.language as Language, createdAt: Number(row.created_at) };
}
