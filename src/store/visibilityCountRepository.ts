// Counters per day × source × counter (023). Only ever incremented and summed: there is no row
// per visitor or per chat to read back.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { VisibilityCount } from '../domain/visibility/visibilityCounters.js';

export class VisibilityCountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds one to each of the counters of this day and source (an upsert: portable, no read first). */
  async increment(day: string, source: string, counters: readonly string[]): Promise<void> {
    for (const counter of counters) {
      await this.db
        .insertInto('visibility_counts')
        .values({ day, source, counter, count: 1 })
        .onConflict((oc) => oc.columns(['day', 'source', 'counter']).doUpdateSet({ count: sql<number>`visibility_counts.count + 1` }))
        .execute();
    }
  }

  /** Every counter from `fromDay` up to and including `toDay` (YYYY-MM-DD). */
  async between(fromDay: string, toDay: string): Promise<VisibilityCount[]> {
    const rows = await this.db
      .selectFrom('visibility_counts')
      .select(['day', 'source', 'counter', 'count'])
      .where('day', '>=', fromDay)
      .where('day', '<=', toDay)
      .orderBy('day')
      .orderBy('source')
      .orderBy('counter')
      .execute();
    return rows.map((r) => ({ day: r.day, source: r.source, counter: r.counter, count: Number(r.count) }));
  }
}
