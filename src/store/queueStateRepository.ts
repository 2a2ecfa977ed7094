// The routing state (open conversations and counsellors on duty) as rows, and the routing
// reducer's changes written back. The database stays the one source of truth, so any node can
// take the next routing step; a version number raised by every step, and stamped on each row a
// step changes, lets a node that keeps the state in memory catch up by reading only what changed.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ConversationTable, CounsellorPresenceTable, Database } from './schema.js';
import type { Dialect } from './migrations/migrationContext.js';
import { transition, type Actor, type ConversationStatus, type EndReason } from '../domain/conversation/conversationLifecycle.js';
import { routingStatus, type CounsellorEntry, type QueueEffect, type QueueEntry, type QueueState } from '../domain/queue/queueModel.js';
import type { CounsellorStatus, RoutingMode } from '../domain/queue/routingPolicy.js';
import { isPriority } from '../domain/queue/priority.js';
import { parseStaffLanguages } from './staffRepository.js';

const conversationColumns = [
  'id',
  'status',
  'counsellor_id',
  'priority',
  'enqueued_at',
  'returned_to_front',
  'preferred_counsellor_id',
  'declined_by',
  'offered_at',
  'accepted_at',
  'transferred_from',
  'visitor_away_until',
  'language',
] as const;

type ConversationRow = Pick<Selectable<ConversationTable>, (typeof conversationColumns)[number]>;
type PresenceRow = Pick<Selectable<CounsellorPresenceTable>, 'staff_id' | 'status' | 'idle_since' | 'disconnected_at'> & { max_chats: number };

/** The rows a routing step changed since some version: open ones to keep, the rest to drop. */
export interface QueueRows {
  conversations: ConversationRow[];
  counsellors: PresenceRow[];
}

/** The PostgreSQL advisory lock every routing step holds (SQLite has one writer anyway). */
const routingLock = 727275;

function entryOf(r: ConversationRow): QueueEntry | undefined {
  if (r.status !== 'waiting' && r.status !== 'offered' && r.status !== 'active') return undefined;
  const base = {
    id: r.id,
    priority: isPriority(r.priority) ? r.priority : 'normal',
    enqueuedAt: r.enqueued_at,
    returnedToFront: r.returned_to_front === 1,
    preferredCounsellorId: r.preferred_counsellor_id ?? undefined,
    declinedBy: JSON.parse(r.declined_by) as string[],
    ...(r.visitor_away_until !== null && r.status !== 'active' ? { awayUntil: r.visitor_away_until } : {}),
    language: r.language,
  } as const;
  if (r.status === 'waiting' || !r.counsellor_id) return { ...base, phase: 'waiting' };
  if (r.status === 'offered') {
    return { ...base, phase: 'offered', counsellorId: r.counsellor_id, offeredAt: r.offered_at ?? r.enqueued_at, transferredFrom: r.transferred_from ?? undefined };
  }
  return { ...base, phase: 'active', counsellorId: r.counsellor_id, acceptedAt: r.accepted_at ?? r.enqueued_at };
}

function counsellorOf(p: PresenceRow): CounsellorEntry {
  return {
    id: p.staff_id,
    status: p.status as CounsellorStatus,
    capacity: p.max_chats,
    idleSince: p.idle_since,
    disconnectedAt: p.disconnected_at ?? undefined,
  };
}

/** A state with these rows applied: open conversations replaced, others (ended) dropped. */
export function applyQueueRows(state: QueueState, rows: QueueRows): QueueState {
  const conversations = { ...state.conversations };
  for (const r of rows.conversations) {
    const entry = entryOf(r);
    if (entry) conversations[r.id] = entry;
    else delete conversations[r.id];
  }
  const counsellors = { ...state.counsellors };
  for (const p of rows.counsellors) counsellors[p.staff_id] = counsellorOf(p);
  return { mode: state.mode, conversations, counsellors };
}

