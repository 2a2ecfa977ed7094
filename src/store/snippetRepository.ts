// Snippets: plain rows, nothing sealed (canned texts, not about a visitor).
import crypto from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.js';
import type { SnippetTable } from './toolkitSchema.js';
import type { Snippet, SnippetContent } from '../domain/toolkit/snippet.js';

const toSnippet = (row: Selectable<SnippetTable>): Snippet => ({
  id: row.id,
  language: row.language,
  topic: row.topic,
  title: row.title,
  body: row.body,
  useCount: Number(row.use_count),
  updatedAt: Number(row.updated_at),
});

export class SnippetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<Snippet[]> {
    const rows = await this.db.selectFrom('snippets').selectAll().orderBy('language').orderBy('topic').orderBy('title').orderBy('id').execute();
    return rows.map(toSnippet);
  }

  async get(id: string): Promise<Snippet | undefined> {
    const row = await this.db.selectFrom('snippets').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSnippet(row) : undefined;
  }

  async create(content: SnippetContent, by: string, now: number): Promise<Snippet> {
    const row = { id: crypto.randomUUID(), ...content, use_count: 0, created_at: now, updated_at: now, updated_by: by };
    await this.db.insertInto('snippets').values(row).execute();
    return toSnippet(row);
  }

  /** Undefined when there is no such snippet. */
  async update(id: string, content: SnippetContent, by: string, now: number): Promise<Snippet | undefined> {
    const result = await this.db.updateTable('snippets').set({ ...content, updated_at: now, updated_by: by }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 0 ? undefined : this.get(id);
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('snippets').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** One more use; false when the snippet is gone. A single statement, so two counsellors never lose a count. */
  async countUse(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('snippets')
      .set({ use_count: sql<number>`use_count + 1` })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
