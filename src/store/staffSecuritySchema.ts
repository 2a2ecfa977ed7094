// Table types for staff security (migration 005): second factor, recovery codes, pending
// logins and visitor blocks. Imported by schema.ts.

export interface StaffMfaTable {
  staff_id: string;
  /** `keyId:sealed` AES-256-GCM ciphertext of the base32 TOTP secret. */
  totp_secret: string;
  enrolled_at: number | null;
  last_step: number;
  created_at: number;
}

export interface StaffRecoveryCodeTable {
  /** sha256 of the normalised code, keyed per staff member. */
  code_hash: string;
  staff_id: string;
  created_at: number;
  used_at: number | null;
}

export interface StaffLoginChallengeTable {
  /** sha256 of the pending-login token. */
  id: string;
  staff_id: string;
  kind: string;
  attempts: number;
  created_at: number;
  expires_at: number;
}

export interface VisitorBlockTable {
  id: string;
  conversation_id: string | null;
  token_hash: string | null;
  visitor_key_hash: string | null;
  reason: string;
  blocked_by: string;
  created_at: number;
  blocked_until: number;
  lifted_at: number | null;
}
