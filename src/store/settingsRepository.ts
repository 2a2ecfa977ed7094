import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { serviceSettingsSchema, type ServiceSettings, type ServiceSettingsPatch } from '../protocol/serviceSettings.js';

const key = 'service';

export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(): Promise<ServiceSettings> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    // A stored value that no longer fits the schema (after an upgrade) falls back to defaults field by field.
    const parsed = serviceSettingsSchema.safeParse(row ? JSON.parse(row.value) : {});
    return parsed.success ? parsed.data : serviceSettingsSchema.parse({});
  }

  async update(patch: ServiceSettingsPatch, by: string | null, now: number): Promise<ServiceSettings> {
    const merged: Record<string, unknown> = { ...(await this.get()), ...patch };
    for (const [name, value] of Object.entries(patch)) if (value === null) delete merged[name];
    const next = serviceSettingsSchema.parse(merged);
    const value = JSON.stringify(next);
    await this.db
      .insertInto('settings')
      .values({ key, value, updated_at: now, updated_by: by })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: by }))
      .execute();
    return next;
  }
}
