import type { Kysely, Migration } from 'kysely';

// A short case summary per returning visitor (one per visitor key), written by her counsellors.
// Sealed with the data key of the chat it was last saved in: when retention or her own "delete my
// history" removes that chat's transcript, the summary goes with it.
export const caseSummaries: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('case_summaries')
      .addColumn('visitor_key', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull().references('staff.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_summaries_conversation').on('case_summaries').column('conversation_id').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('case_summaries').execute();
  },
};
