import { sql, type Kysely, type Migration } from 'kysely';

// A write counter per year for the monitor's read cache (coding_blocks). Every write of a
// coding bumps its year's counter first, inside its transaction; a reader keeps what it read
// from the rows as new cached parts only if the counter is still what it was before it read
// (checked and bumped under the row's lock), so a part never holds a stale or missing record.
// Existing parts are dropped: they are rebuilt, in parts of bounded size, on the next read.
export const codingGenerations: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('coding_years')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('generation', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into coding_years (year, generation) select distinct year, 0 from codings`.execute(db);
    await db.deleteFrom('coding_blocks').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('coding_years').execute();
  },
};
