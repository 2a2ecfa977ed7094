// Storage for the staff's second factor: the TOTP secret (encrypted with the master key, which
// is never in the database), hashed single-use recovery codes, and short-lived pending logins.
import crypto from 'node:crypto';
import { inTransaction } from './database.js';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Keyring } from './encryption/envelope.js';

export interface StaffMfaRecord {
  staffId: string;
  /** The decrypted base32 secret: only for verifying codes, never for a response after enrolment. */
  secret: string;
  enrolledAt: number | null;
  lastStep: number;
}

export interface LoginChallenge {
  id: string;
  staffId: string;
  /** mfa: asks for a code; enrol: first sign-in; password: second step done, a new password must be chosen. */
  kind: 'mfa' | 'enrol' | 'password';
  attempts: number;
  createdAt: number;
  expiresAt: number;
}

// A key of its own, derived from the master key, so the TOTP secrets never share a key with data keys.
function secretKey(master: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'baken:totp-secret:v1', 32));
}

function sealSecret(keyring: Keyring, secret: string, staffId: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', secretKey(keyring.current.key), iv);
  cipher.setAAD(Buffer.from(`totp:${staffId}`));
  const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${keyring.current.id}:${[iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url')).join('.')}`;
}

function openSecret(keyring: Keyring, sealed: string, staffId: string): string {
  const colon = sealed.indexOf(':');
  const master = keyring.all.get(sealed.slice(0, colon));
  if (!master) throw new Error('TOTP secret was sealed by an unknown master key');
  const [iv, tag, ct] = sealed
    .slice(colon + 1)
    .split('.')
    .map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !ct) throw new Error('malformed TOTP secret');
  const decipher = crypto.createDecipheriv('aes-256-gcm', secretKey(master.key), iv);
  decipher.setAAD(Buffer.from(`totp:${staffId}`));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** Recovery codes are random (50+ bits), so a keyed fast hash is enough; bound to the person. */
export function hashRecoveryCode(staffId: string, normalisedCode: string): string {
  return crypto.createHash('sha256').update(`baken:recovery:v1:${staffId}:${normalisedCode}`).digest('hex');
}

export class StaffSecurityRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly keyring: Keyring,
  ) {}

  async findMfa(staffId: string): Promise<StaffMfaRecord | undefined> {
    const row = await this.db.selectFrom('staff_mfa').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
    if (!row) return undefined;
    return { staffId, secret: openSecret(this.keyring, row.totp_secret, staffId), enrolledAt: row.enrolled_at ?? null, lastStep: Number(row.last_step) };
  }

  async isEnrolled(staffId: string): Promise<boolean> {
    const row = await this.db.selectFrom('staff_mfa').select('enrolled_at').where('staff_id', '=', staffId).executeTakeFirst();
    return row?.enrolled_at != null;
  }

  /** Starts (or restarts) a pending enrolment with a new secret. Refused once enrolled. */
  async beginEnrolment(staffId: string, secret: string, now: number): Promise<boolean> {
    if (await this.isEnrolled(staffId)) return false;
    await this.db.deleteFrom('staff_mfa').where('staff_id', '=', staffId).execute();
    await this.db
      .insertInto('staff_mfa')
      .values({ staff_id: staffId, totp_secret: sealSecret(this.keyring, secret, staffId), enrolled_at: null, last_step: 0, created_at: now })
      .execute();
    return true;
  }

  /** Confirms the pending enrolment and replaces all recovery codes. */
  async completeEnrolment(staffId: string, step: number, recoveryCodeHashes: string[], now: number): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.updateTable('staff_mfa').set({ enrolled_at: now, last_step: step }).where('staff_id', '=', staffId).execute();
      await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
      for (const codeHash of recoveryCodeHashes) {
        await trx.insertInto('staff_recovery_codes').values({ code_hash: codeHash, staff_id: staffId, created_at: now, used_at: null }).execute();
      }
    });
  }

  /** Records an accepted time step; false if that step (or a later one) was already used. */
  async useStep(staffId: string, step: number): Promise<boolean> {
    const result = await this.db.updateTable('staff_mfa').set({ last_step: step }).where('staff_id', '=', staffId).where('last_step', '<', step).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks a recovery code used; false if it is unknown or was used before. */
  async useRecoveryCode(staffId: string, codeHash: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_recovery_codes')
      .set({ used_at: now })
      .where('code_hash', '=', codeHash)
      .where('staff_id', '=', staffId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async replaceRecoveryCodes(staffId: string, recoveryCodeHashes: string[], now: number): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
      for (const codeHash of recoveryCodeHashes) {
        await trx.insertInto('staff_recovery_codes').values({ code_hash: codeHash, staff_id: staffId, created_at: now, used_at: null }).execute();
      }
    });
  }

  async recoveryCodesLeft(staffId: string): Promise<number> {
    const row = await this.db
      .selectFrom('staff_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('staff_id', '=', staffId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** An administrator's reset: the next sign-in starts a new enrolment. Passkeys go too. */
  async resetMfa(staffId: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.deleteFrom('staff_passkey_challenges').where('staff_id', '=', staffId).execute();
      await trx.deleteFrom('staff_passkeys').where('staff_id', '=', staffId).execute();
      await trx.deleteFrom('staff_mfa').where('staff_id', '=', staffId).execute();
      await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
      await trx.deleteFrom('staff_login_challenges').where('staff_id', '=', staffId).execute();
    });
  }

  async createChallenge(challenge: LoginChallenge): Promise<void> {
    await this.db
      .insertInto('staff_login_challenges')
      .values({
        id: challenge.id,
        staff_id: challenge.staffId,
        kind: challenge.kind,
        attempts: challenge.attempts,
        created_at: challenge.createdAt,
        expires_at: challenge.expiresAt,
      })
      .execute();
  }

  async findChallenge(id: string): Promise<LoginChallenge | undefined> {
    const row = await this.db.selectFrom('staff_login_challenges').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      staffId: row.staff_id,
      kind: row.kind === 'enrol' ? 'enrol' : row.kind === 'password' ? 'password' : 'mfa',
      attempts: Number(row.attempts),
      createdAt: Number(row.created_at),
      expiresAt: Number(row.expires_at),
    };
  }

  async countChallengeAttempt(id: string): Promise<void> {
    await this.db
      .updateTable('staff_login_challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async deleteChallenge(id: string): Promise<void> {
    await this.db.deleteFrom('staff_login_challenges').where('id', '=', id).execute();
  }

  async deleteExpiredChallenges(now: number): Promise<void> {
    await this.db.deleteFrom('staff_login_challenges').where('expires_at', '<=', now).execute();
  }

  /** Rewraps every TOTP secret with the keyring's current master key (part of key rotation). */
  async rewrapSecrets(): Promise<number> {
    const rows = await this.db.selectFrom('staff_mfa').select(['staff_id', 'totp_secret']).execute();
    let rewrapped = 0;
    for (const row of rows) {
      if (row.totp_secret.startsWith(`${this.keyring.current.id}:`)) continue;
      const secret = openSecret(this.keyring, row.totp_secret, row.staff_id);
      await this.db.updateTable('staff_mfa').set({ totp_secret: sealSecret(this.keyring, secret, row.staff_id) }).where('staff_id', '=', row.staff_id).execute();
      rewrapped++;
    }
    return rewrapped;
  }
}
