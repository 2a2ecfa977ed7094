// Passkeys (WebAuthn) as a second factor that a look-alike site cannot phish: the browser only
// signs for the site's own domain, and the signature covers a single-use challenge from us.
import crypto from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type {
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialDescriptorJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type { z } from 'zod';
import type { passkeyAssertionSchema, passkeyRegistrationSchema } from '../../protocol/passkeyApi.js';
import type { Repositories } from '../../store/repositories.js';
import type { StaffPasskey } from '../../store/staffPasskeyRepository.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { Clock } from '../../app/clock.js';

/**
 * How long the browser waits for the authenticator, how long we accept the answer (a little
 * longer, for a slow network), and how many passkeys one person may keep.
 */
export const passkeyPolicy = { browserTimeoutMs: 120_000, challengeTtlMs: 3 * 60_000, maxPerStaff: 10 } as const;

/** The site passkeys belong to: its domain (RP ID) and the origin the browser must report. */
export interface RelyingParty {
  id: string;
  origin: string;
}

/**
 * From PUBLIC_URL when it is set (as it should be in production). Without it, from the address
 * the request came in on: still safe, because an authenticator only signs for the domain its
 * passkey was made on, and the signed data names that domain; a request claiming another host
 * is refused when the signature is checked.
 */
export function relyingPartyFor(publicUrl: string | undefined, request: { protocol: string; host: string; hostname: string }): RelyingParty {
  if (publicUrl) {
    const url = new URL(publicUrl);
    return { id: url.hostname, origin: url.origin };
  }
  return { id: request.hostname, origin: `${request.protocol}://${request.host}` };
}

/** Transport hints we pass back to browsers; anything else a browser reports is dropped. */
const knownTransports: readonly string[] = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];
const transportsOf = (list: readonly string[] | undefined): AuthenticatorTransportFuture[] =>
  (list ?? []).filter((t): t is AuthenticatorTransportFuture => knownTransports.includes(t));

/** The server library types credential lists loosely; the options the console gets name them exactly. */
const descriptors = (list: { id: string; transports?: string[] }[] | undefined): PublicKeyCredentialDescriptorJSON[] | undefined =>
  list?.map((d) => ({ id: d.id, type: 'public-key', transports: transportsOf(d.transports) }));

const rpName = 'Baken';

export class StaffPasskeys {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** Options for adding a passkey, with a challenge bound to the session asking. */
  async registrationOptions(staff: StaffMember, sessionId: string, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await this.repos.passkeys.listFor(staff.id);
    const options = await generateRegistrationOptions({
      rpName,
      rpID: rp.id,
      userName: staff.username,
      userDisplayName: staff.displayName,
      // The same user handle every time, so an authenticator replaces rather than piles up.
      userID: new TextEncoder().encode(staff.id),
      attestationType: 'none',
      timeout: passkeyPolicy.browserTimeoutMs,
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.putChallenge(sessionId, 'register', staff.id, options.challenge);
    return { ...options, excludeCredentials: descriptors(options.excludeCredentials) ?? [] };
  }

  /**
   * Checks the browser's answer against the session's challenge (used up either way) and
   * stores the new passkey. Undefined when anything does not match.
   */
  async register(
    staff: StaffMember,
    sessionId: string,
    rp: RelyingParty,
    credential: z.infer<typeof passkeyRegistrationSchema>,
    label: string,
    /** Written in the same transaction as the passkey (its audit entry). */
    alsoInTransaction: (tx: Repositories, passkey: StaffPasskey) => Promise<void> = async () => {},
  ): Promise<StaffPasskey | undefined> {
    const now = this.clock.now();
    const challenge = await this.repos.passkeys.takeChallenge(sessionId, 'register', now);
    if (!challenge || challenge.staffId !== staff.id) return undefined;
    const response: RegistrationResponseJSON = {
      ...credential,
      clientExtensionResults: credential.clientExtensionResults as RegistrationResponseJSON['clientExtensionResults'],
      response: { ...credential.response, transports: transportsOf(credential.response.transports) },
    };
    const verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    }).catch(() => undefined);
    if (!verified?.verified) return undefined;
    const info = verified.registrationInfo.credential;
    if (await this.repos.passkeys.findByCredentialId(info.id)) return undefined;
    const passkey: StaffPasskey = {
      id: crypto.randomUUID(),
      staffId: staff.id,
      credentialId: info.id,
      publicKey: Buffer.from(info.publicKey).toString('base64url'),
      counter: info.counter,
      transports: transportsOf(info.transports ?? credential.response.transports),
      label,
      createdAt: now,
      lastUsedAt: null,
    };
    await this.repos.transaction(async (tx) => {
      await tx.passkeys.add(passkey);
      await alsoInTransaction(tx, passkey);
    });
    return passkey;
  }

  /** Options for signing in with one of this person's passkeys; undefined if she has none. */
  async loginOptions(staffId: string, loginChallengeId: string, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON | undefined> {
    const passkeys = await this.repos.passkeys.listFor(staffId);
    if (passkeys.length === 0) return undefined;
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
      userVerification: 'preferred',
      timeout: passkeyPolicy.browserTimeoutMs,
    });
    await this.putChallenge(loginChallengeId, 'login', staffId, options.challenge);
    const { allowCredentials, ...rest } = options;
    return { ...rest, allowCredentials: descriptors(allowCredentials) ?? [] };
  }

  /**
   * Checks a sign-in answer: the pending login's challenge (used up either way), a passkey of
   * this same person, a valid signature, and a signature counter that moved forward (a
   * counter that goes back means a cloned authenticator). Undefined when anything fails.
   */
  async authenticate(
    staffId: string,
    loginChallengeId: string,
    rp: RelyingParty,
    credential: z.infer<typeof passkeyAssertionSchema>,
  ): Promise<StaffPasskey | undefined> {
    const now = this.clock.now();
    const challenge = await this.repos.passkeys.takeChallenge(loginChallengeId, 'login', now);
    if (!challenge || challenge.staffId !== staffId) return undefined;
    const passkey = await this.repos.passkeys.findByCredentialId(credential.id);
    if (!passkey || passkey.staffId !== staffId) return undefined;
    const response: AuthenticationResponseJSON = {
      ...credential,
      clientExtensionResults: credential.clientExtensionResults as AuthenticationResponseJSON['clientExtensionResults'],
    };
    const verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: false,
    }).catch(() => undefined);
    if (!verified?.verified) return undefined;
    const { newCounter } = verified.authenticationInfo;
    if (!(await this.repos.passkeys.recordUse(passkey.id, passkey.counter, newCounter, now))) return undefined;
    return { ...passkey, counter: newCounter, lastUsedAt: now };
  }

  private async putChallenge(boundTo: string, purpose: 'register' | 'login', staffId: string, challenge: string): Promise<void> {
    const now = this.clock.now();
    await this.repos.passkeys.putChallenge({ boundTo, purpose, staffId, challenge, createdAt: now, expiresAt: now + passkeyPolicy.challengeTtlMs });
  }
}
