// Request bodies and responses for staff security: two-step sign-in, TOTP enrolment,
// re-authentication, sessions, and blocking an abusive visitor.
import { z } from 'zod';
import type { MeResponse } from './staffApi.js';
import type { PasskeyDto } from './passkeyApi.js';

const challenge = z.string().min(20).max(100);
/** A six-digit code from the app, or a recovery code like `k7mq-3xwp-9rta`. */
const secondFactorCode = z.string().trim().min(6).max(40);

export const loginCodeRequestSchema = z.object({ challenge, code: secondFactorCode });
export const enrolRequestSchema = z.object({ challenge, code: z.string().trim().regex(/^\d{3}\s?\d{3}$/, 'the six digits from your app') });
export const reauthRequestSchema = z.object({ password: z.string().min(1).max(256), code: secondFactorCode });
/** A new password: the policy (length, not common) is checked on the server, with its reason. */
const newPassword = z.string().min(1).max(256);
/** Changing my own password on the Security page: the current one proves it is me. */
export const changePasswordRequestSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword });
/** The last step of signing in with a temporary password: her own new one. */
export const loginPasswordRequestSchema = z.object({ challenge, newPassword });

/** An administrator's reset: the temporary password, shown once, to hand over. */
export interface PasswordResetResponse {
  temporaryPassword: string;
}

/** First step: the password was right; a second step follows (never a session yet). */
export type LoginStepResponse =
  | {
      step: 'mfa';
      challenge: string;
      /** She has a passkey, so the console offers it next to the code. */
      passkey: boolean;
    }
  | {
      step: 'enrol';
      challenge: string;
      /** Base32 secret for typing into an authenticator app; shown only during enrolment. */
      secret: string;
      /** otpauth:// address with the same secret. */
      uri: string;
      /** The address as a QR code, drawn on the server (src/server/auth/totpQr.ts). */
      qr: QrCodeDto;
    };

/** A QR code as SVG path data: dark modules in a square of size + 2 × margin. */
export interface QrCodeDto {
  size: number;
  margin: number;
  /** Digits, spaces and the commands M, h, v, z only. */
  path: string;
}

export type LoginCompleteResponse = MeResponse & { factor: 'totp' | 'recovery' | 'passkey'; recoveryCodesLeft: number };
export type EnrolCompleteResponse = MeResponse & { recoveryCodes: string[] };

/**
 * The second step was right, but her password is temporary (a new account, an administrator's
 * reset): still no session. She chooses her own with POST /api/auth/login/password.
 */
export interface PasswordStepResponse {
  step: 'password';
  challenge: string;
  /** After enrolment: the recovery codes, shown once, before the new password. */
  recoveryCodes?: string[];
}

export interface StaffSessionDto {
  /** A handle for the session (not its token nor the token's hash). */
  id: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  current: boolean;
}

export interface MySecurityResponse {
  sessions: StaffSessionDto[];
  recoveryCodesLeft: number;
  passkeys: PasskeyDto[];
  /** Until when export and other sensitive actions are allowed without signing in again (null: not now). */
  reauthUntil: number | null;
}

export interface AdminSessionDto extends StaffSessionDto {
  staffId: string;
}

export interface StaffSecurityStatusDto {
  staffId: string;
  mfaEnrolled: boolean;
  recoveryCodesLeft: number;
  /** How many passkeys she has (a reset of her second factor removes them too). */
  passkeys: number;
  sessions: number;
}

export const blockReasons = ['abuse', 'threat', 'fake', 'spam', 'other'] as const;
export const createBlockRequestSchema = z.object({
  conversationId: z.string().uuid(),
  /** 1 hour to 90 days. */
  hours: z.number().int().min(1).max(90 * 24),
  reason: z.enum(blockReasons),
});

export interface VisitorBlockDto {
  id: string;
  conversationId: string | null;
  /** 'token': her current chat tab; 'visitor': her return code(s). */
  kinds: ('token' | 'visitor')[];
  reason: (typeof blockReasons)[number];
  blockedBy: string;
  createdAt: number;
  blockedUntil: number;
}
