import type { Kysely, Migration } from 'kysely';

// The service's own figures (occupancy per counsellor-hour) need to know when counsellors were on
// duty; counsellor_presence only holds the status now. Routing steps append a row here whenever a
// counsellor's effective status (offline while disconnected) changes. Also an index for reading
// conversations by arrival time over a period.
export const counsellorStatusChanges: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('counsellor_status_changes')
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('counsellor_status_changes_at').on('counsellor_status_changes').columns(['at', 'staff_id']).execute();
    await db.schema.createIndex('counsellor_status_changes_staff').on('counsellor_status_changes').columns(['staff_id', 'at']).execute();
    await db.schema.createIndex('conversations_created').on('conversations').column('created_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('conversations_created').execute();
    await db.schema.dropTable('counsellor_status_changes').execute();
  },
};
