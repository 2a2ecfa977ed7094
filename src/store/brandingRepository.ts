// The service logo: one row, replaced or removed by an administrator. The audit entry is written
// in the same transaction as the change.
import type { Kysely } from 'kysely';
import { inTransaction } from './database.js';
import type { Database } from './schema.js';
import type { Dialect } from './migrations/migrationContext.js';
import { appendAuditEntry, type AuditEntry } from './auditRepository.js';
import type { LogoType } from '../domain/branding/logoImage.js';

export interface ServiceLogo {
  contentType: LogoType;
  data: Buffer;
  updatedAt: number;
}

const logoId = 'logo';

export class BrandingRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async logo(): Promise<ServiceLogo | undefined> {
    const row = await this.db.selectFrom('service_logo').selectAll().where('id', '=', logoId).executeTakeFirst();
    return row ? { contentType: row.content_type as LogoType, data: Buffer.from(row.data, 'base64'), updatedAt: Number(row.updated_at) } : undefined;
  }

  /** When the logo last changed, without reading the image (undefined: there is none). */
  async logoUpdatedAt(): Promise<number | undefined> {
    const row = await this.db.selectFrom('service_logo').select('updated_at').where('id', '=', logoId).executeTakeFirst();
    return row ? Number(row.updated_at) : undefined;
  }

  async setLogo(logo: { contentType: LogoType; data: Buffer }, by: string, now: number, audit: AuditEntry): Promise<void> {
    const values = { content_type: logo.contentType, data: logo.data.toString('base64'), updated_at: now, updated_by: by };
    await inTransaction(this.db, async (trx) => {
      await trx
        .insertInto('service_logo')
        .values({ id: logoId, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
      await appendAuditEntry(trx, this.dialect, audit);
    });
  }

  /** False when there was no logo (nothing changed, nothing audited). */
  async removeLogo(audit: AuditEntry): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const removed = await trx.deleteFrom('service_logo').where('id', '=', logoId).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) return false;
      await appendAuditEntry(trx, this.dialect, audit);
      return true;
    });
  }
}
