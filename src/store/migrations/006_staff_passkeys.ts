import type { Kysely, Migration } from 'kysely';

// Passkeys (WebAuthn) as a phishing-resistant second factor: the public half of each staff
// member's credentials, and the single-use challenges that registration and sign-in sign.
export const staffPasskeys: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('staff_passkeys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
      /** The credential id the authenticator chose (base64url); unique across all accounts. */
      .addColumn('credential_id', 'text', (c) => c.notNull().unique())
      /** COSE public key (base64url). Public: it can only check signatures, never make them. */
      .addColumn('public_key', 'text', (c) => c.notNull())
      /** The authenticator's signature counter: a counter that goes back means a cloned key. */
      .addColumn('counter', 'bigint', (c) => c.notNull().defaultTo(0))
      /** JSON array of transport hints ('internal', 'usb', 'hybrid', …) for the browser. */
      .addColumn('transports', 'text', (c) => c.notNull().defaultTo('[]'))
      /** The name the staff member gave it ("laptop at work"). */
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .execute();
    await db.schema.createIndex('staff_passkeys_staff').on('staff_passkeys').column('staff_id').execute();

    await db.schema
      .createTable('staff_passkey_challenges')
      /**
       * What the challenge is bound to: the session adding a passkey ('register'), or the
       * pending login choosing one ('login'). Both are hashes of tokens only the browser holds.
       * One open challenge per binding; a new request replaces it.
       */
      .addColumn('bound_to', 'text', (c) => c.primaryKey())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
      /** The random WebAuthn challenge (base64url) the authenticator signs. */
      .addColumn('challenge', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
