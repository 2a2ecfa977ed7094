// Warm handovers. What the counsellor wrote (the organisation, her consent in her own words, what
// is shared, the reason of an emergency) is sealed with the conversation's data key, like notes;
// retention clears it (see ConversationRepository.purge). Kind, method and status stay plain.
import type { Kysely, Selectable } from 'kysely';
import type { Database, HandoverTable } from './schema.js';
import type { TranscriptCipher } from './encryption/transcriptCipher.js';
import type { HandoverKind, HandoverMethod, HandoverStatus } from '../domain/handover/handoverRules.js';

export interface HandoverContent {
  organisation: string;
  consentSummary: string;
  shared: string;
  reason: string;
}

export interface StoredHandover {
  id: string;
  conversationId: string;
  recordedBy: string;
  recordedByName: string;
  kind: HandoverKind;
  status: HandoverStatus;
  method: HandoverMethod;
  directoryEntryId: string | null;
  /** null once retention deleted the chat's transcript (and with it this text). */
  content: HandoverContent | null;
  createdAt: number;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: number | null;
}

type Row = Selectable<HandoverTable> & { recorded_by_name: string; decided_by_name: string | null };

export class HandoverRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: TranscriptCipher,
  ) {}

  async add(h: { id: string; conversationId: string; staffId: string; kind: HandoverKind; status: HandoverStatus; method: HandoverMethod; directoryEntryId: string | null; content: HandoverContent; now: number }): Promise<void> {
    await this.db
      .insertInto('handovers')
      .values({
        id: h.id,
        conversation_id: h.conversationId,
        staff_id: h.staffId,
        kind: h.kind,
        status: h.status,
        method: h.method,
        directory_entry_id: h.directoryEntryId,
        sealed: await this.cipher.encrypt(h.conversationId, JSON.stringify(h.content)),
        created_at: h.now,
        decided_by: null,
        decided_at: null,
      })
      .execute();
  }

  async find(id: string): Promise<StoredHandover | undefined> {
    const row = await this.select().where('handovers.id', '=', id).executeTakeFirst();
    return row ? this.open(row) : undefined;
  }

  async listForConversation(conversationId: string): Promise<StoredHandover[]> {
    const rows = await this.select().where('handovers.conversation_id', '=', conversationId).orderBy('handovers.created_at').orderBy('handovers.id').execute();
    return Promise.all(rows.map((r) => this.open(r)));
  }

  /** The newest handovers for the supervisors' list, optionally only those with one status. */
  async listRecent(options: { status?: HandoverStatus; limit: number }): Promise<StoredHandover[]> {
    let query = this.select();
    if (options.status) query = query.where('handovers.status', '=', options.status);
    const rows = await query.orderBy('handovers.created_at', 'desc').orderBy('handovers.id', 'desc').limit(options.limit).execute();
    return Promise.all(rows.map((r) => this.open(r)));
  }

  /** Compare-and-set from pending: false when someone decided it meanwhile. */
  async decide(id: string, status: HandoverStatus, staffId: string, now: number): Promise<boolean> {
    const result = await this.db.updateTable('handovers').set({ status, decided_by: staffId, decided_at: now }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Consented handovers and approved emergency ones per kind, recorded in [from, to) (the yearly counts). */
  async countStanding(from: number, to: number): Promise<{ consent: number; emergency: number }> {
    const rows = await this.db
      .selectFrom('handovers')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('status', 'in', ['recorded', 'approved'])
      .groupBy('kind')
      .execute();
    const of = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
    return { consent: of('consent'), emergency: of('emergency') };
  }

  private select() {
    return this.db
      .selectFrom('handovers')
      .innerJoin('staff as recorder', 'recorder.id', 'handovers.staff_id')
      .leftJoin('staff as decider', 'decider.id', 'handovers.decided_by')
      .selectAll('handovers')
      .select(['recorder.display_name as recorded_by_name', 'decider.display_name as decided_by_name']);
  }

  private async open(row: Row): Promise<StoredHandover> {
    return {
      id: row.id,
      conversationId: row.conversation_id,
      recordedBy: row.staff_id,
      recordedByName: row.recorded_by_name,
      kind: row.kind as HandoverKind,
      status: row.status as HandoverStatus,
      method: row.method as HandoverMethod,
      directoryEntryId: row.directory_entry_id,
      content: row.sealed ? (JSON.parse(await this.cipher.decrypt(row.conversation_id, row.sealed)) as HandoverContent) : null,
      createdAt: row.created_at,
      decidedBy: row.decided_by,
      decidedByName: row.decided_by_name,
      decidedAt: row.decided_at,
    };
  }
}
