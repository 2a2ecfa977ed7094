// Small counts the live board and the wait estimate need: how many chats started and were
// abandoned in the last hour, and how long recent chats took.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

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
}
