import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migrationContext.js';

// Staff security: TOTP second factor (secret encrypted with the master key), single-use
// recovery codes (hashed), short-lived pending logins between password and code, the time of
// the last full re-authentication per session, and blocks of abusive visitors.
export function staffSecurity(ctx: MigrationContext): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('staff_mfa')
        .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff.id').onDelete('cascade'))
        /** `keyId:sealed` AES-256-GCM of the base32 secret; never returned after enrolment. */
        .addColumn('totp_secret', 'text', (c) => c.notNull())
        /** null while enrolment is pending (secret shown, first code not yet confirmed). */
        .addColumn('enrolled_at', 'bigint')
        /** The last accepted TOTP time step: a code is never accepted twice. */
        .addColumn('last_step', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('staff_recovery_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema.createIndex('staff_recovery_codes_staff').on('staff_recovery_codes').column('staff_id').execute();

      await db.schema
        .createTable('staff_login_challenges')
        /** sha256 of the pending-login token the browser holds. */
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
        /** 'mfa' (enrolled: asks for a code) or 'enrol' (first sign-in or after an admin reset) */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema.alterTable('staff_sessions').addColumn('reauth_at', 'bigint').execute();

      await db.schema
        .createTable('visitor_blocks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text')
        /** sha256 of the tab token of the blocked chat (as stored on the conversation). */
        .addColumn('token_hash', 'text')
        /** sha256 of the pseudonymous visitor key her return codes share, when she has one. */
        .addColumn('visitor_key_hash', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('blocked_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('blocked_until', 'bigint', (c) => c.notNull())
        .addColumn('lifted_at', 'bigint')
        .execute();
      await db.schema.createIndex('visitor_blocks_token').on('visitor_blocks').column('token_hash').execute();
      await db.schema.createIndex('visitor_blocks_visitor').on('visitor_blocks').column('visitor_key_hash').execute();
      void ctx;
    },
  };
}
