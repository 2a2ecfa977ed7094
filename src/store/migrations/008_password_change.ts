import type { Kysely, Migration } from 'kysely';

// A password someone else chose (a new account's first password, an administrator's reset) is
// temporary: the account must choose its own at the next sign-in before it gets a session.
export const passwordChange: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('staff').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('staff').dropColumn('must_change_password').execute();
  },
};