export class QueueStateRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /** Inside a transaction: wait for and hold the routing lock until it commits. */
  async lock(): Promise<void> {
    if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${routingLock})`.execute(this.db);
  }

  async version(): Promise<number> {
    const row = await this.db.selectFrom('queue_state').select('version').where('id', '=', 1).executeTakeFirst();
    return Number(row?.version ?? 0);
  }

  /** The whole routing state: every open conversation and every counsellor on duty. */
  async loadAll(mode: RoutingMode): Promise<QueueState> {
    const rows = await this.db.selectFrom('conversations').select(conversationColumns).where('status', 'in', ['waiting', 'offered', 'active']).execute();
    const counsellors = await this.presenceRows().execute();
    return applyQueueRows({ mode, conversations: {}, counsellors: {} }, { conversations: rows, counsellors });
  }

  /** What routing steps changed after `version` (including chats that ended since). */
  async changesSince(version: number): Promise<QueueRows> {
    const conversations = await this.db.selectFrom('conversations').select(conversationColumns).where('queue_version', '>', version).execute();
    const counsellors = await this.presenceRows().where('counsellor_presence.queue_version', '>', version).execute();
    return { conversations, counsellors };
  }

  /** Counsellors among these with an ended chat still to code (routing skips them when the service asks for that). */
  async mustCodeFirst(counsellorIds: readonly string[]): Promise<Set<string>> {
    if (counsellorIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('conversations')
      .select('counsellor_id')
      .distinct()
      .where('counsellor_id', 'in', [...counsellorIds])
      .where('status', '=', 'ended')
      .execute();
    return new Set(rows.map((r) => r.counsellor_id).filter((id): id is string => id !== null));
  }

  /** The languages each of these counsellors chats in (the staff languages skill, 020). */
  async languagesOf(counsellorIds: readonly string[]): Promise<Map<string, string[]>> {
    if (counsellorIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('staff').select(['id', 'languages']).where('id', 'in', [...counsellorIds]).execute();
    return new Map(rows.map((r) => [r.id, parseStaffLanguages(r.languages)]));
  }

  /**
   * Writes what one step changed, stamped with the new version, and an event row per effect.
   * `changed` names the conversations and counsellors the reducer touched (removed ones too).
   */
  async persist(input: {
    before: QueueState;
    after: QueueState;
    changed: { conversations: readonly string[]; counsellors: readonly string[] };
    effects: readonly QueueEffect[];
    actor: { kind: 'staff' | 'visitor' | 'system'; id: string | null };
    now: number;
    version: number;
  }): Promise<void> {
    const { after, version, now } = input;
    for (const id of input.changed.conversations) {
      const next = after.conversations[id];
      if (!next) {
        // Left the routing state (ended): the row itself was ended by the lifecycle; stamp it.
        await this.db.updateTable('conversations').set({ queue_version: version, visitor_away_until: null }).where('id', '=', id).execute();
        continue;
      }
      await this.db
        .updateTable('conversations')
        .set({
          status: next.phase,
          counsellor_id: next.phase === 'waiting' ? null : next.counsellorId,
          priority: next.priority,
          enqueued_at: next.enqueuedAt,
          returned_to_front: next.returnedToFront ? 1 : 0,
          preferred_counsellor_id: next.preferredCounsellorId ?? null,
          declined_by: JSON.stringify(next.declinedBy),
          offered_at: next.phase === 'offered' ? next.offeredAt : null,
          transferred_from: next.phase === 'offered' ? (next.transferredFrom ?? null) : null,
          visitor_away_until: next.phase === 'active' ? null : (next.awayUntil ?? null),
          queue_version: version,
          ...(next.phase === 'active' ? { accepted_at: next.acceptedAt } : {}),
        })
        .where('id', '=', id)
        .execute();
    }
    for (const id of input.changed.counsellors) {
      const next = after.counsellors[id];
      if (!next) continue;
      const values = { status: next.status, idle_since: next.idleSince, disconnected_at: next.disconnectedAt ?? null, updated_at: now, queue_version: version };
      await this.db
        .insertInto('counsellor_presence')
        .values({ staff_id: id, ...values })
        .onConflict((oc) => oc.column('staff_id').doUpdateSet(values))
        .execute();
      // The history behind counsellor-hours in the service figures: only real changes.
      const status = effectiveStatus(next);
      if (status !== effectiveStatus(input.before.counsellors[id])) {
        await this.db.insertInto('counsellor_status_changes').values({ staff_id: id, at: now, status }).execute();
      }
    }
    for (const effect of input.effects) {
      const row = eventRow(effect, input.before, after);
      if (!row) continue;
      await this.db
        .insertInto('conversation_events')
        .values({ ...row, actor_kind: input.actor.kind, actor_id: input.actor.id, at: now })
        .execute();
    }
    await this.db.updateTable('queue_state').set({ version }).where('id', '=', 1).execute();
  }

  /** Ends a conversation's row inside the step's transaction (see markConversationEnded). */
  markEnded(conversationId: string, reason: EndReason, actor: Actor, now: number): Promise<EndOutcome> {
    return markConversationEnded(this.db, conversationId, reason, actor, now);
  }

  private presenceRows() {
    return this.db
      .selectFrom('counsellor_presence')
      .innerJoin('staff', 'staff.id', 'counsellor_presence.staff_id')
      .select(['staff_id', 'status', 'idle_since', 'disconnected_at', 'staff.max_chats']);
  }
}

/** Offline while her connection is lost, whatever she chose; one not yet known is offline. */
const effectiveStatus = (c: CounsellorEntry | undefined): CounsellorStatus => (c ? routingStatus(c) : 'offline');

function eventRow(effect: QueueEffect, before: QueueState, after: QueueState) {
  const statusOf = (s: QueueState, id: string) => s.conversations[id]?.phase ?? 'ended';
  switch (effect.type) {
    case 'offered':
      return {
        conversation_id: effect.conversationId,
        type: effect.reason === 'named_transfer' ? 'transfer' : 'offer',
        from_status: statusOf(before, effect.conversationId),
        to_status: 'offered',
        detail: JSON.stringify({ to: effect.counsellorId, reason: effect.reason }),
      };
    case 'assigned':
      return {
        conversation_id: effect.conversationId,
        type: 'accept',
        from_status: statusOf(before, effect.conversationId),
        to_status: 'active',
        detail: JSON.stringify({ via: effect.via }),
      };
    case 'requeued':
      return {
        conversation_id: effect.conversationId,
        type: 'requeue',
        from_status: statusOf(before, effect.conversationId),
        to_status: statusOf(after, effect.conversationId),
        detail: JSON.stringify({ from: effect.fromCounsellorId, reason: effect.reason }),
      };
    default:
      return undefined;
  }
}

export type EndOutcome =
  | { kind: 'ended'; row: Selectable<ConversationTable> }
  | { kind: 'missing' }
  | { kind: 'invalid'; status: string }
  | { kind: 'raced' };

/**
 * Marks a conversation ended inside a routing step's transaction. The lifecycle state machine
 * decides whether it may end and with which reason (a chat that never reached a counsellor was
 * abandoned); the write is a compare-and-set on the status it had.
 */
export async function markConversationEnded(db: Kysely<Database>, conversationId: string, reason: EndReason, actor: Actor, now: number): Promise<EndOutcome> {
  const row = await db.selectFrom('conversations').select(['status', 'counsellor_id', 'end_reason']).where('id', '=', conversationId).executeTakeFirst();
  if (!row) return { kind: 'missing' };
  const current = { status: row.status as ConversationStatus, counsellorId: row.counsellor_id, endReason: row.end_reason as EndReason | null };
  const decided = transition(current, { type: 'end', reason });
  if (!decided.ok) return { kind: 'invalid', status: current.status };
  const updated = await db
    .updateTable('conversations')
    .set({
      status: 'ended',
      end_reason: decided.state.endReason,
      ended_at: now,
      offered_at: null,
      visitor_away_until: null,
      // An offer that was never taken up does not make that counsellor the chat's counsellor.
      ...(current.status === 'offered' || current.status === 'waiting' ? { counsellor_id: null } : {}),
    })
    .where('id', '=', conversationId)
    .where('status', '=', current.status)
    .returningAll()
    .executeTakeFirst();
  if (!updated) return { kind: 'raced' };
  await db
    .insertInto('conversation_events')
    .values({
      conversation_id: conversationId,
      type: 'end',
      from_status: current.status,
      to_status: 'ended',
      actor_kind: actor.kind,
      actor_id: actor.kind === 'staff' ? actor.staffId : null,
      at: now,
      detail: JSON.stringify({ reason: decided.state.endReason }),
    })
    .execute();
  return { kind: 'ended', row: updated };
}
