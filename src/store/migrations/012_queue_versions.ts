import type { Kysely, Migration } from 'kysely';

// Every routing step raises one version number and stamps the rows it changed with it, so a
// node that holds the routing state in memory catches up by reading only the rows changed since
// the version it knows, instead of the whole queue at every step.
export const queueVersions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('queue_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await db.insertInto('queue_state').values({ id: 1, version: 1 }).execute();
    await db.schema.alterTable('conversations').addColumn('queue_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('conversations_queue_version').on('conversations').column('queue_version').execute();
    await db.schema.alterTable('counsellor_presence').addColumn('queue_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('counsellor_presence').dropColumn('queue_version').execute();
    await db.schema.dropIndex('conversations_queue_version').execute();
    await db.schema.alterTable('conversations').dropColumn('queue_version').execute();
    await db.schema.dropTable('queue_state').execute();
  },
};
