import crypto from 'node:crypto';
import type { Kysely, Migration } from 'kysely';
import { starterSnippets } from '../../domain/toolkit/starterSnippets.js';

// Snippets (canned texts) per language and topic, with a plain use counter. A new installation
// gets the starter set once, here: removing them later does not bring them back.
export const snippets: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('snippets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
    const now = Date.now();
    await db
      .insertInto('snippets')
      .values(starterSnippets.map((s) => ({ id: crypto.randomUUID(), ...s, use_count: 0, created_at: now, updated_at: now, updated_by: null })))
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('snippets').execute();
  },
};
