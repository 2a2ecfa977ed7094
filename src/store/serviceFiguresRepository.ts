// Small counts the live board and the wait estimate need (how many chats started and were
// abandoned in the last hour, how long recent chats took), and the rows behind the service's own
// figures over a period: arrivals with their times, end reason and priority, and the counsellors'
// status history. Plain column reads and comparisons, so SQLite and PostgreSQL answer alike.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { isPriority } from '../domain/queue/priority.js';
import type { FigureChat } from '../domain/serviceFigures/serviceFigures.js';
import type { CounsellorChat, StatusChange } from '../domain/serviceFigures/dutyIntervals.js';

const hour = 3_600_000;

export class ServiceFiguresRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async lastHour(now: number): Promise<{ started: number; abandoned: number }> {
    const started = await this.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', now - hour)
      // Letters in the mailbox are no chats: they neither arrive in the queue nor take a counsellor's time live.
      .where('channel', '=', 'chat')
      .executeTakeFirstOrThrow();
    const abandoned = await this.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ended_at', '>=', now - hour)
      .where('end_reason', '=', 'abandoned')
      .executeTakeFirstOrThrow();
    return { started: Number(started.n), abandoned: Number(abandoned.n) };
  }

  /** The most recent chats handled in the last day: when each ended and how long it took. */
  async recentHandling(now: number, windowMs: number, limit = 50): Promise<{ endedAt: number; durationMs: number }[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(['accepted_at', 'ended_at'])
      .where('ended_at', '>=', now - windowMs)
      .where('accepted_at', 'is not', null)
      .where('channel', '=', 'chat')
      .orderBy('ended_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ endedAt: r.ended_at!, durationMs: r.ended_at! - r.accepted_at! }));
  }

  /** Conversations that arrived in [from, to), oldest first. */
  async arrivedBetween(from: number, to: number): Promise<FigureChat[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(['created_at', 'accepted_at', 'ended_at', 'end_reason', 'priority'])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      // Letters in the mailbox are no chat arrivals (they are counted through their codings).
      .where('channel', '=', 'chat')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      createdAt: Number(r.created_at),
      acceptedAt: r.accepted_at === null ? null : Number(r.accepted_at),
      endedAt: r.ended_at === null ? null : Number(r.ended_at),
      endReason: r.end_reason,
      priority: isPriority(r.priority) ? r.priority : 'normal',
    }));
  }

  /** Chats a counsellor held at some time in [from, to): they count as time on duty. */
  async heldBetween(from: number, to: number): Promise<CounsellorChat[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(['counsellor_id', 'accepted_at', 'ended_at'])
      .where('counsellor_id', 'is not', null)
      .where('accepted_at', 'is not', null)
      .where('accepted_at', '<', to)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', from)]))
      .execute();
    return rows.map((r) => ({ counsellorId: r.counsellor_id!, acceptedAt: Number(r.accepted_at), endedAt: r.ended_at === null ? null : Number(r.ended_at) }));
  }

  /** Status changes in [from, to), and each counsellor's last one before `from` (her status as the period began). */
  async statusChangesBetween(from: number, to: number): Promise<StatusChange[]> {
    const inside = await this.db
      .selectFrom('counsellor_status_changes')
      .select(['staff_id', 'at', 'status'])
      .where('at', '>=', from)
      .where('at', '<', to)
      .execute();
    const before = await this.db
      .selectFrom('counsellor_status_changes as s')
      .innerJoin(
        (eb) => eb.selectFrom('counsellor_status_changes').select(['staff_id', (e) => e.fn.max('at').as('last')]).where('at', '<', from).groupBy('staff_id').as('m'),
        (join) => join.onRef('m.staff_id', '=', 's.staff_id').onRef('m.last', '=', 's.at'),
      )
      .select(['s.staff_id', 's.at', 's.status'])
      .execute();
    return [...before, ...inside].map((r) => ({ staffId: r.staff_id, at: Number(r.at), status: r.status }));
  }

  /**
   * Retention of the status history: deletes changes older than `before`, except each counsellor's
   * last one before it, which still says what her status was when a figures period starts there.
   */
  async purgeStatusChangesBefore(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('counsellor_status_changes as old')
      .where('old.at', '<', before)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('counsellor_status_changes as later')
            .select('later.at')
            .whereRef('later.staff_id', '=', 'old.staff_id')
            .whereRef('later.at', '>', 'old.at')
            .where('later.at', '<', before),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
