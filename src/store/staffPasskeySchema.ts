// Table types for passkeys (migration 006). Imported by schema.ts.

export interface StaffPasskeyTable {
  id: string;
  staff_id: string;
  /** base64url credential id chosen by the authenticator. */
  credential_id: string;
  /** base64url COSE public key. */
  public_key: string;
  counter: number;
  /** JSON array of transport hints. */
  transports: string;
  label: string;
  created_at: number;
  last_used_at: number | null;
}

export interface StaffPasskeyChallengeTable {
  /** sha256 of the session or pending-login token the challenge belongs to. */
  bound_to: string;
  /** 'register' or 'login'. */
  purpose: string;
  staff_id: string;
  challenge: string;
  created_at: number;
  expires_at: number;
}
