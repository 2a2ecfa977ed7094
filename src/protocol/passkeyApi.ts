// Passkeys (WebAuthn) for staff: adding, listing and removing them, and signing in with one as
// the second step. The credential JSON is what @simplewebauthn/browser hands the console.
import { z } from 'zod';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';

const base64url = z.string().max(16_384).regex(/^[A-Za-z0-9_-]*$/, 'base64url');
const credentialId = base64url.min(16).max(1_400);
const challenge = z.string().min(20).max(100);

const credentialFields = {
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  // Extension outputs are not used; accepted (small) and passed on as the library expects.
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

export const passkeyRegistrationSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z.array(z.string().max(32)).max(16).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

export const passkeyAssertionSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
});

/** The name a person gives a passkey so she can tell them apart ("laptop at work"). */
export const passkeyLabelSchema = z.string().trim().min(1).max(60);

export const addPasskeyRequestSchema = z.object({ label: passkeyLabelSchema, credential: passkeyRegistrationSchema });
export const passkeyLoginOptionsRequestSchema = z.object({ challenge });
export const passkeyLoginRequestSchema = z.object({ challenge, credential: passkeyAssertionSchema });
/** The fresh check before a sensitive action, with the password and a passkey instead of a code. */
export const passkeyReauthRequestSchema = z.object({ password: z.string().min(1).max(256), credential: passkeyAssertionSchema });

export interface PasskeyRegistrationOptionsResponse {
  options: PublicKeyCredentialCreationOptionsJSON;
}
export interface PasskeyLoginOptionsResponse {
  options: PublicKeyCredentialRequestOptionsJSON;
}

/** What the console shows of a passkey: never the key or credential id. */
export interface PasskeyDto {
  id: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
}
