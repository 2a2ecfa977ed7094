import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, MessageTable } from './schema.js';
import type { StoredMessage } from '../domain/conversation/messageLog.js';
import type { TranscriptCipher } from './encryption/transcriptCipher.js';
import { GroupCommit } from './groupCommit.js';

export interface NewMessage {
  id: string;
  conversationId: string;
  clientId: string;
  sender: StoredMessage['sender'];
  senderStaffId: string | null;
  senderName: string | null;
  body: string;
  now: number;
}

export interface AppendResult {
  message: StoredMessage;
  /** True when this client id was already stored: a resend, answered with the original. */
  duplicate: boolean;
}

function toMessage(row: Selectable<MessageTable>, body: string): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientId: row.client_id,
    sender: row.sender as StoredMessage['sender'],
    senderName: row.sender_name,
    body,
    createdAt: row.created_at,
  };
}

export class MessageRepository {
  private readonly committer: GroupCommit<{ input: NewMessage; sealed: string }, StoredMessage>;
  /** Appends not yet committed, so a resend arriving meanwhile waits for the original. */
  private readonly inFlight = new Map<string, Promise<StoredMessage>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: TranscriptCipher,
  ) {
    this.committer = new GroupCommit(db, (trx, { input, sealed }) => this.insert(trx, input, sealed));
  }

  private async decrypt(row: Selectable<MessageTable>): Promise<StoredMessage> {
    return toMessage(row, await this.cipher.decrypt(row.conversation_id, row.body));
  }

  /**
   * Store a message exactly once and give it the next sequence number of its conversation.
   * The counter lives on the conversation row; incrementing it takes that row's lock, so
   * concurrent writers (even on other nodes) get distinct, gap-free numbers.
   */
  async append(input: NewMessage): Promise<AppendResult> {
    const key = `${input.conversationId}\u0000${input.clientId}`;
    const pending = this.inFlight.get(key);
    if (pending) return { message: await pending, duplicate: true };
    const existing = await this.findByClientId(input.conversationId, input.clientId);
    if (existing) return { message: existing, duplicate: true };
    const again = this.inFlight.get(key);
    if (again) return { message: await again, duplicate: true };
    // Encrypt before the transaction: on SQLite a query inside it must use the transaction itself.
    const sealed = await this.cipher.encrypt(input.conversationId, input.body);
    const committed = this.committer.submit({ input, sealed });
    this.inFlight.set(key, committed);
    try {
      return { message: await committed, duplicate: false };
    } catch (error) {
      // A concurrent resend of the same client id won the race: answer with the stored one.
      const raced = await this.findByClientId(input.conversationId, input.clientId);
      if (raced) return { message: raced, duplicate: true };
      throw error;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async insert(trx: Transaction<Database>, input: NewMessage, sealed: string): Promise<StoredMessage> {
    const counter = await trx
      .updateTable('conversations')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('id', '=', input.conversationId)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('messages')
      .values({
        id: input.id,
        conversation_id: input.conversationId,
        seq: counter.last_seq,
        client_id: input.clientId,
        sender: input.sender,
        sender_staff_id: input.senderStaffId,
        sender_name: input.senderName,
        body: sealed,
        created_at: input.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMessage(row, input.body);
  }

  async findByClientId(conversationId: string, clientId: string): Promise<StoredMessage | undefined> {
    const row = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row ? this.decrypt(row) : undefined;
  }

  /** Messages after `afterSeq`, in order: what a reconnecting participant missed. */
  async listAfter(conversationId: string, afterSeq: number, limit = 1000): Promise<StoredMessage[]> {
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return Promise.all(rows.map((r) => this.decrypt(r)));
  }

  async countFor(conversationIds: string[]): Promise<Map<string, number>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('messages')
      .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('conversation_id', 'in', conversationIds)
      .groupBy('conversation_id')
      .execute();
    return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
  }
}
