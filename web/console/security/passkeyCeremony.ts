// The browser's half of passkeys: fetch options from the server, let the browser and the
// authenticator (fingerprint, face, PIN or security key) answer, send the answer back.
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { PasskeyDto, PasskeyLoginOptionsResponse, PasskeyRegistrationOptionsResponse } from '../../../src/protocol/passkeyApi.js';
import type { LoginCompleteResponse, PasswordStepResponse } from '../../../src/protocol/staffSecurityApi.js';
import { api, ApiError, errorKey } from '../api.js';

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/** Adds a passkey to the signed-in account. A `reauth_required` ApiError asks for a fresh check first. */
export async function addPasskey(label: string): Promise<PasskeyDto> {
  const { options } = await api<PasskeyRegistrationOptionsResponse>('POST', '/api/auth/passkeys/options');
  const credential = await startRegistration({ optionsJSON: options });
  return api<PasskeyDto>('POST', '/api/auth/passkeys', { label, credential });
}

/** The second step of signing in, with a passkey instead of a code (after a reset: a new password follows). */
export async function signInWithPasskey(challenge: string): Promise<LoginCompleteResponse | PasswordStepResponse> {
  const { options } = await api<PasskeyLoginOptionsResponse>('POST', '/api/auth/login/passkey/options', { challenge });
  const credential = await startAuthentication({ optionsJSON: options });
  return api<LoginCompleteResponse | PasswordStepResponse>('POST', '/api/auth/login/passkey', { challenge, credential });
}

/** The fresh check before a sensitive action, with the password and a passkey instead of a code. */
export async function reauthWithPasskey(password: string): Promise<void> {
  const { options } = await api<PasskeyLoginOptionsResponse>('POST', '/api/auth/reauth/passkey/options');
  const credential = await startAuthentication({ optionsJSON: options });
  await api('POST', '/api/auth/reauth/passkey', { password, credential });
}

/** What to tell her when a passkey step fails: the browser's refusals in plain words. */
export function passkeyErrorKey(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'passkey_failed' || error.code === 'unauthenticated') return 'security.passkeys.failed';
    if (error.code === 'conflict') return 'security.passkeys.limit';
    return errorKey(error);
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'InvalidStateError') return 'security.passkeys.duplicate';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'security.passkeys.cancelled';
  return 'security.passkeys.failed';
}
