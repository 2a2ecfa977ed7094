import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, MessageTable } from './schema.js';
import type { StoredMessage } from '../domain/conversation/messageLog.js';
import type { ConversationStatus } from '../domain/conversation/conversationLifecycle.js';
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
  /** The conversation's status as the write found it (absent for a resend answered from memory). */
  status?: ConversationStatus;
}

/**
 * Who may still write in a conversation, checked on its row inside the write, under the row's
 * lock: a chat that ended or changed hands a moment ago refuses the message.
 */
export interface SendRule {
  statuses: readonly ConversationStatus[];
  /** Only while this counsellor holds the conversation. */
  counsellorId?: string;
}

/** Stored now, refused by the rule (undefined), or a resend of a client id stored before. */
type InsertOutcome = AppendResult | undefined | 'stored before';

interface Append {
  input: NewMessage;
  sealed: string;
  rule: SendRule | undefined;
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
  private readonly committer: GroupCommit<Append, InsertOutcome> | undefined;
  /** Appends not yet committed, so a resend arriving meanwhile waits for the original. */
  private readonly inFlight = new Map<string, Promise<AppendResult | undefined>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: TranscriptCipher,
  ) {
    // Inside a caller's transaction a message is written with it (and commits with it);
    // otherwise messages arriving together share one durable commit.
    this.committer = db.isTransaction ? undefined : new GroupCommit(db, (trx, append) => this.insert(trx, append));
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
    const result = await this.write(input, undefined);
    if (!result) throw new Error('no such conversation');
    return result;
  }

  /** As append, but only if the conversation's row still satisfies `rule`; undefined if not. */
  appendIfAllowed(input: NewMessage, rule: SendRule): Promise<AppendResult | undefined> {
    return this.write(input, rule);
  }

  private async write(input: NewMessage, rule: SendRule | undefined): Promise<AppendResult | undefined> {
    const key = `${input.conversationId}\u0000${input.clientId}`;
    const pending = this.inFlight.get(key);
    if (pending) {
      const original = await pending;
      if (original) return { message: original.message, duplicate: true };
    }
    const committed = this.commit(input, rule);
    this.inFlight.set(key, committed);
    try {
      return await committed;
    } finally {
      if (this.inFlight.get(key) === committed) this.inFlight.delete(key);
    }
  }

  private async commit(input: NewMessage, rule: SendRule | undefined): Promise<AppendResult | undefined> {
    // Encrypt before the transaction: on SQLite a query inside it must use the transaction itself.
    const sealed = await this.cipher.encrypt(input.conversationId, input.body);
    const append = { input, sealed, rule };
    const outcome = this.committer ? await this.committer.submit(append) : await this.insert(this.db as Transaction<Database>, append);
    if (outcome !== 'stored before') return outcome;
    const original = await this.findByClientId(input.conversationId, input.clientId);
    if (!original) throw new Error('a stored message vanished');
    return { message: original, duplicate: true };
  }

  /**
   * Counter first (it takes the row lock and checks the rule), then the insert; a client id
   * stored before (a resend, perhaps from another node) inserts nothing and takes back its number.
   */
  private async insert(trx: Transaction<Database>, { input, sealed, rule }: Append): Promise<InsertOutcome> {
    let counter = trx
      .updateTable('conversations')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('id', '=', input.conversationId);
    if (rule) counter = counter.where('status', 'in', rule.statuses);
    if (rule?.counsellorId) counter = counter.where('counsellor_id', '=', rule.counsellorId);
    const row = await counter.returning(['last_seq', 'status']).executeTakeFirst();
    if (!row) return undefined;
    const message: StoredMessage = {
      id: input.id,
      conversationId: input.conversationId,
      seq: row.last_seq,
      clientId: input.clientId,
      sender: input.sender,
      senderName: input.senderName,
      body: input.body,
      createdAt: input.now,
    };
    const inserted = await trx
      .insertInto('messages')
      .values({
        id: message.id,
        conversation_id: message.conversationId,
        seq: message.seq,
        client_id: message.clientId,
        sender: message.sender,
        sender_staff_id: input.senderStaffId,
        sender_name: message.senderName,
        body: sealed,
        created_at: message.createdAt,
      })
      .onConflict((oc) => oc.columns(['conversation_id', 'client_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { message, duplicate: false, status: row.status as ConversationStatus };
    await trx
      .updateTable('conversations')
      .set((eb) => ({ last_seq: eb('last_seq', '-', 1) }))
      .where('id', '=', input.conversationId)
      .execute();
    return 'stored before';
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
