import type { Kysely, Migration } from 'kysely';

// Visibility without tracking: counters per Amsterdam day, source and counter, and nothing else.
// No conversation id, no time of day, no visitor: a row can never be joined to a chat. The
// source is a referral token, 'direct' or 'unknown' (see domain/visibility/visibilityCounters.ts).
export const visibilityCounts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('visibility_counts')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('counter', 'text', (c) => c.notNull())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('visibility_counts_pk', ['day', 'source', 'counter'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('visibility_counts').execute();
  },
};
