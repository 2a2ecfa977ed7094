import type { Kysely, Migration } from 'kysely';

// The service logo an administrator uploads (a small PNG, JPEG or WebP, checked before it is
// stored), kept in the database so every node serves the same one. Base64 text: portable.
export const serviceLogo: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('service_logo')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('service_logo').execute();
  },
};
