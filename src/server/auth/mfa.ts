// The second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock drift either way,
// a step never accepted twice) and ten single-use recovery codes, stored only as hashes.
import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Repositories } from '../../store/repositories.js';
import { hashRecoveryCode } from '../../store/staffSecurityRepository.js';
import type { Clock } from '../../app/clock.js';
import { qrPath, type QrPath } from './totpQr.js';

export const totpPeriodSeconds = 30;
export const recoveryCodeCount = 10;
const issuer = 'Baken';
// No look-alikes, so a code copied from paper still works.
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: totpPeriodSeconds, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// address an authenticator app takes (scanned as a QR code, typed in or pasted). */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The time step a code belongs to, if it is valid now (±1 step); undefined otherwise. */
export function matchTotpStep(secret: string, code: string, nowMs: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const t = totp(secret, 'x');
  const delta = t.validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return undefined;
  return TOTP.counter({ period: totpPeriodSeconds, timestamp: nowMs }) + delta;
}

/** Ten codes like `k7mq-3xwp-9rta` (about 62 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from(crypto.randomBytes(12), (b) => recoveryAlphabet[b % recoveryAlphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(input: string): string | undefined {
  const cleaned = input.toLowerCase().replace(/[\s-]/g, '');
  if (cleaned.length !== 12 || [...cleaned].some((c) => !recoveryAlphabet.includes(c))) return undefined;
  return cleaned;
}

export type SecondFactor = 'totp' | 'recovery';

export class StaffMfa {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The same, writing through a use case's transaction. */
  within(tx: Repositories): StaffMfa {
    return new StaffMfa(tx, this.clock);
  }

  /**
   * Checks a six-digit code or a recovery code for an enrolled account, and uses it up.
   * Returns which factor matched, or undefined (also for an account without MFA).
   */
  async verify(staffId: string, input: string): Promise<SecondFactor | undefined> {
    const code = input.trim();
    const record = await this.repos.staffSecurity.findMfa(staffId);
    if (!record || record.enrolledAt === null) return undefined;
    const digits = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(digits)) {
      const step = matchTotpStep(record.secret, digits, this.clock.now());
      if (step === undefined) return undefined;
      return (await this.repos.staffSecurity.useStep(staffId, step)) ? 'totp' : undefined;
    }
    const normalised = normaliseRecoveryCode(code);
    if (!normalised) return undefined;
    const used = await this.repos.staffSecurity.useRecoveryCode(staffId, hashRecoveryCode(staffId, normalised), this.clock.now());
    return used ? 'recovery' : undefined;
  }

  /** A new pending secret for an account that is not enrolled yet, with its address as a QR code. */
  async beginEnrolment(staffId: string, username: string): Promise<{ secret: string; uri: string; qr: QrPath } | undefined> {
    const secret = newTotpSecret();
    if (!(await this.repos.staffSecurity.beginEnrolment(staffId, secret, this.clock.now()))) return undefined;
    const uri = totpUri(secret, username);
    return { secret, uri, qr: qrPath(uri) };
  }

  /** Confirms the pending secret with a first code; returns the recovery codes (shown once). */
  async completeEnrolment(staffId: string, code: string): Promise<string[] | undefined> {
    const record = await this.repos.staffSecurity.findMfa(staffId);
    if (!record || record.enrolledAt !== null) return undefined;
    const step = matchTotpStep(record.secret, code.replace(/\s/g, ''), this.clock.now());
    if (step === undefined) return undefined;
    const codes = newRecoveryCodes();
    await this.repos.staffSecurity.completeEnrolment(
      staffId,
      step,
      codes.map((c) => hashRecoveryCode(staffId, normaliseRecoveryCode(c)!)),
      this.clock.now(),
    );
    return codes;
  }

  async newRecoveryCodes(staffId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.repos.staffSecurity.replaceRecoveryCodes(
      staffId,
      codes.map((c) => hashRecoveryCode(staffId, normaliseRecoveryCode(c)!)),
      this.clock.now(),
    );
    return codes;
  }
}
