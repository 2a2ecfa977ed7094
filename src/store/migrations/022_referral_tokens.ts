import type { Kysely, Migration } from 'kysely';

// The administrator's list of referral tokens: one per partner, campaign or poster. A token is
// what a link (`?via=`) or the widget (`data-source`) carries; label and kind are for the
// console. Nothing here is about a visitor.
export const referralTokens: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('referral_tokens')
      .addColumn('token', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('referral_tokens').execute();
  },
};
