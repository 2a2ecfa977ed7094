// Storage for staff passkeys: only the public half of each credential (a public key can check
// a signature, never make one), its signature counter, and single-use WebAuthn challenges.
import type { Kysely, Selectable } from 'kysely';
import { inTransaction } from './database.js';
import type { Database } from './schema.js';
import type { StaffPasskeyTable } from './staffPasskeySchema.js';

export interface StaffPasskey {
  id: string;
  staffId: string;
  /** base64url, as the browser reports it. */
  credentialId: string;
  /** base64url COSE public key. */
  publicKey: string;
  counter: number;
  transports: string[];
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
}

export type PasskeyChallengePurpose = 'register' | 'login';

export interface PasskeyChallenge {
  boundTo: string;
  purpose: PasskeyChallengePurpose;
  staffId: string;
  challenge: string;
  createdAt: number;
  expiresAt: number;
}

function parseTransports(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

function toPasskey(row: Selectable<StaffPasskeyTable>): StaffPasskey {
  return {
    id: row.id,
    staffId: row.staff_id,
    credentialId: row.credential_id,
    publicKey: row.public_key,
    counter: Number(row.counter),
    transports: parseTransports(row.transports),
    label: row.label,
    createdAt: Number(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
  };
}

export class StaffPasskeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(passkey: StaffPasskey): Promise<void> {
    await this.db
      .insertInto('staff_passkeys')
      .values({
        id: passkey.id,
        staff_id: passkey.staffId,
        credential_id: passkey.credentialId,
        public_key: passkey.publicKey,
        counter: passkey.counter,
        transports: JSON.stringify(passkey.transports),
        label: passkey.label,
        created_at: passkey.createdAt,
        last_used_at: passkey.lastUsedAt,
      })
      .execute();
  }

  async listFor(staffId: string): Promise<StaffPasskey[]> {
    const rows = await this.db.selectFrom('staff_passkeys').selectAll().where('staff_id', '=', staffId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toPasskey);
  }

  async countFor(staffId: string): Promise<number> {
    const row = await this.db
      .selectFrom('staff_passkeys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('staff_id', '=', staffId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A credential of any account: registration refuses one that is known already. */
  async findByCredentialId(credentialId: string): Promise<StaffPasskey | undefined> {
    const row = await this.db.selectFrom('staff_passkeys').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
    return row ? toPasskey(row) : undefined;
  }

  /**
   * Records a successful sign-in. The counter only moves forward: with two racing sign-ins on
   * one counter value, the second finds nothing to update and is refused.
   */
  async recordUse(id: string, previousCounter: number, newCounter: number, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_passkeys')
      .set({ counter: newCounter, last_used_at: now })
      .where('id', '=', id)
      .where('counter', '=', previousCounter)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Removes one of this person's passkeys; false if she has none with that id. */
  async remove(staffId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('staff_passkeys').where('id', '=', id).where('staff_id', '=', staffId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Stores a new challenge, replacing any earlier one with the same binding. */
  async putChallenge(challenge: PasskeyChallenge): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.deleteFrom('staff_passkey_challenges').where('expires_at', '<=', challenge.createdAt).execute();
      await trx.deleteFrom('staff_passkey_challenges').where('bound_to', '=', challenge.boundTo).execute();
      await trx
        .insertInto('staff_passkey_challenges')
        .values({
          bound_to: challenge.boundTo,
          purpose: challenge.purpose,
          staff_id: challenge.staffId,
          challenge: challenge.challenge,
          created_at: challenge.createdAt,
          expires_at: challenge.expiresAt,
        })
        .execute();
    });
  }

  /**
   * Takes the challenge out in one statement, so it is used once even by two racing requests.
   * Undefined if there is none for this binding and purpose, or it has expired.
   */
  async takeChallenge(boundTo: string, purpose: PasskeyChallengePurpose, now: number): Promise<PasskeyChallenge | undefined> {
    const row = await this.db
      .deleteFrom('staff_passkey_challenges')
      .where('bound_to', '=', boundTo)
      .where('purpose', '=', purpose)
      .returningAll()
      .executeTakeFirst();
    if (!row || Number(row.expires_at) <= now) return undefined;
    return {
      boundTo: row.bound_to,
      purpose,
      staffId: row.staff_id,
      challenge: row.challenge,
      createdAt: Number(row.created_at),
      expiresAt: Number(row.expires_at),
    };
  }
}
