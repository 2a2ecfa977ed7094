import type { Kysely, Migration } from 'kysely';

// The visitor's own words outside her messages (nickname, pre-chat answers, the phrases triage
// matched) move into one sealed column, encrypted with the conversation's data key, so that a
// dump shows none of them and retention removes them with the transcript. Rows written before
// this migration keep their plain columns until retention clears them.
export const sealedVisitorDetails: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('conversations').addColumn('visitor_details', 'text').execute();
    // A visitor deleting her history with her return code finds her chats by visitor key.
    await db.schema.createIndex('conversations_visitor_key').on('conversations').column('visitor_key').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('conversations_visitor_key').execute();
    await db.schema.alterTable('conversations').dropColumn('visitor_details').execute();
  },
};
