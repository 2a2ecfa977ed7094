import type { Kysely, Selectable } from 'kysely';
import { inTransaction } from './database.js';
import type { ConversationTable, Database } from './schema.js';
import type {
  Actor,
  ConversationState,
  ConversationStatus,
  EndReason,
  LifecycleEvent,
} from '../domain/conversation/conversationLifecycle.js';
import type { Language } from '../protocol/common.js';
import type { TranscriptCipher } from './encryption/transcriptCipher.js';
import { isPriority, type Priority } from '../domain/queue/priority.js';
import type { TriageResult } from '../domain/triage/assessTriage.js';

export interface Conversation extends ConversationState {
  id: string;
  priority: Priority;
  triage: TriageResult | null;
  prioritySetBy: string | null;
  enqueuedAt: number;
  returnedToFront: boolean;
  preferredCounsellorId: string | null;
  declinedBy: string[];
  offeredAt: number | null;
  transferredFrom: string | null;
  /** Her tab is gone while she waits: her place is held until then. */
  visitorAwayUntil: number | null;
  visitorKey: string | null;
  nickname: string | null;
  language: Language;
  lastSeq: number;
  preChat: Record<string, string> | null;
  createdAt: number;
  acceptedAt: number | null;
  endedAt: number | null;
  closedAt: number | null;
  /** chat, or mail for a letter in the anonymous mailbox (see domain/mailbox). */
  channel: 'chat' | 'mail';
}

/** What she told us about herself outside her messages; sealed in `visitor_details`. */
export interface VisitorDetails {
  nickname: string | null;
  preChat: Record<string, string> | null;
  triage: TriageResult | null;
}

/** Opens a row's sealed details (undefined after retention removed its key). */
export type DetailsOpener = (conversationId: string, wrappedKey: string, sealed: string) => string | undefined;

function visitorDetailsOf(row: Selectable<ConversationTable>, open: DetailsOpener): VisitorDetails {
  if (row.visitor_details) {
    const json = open(row.id, row.wrapped_key, row.visitor_details);
    if (json) return JSON.parse(json) as VisitorDetails;
    return { nickname: null, preChat: null, triage: null };
  }
  // Rows from before migration 007 keep these in plain columns until retention clears them.
  return {
    nickname: row.nickname,
    preChat: row.pre_chat ? (JSON.parse(row.pre_chat) as Record<string, string>) : null,
    triage: row.triage ? (JSON.parse(row.triage) as TriageResult) : null,
  };
}

export function toConversation(row: Selectable<ConversationTable>, open: DetailsOpener): Conversation {
  const details = visitorDetailsOf(row, open);
  return {
    id: row.id,
    priority: isPriority(row.priority) ? row.priority : 'normal',
    triage: details.triage,
    prioritySetBy: row.priority_set_by,
    enqueuedAt: row.enqueued_at,
    returnedToFront: row.returned_to_front === 1,
    preferredCounsellorId: row.preferred_counsellor_id,
    declinedBy: JSON.parse(row.declined_by) as string[],
    offeredAt: row.offered_at,
    transferredFrom: row.transferred_from,
    visitorAwayUntil: row.visitor_away_until ?? null,
    visitorKey: row.visitor_key,
    status: row.status as ConversationStatus,
    counsellorId: row.counsellor_id,
    endReason: row.end_reason as EndReason | null,
    nickname: details.nickname,
    language: row.language as Language,
    lastSeq: row.last_seq,
    preChat: details.preChat,
    createdAt: row.created_at,
    acceptedAt: row.accepted_at,
    endedAt: row.ended_at,
    closedAt: row.closed_at,
    channel: row.channel === 'mail' ? 'mail' : 'chat',
  };
}

