import type { Kysely, Migration } from 'kysely';

// While a waiting visitor's tab is gone her place is held until this time (ms), and she is
// offered to nobody; null while she is connected.
export const visitorAway: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('conversations').addColumn('visitor_away_until', 'bigint').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('conversations').dropColumn('visitor_away_until').execute();
  },
};
