// The referral directory: one row per organisation, its details as JSON checked on the way in
// (and read back through the same schema, so an entry stored by older code still fits).
import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.js';
import type { DirectoryEntryTable } from './toolkitSchema.js';
import { directoryContentSchema, type DirectoryContent, type DirectoryEntry } from '../domain/toolkit/directoryEntry.js';

const toEntry = (row: Selectable<DirectoryEntryTable>): DirectoryEntry => ({
  id: row.id,
  ...directoryContentSchema.parse(JSON.parse(row.content)),
  updatedAt: Number(row.updated_at),
});

export class DirectoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<DirectoryEntry[]> {
    const rows = await this.db.selectFrom('directory_entries').selectAll().orderBy('name').orderBy('id').execute();
    return rows.map(toEntry);
  }

  async get(id: string): Promise<DirectoryEntry | undefined> {
    const row = await this.db.selectFrom('directory_entries').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEntry(row) : undefined;
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('directory_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async create(content: DirectoryContent, by: string, now: number, id: string = crypto.randomUUID()): Promise<DirectoryEntry> {
    await this.db
      .insertInto('directory_entries')
      .values({ id, name: content.name, content: JSON.stringify(content), created_at: now, updated_at: now, updated_by: by })
      .execute();
    return { id, ...content, updatedAt: now };
  }

  /** Undefined when there is no such entry. */
  async update(id: string, content: DirectoryContent, by: string, now: number): Promise<DirectoryEntry | undefined> {
    const result = await this.db
      .updateTable('directory_entries')
      .set({ name: content.name, content: JSON.stringify(content), updated_at: now, updated_by: by })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 0 ? undefined : { id, ...content, updatedAt: now };
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('directory_entries').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
