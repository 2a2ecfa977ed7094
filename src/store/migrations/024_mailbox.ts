import { type Kysely, type Migration } from 'kysely';

// The anonymous mailbox (024): a letter and its answer are a conversation with channel 'mail',
// so they share the conversation's data key, retention, coding and deletion with chats.
// Chats are 'chat'. The index serves the counsellors' mailbox (open letters, oldest first)
// and her "read my answer" (her letters by visitor key).
export const mailbox: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('conversations').addColumn('channel', 'text', (c) => c.notNull().defaultTo('chat')).execute();
    await db.schema.createIndex('conversations_channel_status').on('conversations').columns(['channel', 'status', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('conversations_channel_status').execute();
    await db.schema.alterTable('conversations').dropColumn('channel').execute();
  },
};
