// Installation secrets, wrapped by the master key. The first node to need one creates it; every
// other node (and every restart) unwraps the same one.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { unwrapSecret, wrapSecret, wrappedBy, type Keyring } from './encryption/envelope.js';

export class InstallationSecretRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly keyring: Keyring,
    private readonly cache = new Map<string, Buffer>(),
  ) {}

  within(db: Kysely<Database>): InstallationSecretRepository {
    return new InstallationSecretRepository(db, this.keyring, this.cache);
  }

  async get(name: string, now: number): Promise<Buffer> {
    const cached = this.cache.get(name);
    if (cached) return cached;
    await this.db
      .insertInto('installation_secrets')
      .values({ name, wrapped: wrapSecret(this.keyring, crypto.randomBytes(32), name), created_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db.selectFrom('installation_secrets').select('wrapped').where('name', '=', name).executeTakeFirstOrThrow();
    const secret = unwrapSecret(this.keyring, row.wrapped, name);
    this.cache.set(name, secret);
    return secret;
  }

  /** Rewraps every secret with the current master key (key rotation). */
  async rewrapAll(): Promise<{ rewrapped: number; alreadyCurrent: number }> {
    let rewrapped = 0;
    let alreadyCurrent = 0;
    for (const row of await this.db.selectFrom('installation_secrets').select(['name', 'wrapped']).execute()) {
      if (wrappedBy(row.wrapped) === this.keyring.current.id) {
        alreadyCurrent++;
        continue;
      }
      const secret = unwrapSecret(this.keyring, row.wrapped, row.name);
      await this.db.updateTable('installation_secrets').set({ wrapped: wrapSecret(this.keyring, secret, row.name) }).where('name', '=', row.name).execute();
      rewrapped++;
    }
    return { rewrapped, alreadyCurrent };
  }
}
