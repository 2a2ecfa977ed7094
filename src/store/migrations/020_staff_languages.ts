import type { Kysely, Migration } from 'kysely';

// The visitor languages each counsellor chats in, as a JSON list of codes (["nl","pl"]). Routing
// offers a chat first to counsellors who speak its language. Everyone starts with Dutch, the
// service's language; an administrator adds the others on the staff page.
export const staffLanguages: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('staff').addColumn('languages', 'text', (c) => c.notNull().defaultTo('["nl"]')).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('staff').dropColumn('languages').execute();
  },
};
