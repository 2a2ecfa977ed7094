// Loads the routing state (open conversations and counsellors on duty) from the database and
// writes back what the routing reducer changed. The database stays the one source of truth,
// so any node can take the next routing step.
import type { Kysely, Selectable } from 'kysely';
import type { ConversationTable, Database } from './schema.js';
import { transition, type Actor, type ConversationStatus, type EndReason } from '../domain/conversation/conversationLifecycle.js';
import type {
  CounsellorEntry,
  QueueEffect,
  QueueEntry,
  QueueState,
} from '../domain/queue/queueModel.js';
import type { CounsellorStatus, RoutingMode } from '../domain/queue/routingPolicy.js';
import { isPriority } from '../domain/queue/priority.js';

export async function loadQueueState(db: Kysely<Database>, mode: RoutingMode, options: { requireCodingBeforeNext?: boolean } = {}): Promise<QueueState> {
  const rows = await db
    .selectFrom('conversations')
    .select([
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
    ])
    .where('status', 'in', ['waiting', 'offered', 'active'])
    .execute();
  const conversations: Record<string, QueueEntry> = {};
  for (const r of rows) {
    const base = {
      id: r.id,
      priority: isPriority(r.priority) ? r.priority : 'normal',
      enqueuedAt: r.enqueued_at,
      returnedToFront: r.returned_to_front === 1,
      preferredCounsellorId: r.preferred_counsellor_id ?? undefined,
      declinedBy: JSON.parse(r.declined_by) as string[],
      ...(r.visitor_away_until !== null && r.status !== 'active' ? { awayUntil: r.visitor_away_until } : {}),
    } as const;
    if (r.status === 'waiting' || !r.counsellor_id) conversations[r.id] = { ...base, phase: 'waiting' };
    else if (r.status === 'offered')
      conversations[r.id] = {
        ...base,
        phase: 'offered',
        counsellorId: r.counsellor_id,
        offeredAt: r.offered_at ?? r.enqueued_at,
        transferredFrom: r.transferred_from ?? undefined,
      };
    else conversations[r.id] = { ...base, phase: 'active', counsellorId: r.counsellor_id, acceptedAt: r.accepted_at ?? r.enqueued_at };
  }
  const presence = await db
    .selectFrom('counsellor_presence')
    .innerJoin('staff', 'staff.id', 'counsellor_presence.staff_id')
    .select(['staff_id', 'status', 'idle_since', 'disconnected_at', 'staff.max_chats'])
    .execute();
  const uncoded = options.requireCodingBeforeNext
    ? new Set(
        (await db.selectFrom('conversations').select('counsellor_id').distinct().where('status', '=', 'ended').where('counsellor_id', 'is not', null).execute()).map(
          (r) => r.counsellor_id,
        ),
      )
    : new Set<string | null>();
  const counsellors: Record<string, CounsellorEntry> = {};
  for (const p of presence) {
    counsellors[p.staff_id] = {
      id: p.staff_id,
      status: p.status as CounsellorStatus,
      capacity: p.max_chats,
      idleSince: p.idle_since,
      disconnectedAt: p.disconnected_at ?? undefined,
      ...(uncoded.has(p.staff_id) ? { mustCodeFirst: true } : {}),
    };
  }
  return { mode, conversations, counsellors };
}

export interface QueueChanges {
  conversationIds: string[];
  counsellorIds: string[];
}

/** Writes the difference between two routing states, and an event row per effect. */
export async function persistQueueStep(
  db: Kysely<Database>,
  before: QueueState,
  after: QueueState,
  effects: readonly QueueEffect[],
  actor: { kind: 'staff' | 'visitor' | 'system'; id: string | null },
  now: number,
): Promise<QueueChanges> {
  const changedConversations: string[] = [];
  for (const [id, next] of Object.entries(after.conversations)) {
    const prev = before.conversations[id];
    if (prev && sameEntry(prev, next)) continue;
    changedConversations.push(id);
    await db
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
        ...(next.phase === 'active' ? { accepted_at: next.acceptedAt } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
  const changedCounsellors: string[] = [];
  for (const [id, next] of Object.entries(after.counsellors)) {
    const prev = before.counsellors[id];
    if (prev && prev.status === next.status && prev.idleSince === next.idleSince && prev.disconnectedAt === next.disconnectedAt) continue;
    changedCounsellors.push(id);
    const values = { status: next.status, idle_since: next.idleSince, disconnected_at: next.disconnectedAt ?? null, updated_at: now };
    await db
      .insertInto('counsellor_presence')
      .values({ staff_id: id, ...values })
      .onConflict((oc) => oc.column('staff_id').doUpdateSet(values))
      .execute();
  }
  for (const effect of effects) {
    const row = eventRow(effect, before, after);
    if (!row) continue;
    await db
      .insertInto('conversation_events')
      .values({ ...row, actor_kind: actor.kind, actor_id: actor.id, at: now })
      .execute();
  }
  return { conversationIds: changedConversations, counsellorIds: changedCounsellors };
}

function sameEntry(a: QueueEntry, b: QueueEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

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
  const row = await db
    .selectFrom('conversations')
    .select(['status', 'counsellor_id', 'end_reason'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
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
