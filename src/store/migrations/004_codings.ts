import { sql, type Kysely, type Migration } from 'kysely';
import type { MigrationContext } from './migrationContext.js';

// Coded conversations for the research monitor: one primary coding per conversation (imported
// history has no conversation row, so no foreign key), its edit history, and second codings
// for the double-coded sample.
export function codings(ctx: MigrationContext): Migration {
  const serial = ctx.dialect === 'postgres' ? 'bigserial' : 'integer';
  const blob = ctx.dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('coding_visitors')
        .addColumn('id', serial, (c) => (ctx.dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('visitor_key', 'text', (c) => c.notNull().unique())
        .execute();

      await db.schema
        .createTable('codings')
        .addColumn('seq', serial, (c) => (ctx.dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('conversation_id', 'text', (c) => c.notNull().unique())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('closed_at', 'bigint', (c) => c.notNull())
        .addColumn('visitor_key', 'text')
        .addColumn('visitor_no', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('codebook_version', 'text', (c) => c.notNull())
        .addColumn('values_json', 'text', (c) => c.notNull())
        .addColumn('packed', blob, (c) => c.notNull())
        .addColumn('packed_with', 'text', (c) => c.notNull())
        .addColumn('coder_id', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema.createIndex('codings_year').on('codings').columns(['year', 'seq']).execute();
      await db.schema.createIndex('codings_visitor').on('codings').columns(['visitor_key', 'closed_at']).execute();
      await db.schema.createIndex('codings_coder').on('codings').columns(['coder_id', 'updated_at']).execute();

      // The monitor's read cache: a year's packed codings concatenated in seq order, in parts.
      // Derived data: deleted when a coding of that year is edited, extended as codings are added.
      await db.schema
        .createTable('coding_blocks')
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('part', 'integer', (c) => c.notNull())
        .addColumn('through_seq', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('versions', 'text', (c) => c.notNull())
        .addColumn('data', blob, (c) => c.notNull())
        .addPrimaryKeyConstraint('coding_blocks_pk', ['year', 'part'])
        .execute();
      // The parts are read whole and hardly compress: skip PostgreSQL's compression of large values.
      if (ctx.dialect === 'postgres') await sql`alter table coding_blocks alter column data set storage external`.execute(db);

      await db.schema
        .createTable('coding_history')
        .addColumn('id', serial, (c) => (ctx.dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('coding', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'text')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('codebook_version', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('coding_history_conv').on('coding_history').columns(['conversation_id', 'id']).execute();

      await db.schema
        .createTable('second_codings')
        .addColumn('conversation_id', 'text', (c) => c.primaryKey())
        .addColumn('coder_id', 'text', (c) => c.notNull())
        .addColumn('assigned_by', 'text', (c) => c.notNull())
        .addColumn('assigned_at', 'bigint', (c) => c.notNull())
        .addColumn('values_json', 'text')
        .addColumn('codebook_version', 'text')
        .addColumn('coded_at', 'bigint')
        .execute();
      await db.schema.createIndex('second_codings_coder').on('second_codings').columns(['coder_id', 'coded_at']).execute();
    },
  };
}
