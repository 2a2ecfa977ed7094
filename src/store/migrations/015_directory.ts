import crypto from 'node:crypto';
import type { Kysely, Migration } from 'kysely';
import { starterDirectory } from '../../domain/toolkit/starterDirectory.js';
import { directoryContentSchema } from '../../domain/toolkit/directoryEntry.js';

// The referral directory: one row per organisation, its details as JSON (read whole, searched
// in the console). A new installation gets the standard Dutch set once, marked "check before use".
export const directory: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('directory_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
    const now = Date.now();
    await db
      .insertInto('directory_entries')
      .values(
        starterDirectory.map((input) => {
          const content = directoryContentSchema.parse(input);
          return { id: crypto.randomUUID(), name: content.name, content: JSON.stringify(content), created_at: now, updated_at: now, updated_by: null };
        }),
      )
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('directory_entries').execute();
  },
};
