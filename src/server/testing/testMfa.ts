// TEST-ONLY. Every staff account needs a second factor; tests that are not about it still sign
// in with one call. This module enrols accounts through the ordinary store methods (the same
// ones enrolment uses) and computes the authenticator-app codes a person would type. Nothing
// here is reachable from the running server: it is imported only by src/server/testing and e2e.
import { Secret, TOTP } from 'otpauth';
import type { Repositories } from '../../store/repositories.js';
import { hashRecoveryCode } from '../../store/staffSecurityRepository.js';
import { newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpPeriodSeconds } from '../auth/mfa.js';

export interface TestTotp {
  secret: string;
  /** Unused recovery codes, when the test knows them. */
  recoveryCodes: string[];
  /** The last time step this helper handed out (the server refuses a step twice). */
  lastStep: number;
}

const registry = new Map<string, TestTotp>();
/** By username alone too: a cluster test makes an account on one node and signs in on another. */
const byUsername = new Map<string, TestTotp>();
const key = (baseUrl: string, username: string) => `${baseUrl.replace(/\/$/, '')}|${username}`;

/** Remembers an account's secret (e.g. one read off the enrolment screen in a browser test). */
export function rememberTestTotp(baseUrl: string, username: string, secret: string, recoveryCodes: string[] = []): TestTotp {
  const entry = { secret, recoveryCodes: [...recoveryCodes], lastStep: 0 };
  registry.set(key(baseUrl, username), entry);
  byUsername.set(username, entry);
  return entry;
}

export function testTotpFor(baseUrl: string, username: string): TestTotp | undefined {
  return registry.get(key(baseUrl, username)) ?? byUsername.get(username);
}

/** The six digits an authenticator app shows for `secret` at `nowMs`. */
export function totpCode(secret: string, nowMs: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: totpPeriodSeconds, timestamp: nowMs });
}

/**
 * A second factor the server will accept now: the current code, or the next step's code when
 * the current one was used already (the server allows one step of drift), else a recovery code.
 */
export function nextSecondFactor(entry: TestTotp, nowMs: number): string {
  const step = Math.floor(nowMs / (totpPeriodSeconds * 1000));
  for (const candidate of [step, step + 1]) {
    if (candidate > entry.lastStep) {
      entry.lastStep = candidate;
      return totpCode(entry.secret, candidate * totpPeriodSeconds * 1000);
    }
  }
  const recovery = entry.recoveryCodes.shift();
  if (!recovery) throw new Error('test helper: no unused TOTP step or recovery code left for this account');
  return recovery;
}

/** Enrols an account directly in the store, as if she had confirmed her first code. */
export async function enrolForTest(repos: Repositories, staffId: string, now: number): Promise<{ secret: string; recoveryCodes: string[] }> {
  const secret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  await repos.staffSecurity.beginEnrolment(staffId, secret, now);
  await repos.staffSecurity.completeEnrolment(
    staffId,
    0,
    recoveryCodes.map((c) => hashRecoveryCode(staffId, normaliseRecoveryCode(c)!)),
    now,
  );
  return { secret, recoveryCodes };
}