export class ConversationRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: TranscriptCipher,
  ) {}

  /** Maps a row read elsewhere (e.g. inside a routing transaction) to a conversation. */
  readonly fromRow = (row: Selectable<ConversationTable>): Conversation =>
    toConversation(row, (id, wrappedKey, sealed) => this.cipher.openDetails(id, wrappedKey, sealed));

  /** Seals new details over the old ones (triage runs again after her first messages). */
  async updateDetails(conversation: Conversation, change: Partial<VisitorDetails>): Promise<void> {
    const row = await this.db.selectFrom('conversations').select('wrapped_key').where('id', '=', conversation.id).executeTakeFirst();
    if (!row?.wrapped_key) return; // purged meanwhile: nothing left to update
    const details: VisitorDetails = { nickname: conversation.nickname, preChat: conversation.preChat, triage: conversation.triage, ...change };
    await this.db
      .updateTable('conversations')
      .set({ visitor_details: this.cipher.sealDetails(conversation.id, row.wrapped_key, JSON.stringify(details)), nickname: null, pre_chat: null, triage: null })
      .where('id', '=', conversation.id)
      .execute();
  }

  async create(input: {
    id: string;
    tokenHash: string;
    nickname: string | null;
    language: Language;
    preChat: Record<string, string> | null;
    now: number;
    triage?: TriageResult;
    visitorKey?: string | null;
    preferredCounsellorId?: string | null;
  }): Promise<Conversation> {
    const wrappedKey = this.cipher.createKey(input.id);
    const details: VisitorDetails = { nickname: input.nickname, preChat: input.preChat, triage: input.triage ?? null };
    const row = await this.db
      .insertInto('conversations')
      .values({
        id: input.id,
        visitor_token_hash: input.tokenHash,
        wrapped_key: wrappedKey,
        nickname: null,
        visitor_details: this.cipher.sealDetails(input.id, wrappedKey, JSON.stringify(details)),
        language: input.language,
        status: 'waiting',
        counsellor_id: null,
        end_reason: null,
        last_seq: 0,
        pre_chat: null,
        created_at: input.now,
        accepted_at: null,
        ended_at: null,
        closed_at: null,
        purged_at: null,
        priority: input.triage?.priority ?? 'normal',
        triage: null,
        enqueued_at: input.now,
        visitor_key: input.visitorKey ?? null,
        preferred_counsellor_id: input.preferredCounsellorId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.fromRow(row);
  }

  async findById(id: string): Promise<Conversation | undefined> {
    const row = await this.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.fromRow(row) : undefined;
  }

  /** The hash of the tab token (to block that tab); never the token itself. */
  async tokenHashOf(conversationId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('conversations').select('visitor_token_hash').where('id', '=', conversationId).executeTakeFirst();
    return row?.visitor_token_hash;
  }

  /** These conversations, by id (missing ones left out). */
  async findMany(ids: readonly string[]): Promise<Map<string, Conversation>> {
    if (ids.length === 0) return new Map();
    const out = new Map<string, Conversation>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db.selectFrom('conversations').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.id, this.fromRow(r));
    }
    return out;
  }

  /** A supervisor set the priority by hand: triage no longer changes it, and the event is kept. */
  async recordPriorityByHand(input: { conversation: Conversation; priority: Priority; staffId: string; now: number }): Promise<void> {
    const { conversation } = input;
    await this.db.updateTable('conversations').set({ priority_set_by: input.staffId }).where('id', '=', conversation.id).execute();
    await this.db
      .insertInto('conversation_events')
      .values({
        conversation_id: conversation.id,
        type: 'priority',
        from_status: conversation.status,
        to_status: conversation.status,
        actor_kind: 'staff',
        actor_id: input.staffId,
        at: input.now,
        detail: JSON.stringify({ from: conversation.priority, to: input.priority }),
      })
      .execute();
  }

  /** Nicknames by conversation id (opened from the sealed details). */
  async nicknames(ids: string[]): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('conversations').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, this.fromRow(r).nickname]));
  }

  async findByTokenHash(tokenHash: string): Promise<Conversation | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('visitor_token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? this.fromRow(row) : undefined;
  }

  /** Waiting and offered conversations, oldest first. */
  /** One visitor key per person across her chats, set when she first asks for a return code. */
  async setVisitorKey(conversationId: string, visitorKey: string): Promise<void> {
    await this.db.updateTable('conversations').set({ visitor_key: visitorKey }).where('id', '=', conversationId).execute();
  }

  /** Which of these conversations still wait for a counsellor (waiting or offered). */
  async stillQueued(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('conversations').select('id').where('id', 'in', [...ids]).where('status', 'in', ['waiting', 'offered']).execute();
    return new Set(rows.map((r) => r.id));
  }

  async listQueued(): Promise<Conversation[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('status', 'in', ['waiting', 'offered'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(this.fromRow);
  }

  async listForCounsellor(staffId: string, statuses: ConversationStatus[]): Promise<Conversation[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('counsellor_id', '=', staffId)
      .where('status', 'in', statuses)
      .orderBy('created_at')
      .execute();
    return rows.map(this.fromRow);
  }

  /**
   * Compare-and-set: apply `next` only if the row still has the state the caller decided on.
   * This, not in-process state, is what makes two counsellors (or two nodes) unable to take
   * the same conversation. Returns the updated conversation, or undefined if it changed meanwhile.
   */
  async applyTransition(input: {
    current: Conversation;
    next: ConversationState;
    event: LifecycleEvent['type'];
    actor: Actor;
    now: number;
  }): Promise<Conversation | undefined> {
    const { current, next, now } = input;
    return inTransaction(this.db, async (trx) => {
      let update = trx
        .updateTable('conversations')
        .set({
          status: next.status,
          counsellor_id: next.counsellorId,
          end_reason: next.endReason,
          ...(next.status === 'active' && current.acceptedAt === null ? { accepted_at: now } : {}),
          ...(next.status === 'ended' ? { ended_at: now } : {}),
          ...(next.status === 'closed' ? { closed_at: now } : {}),
        })
        .where('id', '=', current.id)
        .where('status', '=', current.status);
      update =
        current.counsellorId === null
          ? update.where('counsellor_id', 'is', null)
          : update.where('counsellor_id', '=', current.counsellorId);
      const row = await update.returningAll().executeTakeFirst();
      if (!row) return undefined;
      await trx
        .insertInto('conversation_events')
        .values({
          conversation_id: current.id,
          type: input.event,
          from_status: current.status,
          to_status: next.status,
          actor_kind: input.actor.kind,
          actor_id: input.actor.kind === 'staff' ? input.actor.staffId : null,
          at: now,
        })
        .execute();
      return this.fromRow(row);
    });
  }

  /**
   * Deletes the transcripts of conversations that ended before `cutoff`, and their data keys,
   * so that copies of the messages in old backups become unreadable too. The row itself stays
   * for coding and statistics.
   */
  async purgeTranscriptsEndedBefore(cutoff: number, now: number, batchSize = 500): Promise<{ conversations: number; messages: number }> {
    let conversations = 0;
    let messages = 0;
    for (;;) {
      const due = await this.db
        .selectFrom('conversations')
        .select('id')
        .where('ended_at', '<', cutoff)
        .where('purged_at', 'is', null)
        .limit(batchSize)
        .execute();
      if (due.length === 0) return { conversations, messages };
      messages += await this.purge(due.map((d) => d.id), now);
      conversations += due.length;
    }
  }

  /**
   * Deletes every transcript of one visitor (found by the visitor key behind her return code),
   * as retention would. Refuses while one of her chats is still open, so no chat loses its
   * messages mid-conversation.
   */
  async purgeVisitorHistory(visitorKey: string, now: number): Promise<{ open: true } | { open: false; conversations: number; messages: number }> {
    const rows = await this.db.selectFrom('conversations').select(['id', 'status', 'purged_at']).where('visitor_key', '=', visitorKey).execute();
    if (rows.some((r) => r.status === 'waiting' || r.status === 'offered' || r.status === 'active')) return { open: true };
    const ids = rows.filter((r) => r.purged_at === null).map((r) => r.id);
    let messages = 0;
    for (let i = 0; i < ids.length; i += 500) messages += await this.purge(ids.slice(i, i + 500), now);
    return { open: false, conversations: ids.length, messages };
  }

  /** Deletes the messages, the visitor's details and the data key, so backups become unreadable too. */
  private async purge(ids: string[], now: number): Promise<number> {
    const deleted = await inTransaction(this.db, async (trx) => {
      const result = await trx.deleteFrom('messages').where('conversation_id', 'in', ids).executeTakeFirst();
      await trx
        .updateTable('conversations')
        .set({ wrapped_key: '', purged_at: now, visitor_details: null, nickname: null, pre_chat: null, triage: null })
        .where('id', 'in', ids)
        .execute();
      // What counsellors wrote about her goes with her transcript: the case summary sealed with
      // one of these chats' keys, and the contents of handovers (their kind and status stay counted).
      await trx.deleteFrom('case_summaries').where('conversation_id', 'in', ids).execute();
      await trx.updateTable('handovers').set({ sealed: null }).where('conversation_id', 'in', ids).execute();
      return Number(result.numDeletedRows);
    });
    for (const id of ids) this.cipher.forget(id);
    return deleted;
  }

  async countOpen(): Promise<{ waiting: number; offered: number; active: number }> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['waiting', 'offered', 'active'])
      .groupBy('status')
      .execute();
    const of = (s: string) => rows.find((r) => r.status === s);
    return {
      waiting: Number(of('waiting')?.n ?? 0),
      offered: Number(of('offered')?.n ?? 0),
      active: Number(of('active')?.n ?? 0),
    };
  }

  async listEvents(conversationId: string) {
    return this.db
      .selectFrom('conversation_events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('id')
      .execute();
  }
}
