import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migrationContext.js';

// Queue routing, triage, counsellor presence, return codes and staff notes.
export function queue(ctx: MigrationContext): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('conversations').addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal')).execute();
      await db.schema.alterTable('conversations').addColumn('triage', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('priority_set_by', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('enqueued_at', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('conversations').addColumn('returned_to_front', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('conversations').addColumn('preferred_counsellor_id', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('declined_by', 'text', (c) => c.notNull().defaultTo('[]')).execute();
      await db.schema.alterTable('conversations').addColumn('offered_at', 'bigint').execute();
      await db.schema.alterTable('conversations').addColumn('transferred_from', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('visitor_key', 'text').execute();
      await db.schema.alterTable('conversation_events').addColumn('detail', 'text').execute();

      await db.schema
        .createTable('counsellor_presence')
        .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('idle_since', 'bigint', (c) => c.notNull())
        .addColumn('disconnected_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('return_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('visitor_key', 'text', (c) => c.notNull())
        .addColumn('preferred_counsellor_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint', (c) => c.notNull())
        .addColumn('blocked_until', 'bigint')
        .execute();

      await db.schema
        .createTable('conversation_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('conversation_notes_conv').on('conversation_notes').columns(['conversation_id', 'created_at']).execute();
      void ctx;
    },
  };
}
