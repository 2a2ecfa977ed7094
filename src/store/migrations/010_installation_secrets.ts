import type { Kysely, Migration } from 'kysely';

// Secrets of this installation that must survive restarts and be the same on every node, yet
// never be readable from a database dump: stored only wrapped by the master key (which lives
// outside the database). The first is the pepper that keys return-code hashes.
export const installationSecrets: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('installation_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('wrapped', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('installation_secrets').execute();
  },
};
