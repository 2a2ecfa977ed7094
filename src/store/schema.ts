// Table types for Kysely. Portable column types only: text ids, integer epoch-ms times,
// 0/1 integers for booleans, JSON as text. The same types serve SQLite and PostgreSQL.
import type { Generated } from 'kysely';
import type { CodingBlockTable, CodingHistoryTable, CodingTable, CodingVisitorTable, CodingYearTable, SecondCodingTable } from './codingSchema.js';
import type { StaffLoginChallengeTable, StaffMfaTable, StaffRecoveryCodeTable, VisitorBlockTable } from './staffSecuritySchema.js';
import type { StaffPasskeyChallengeTable, StaffPasskeyTable } from './staffPasskeySchema.js';
import type { ReferralTokenTable, VisibilityCountTable } from './visibilitySchema.js';
import type { DirectoryEntryTable, SnippetTable } from './toolkitSchema.js';

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  disabled: number;
  max_chats: number;
  created_at: number;
  updated_at: number;
  /** 1: the password was set by someone else and must be changed at the next sign-in (008). */
  must_change_password: Generated<number>;
  /** JSON list of the visitor languages she chats in, e.g. ["nl","pl"] (020); routing uses it. */
  languages: Generated<string>;
}

export interface StaffSessionTable {
  /** sha256 of the cookie token: a database dump does not yield live sessions. */
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  /** Last time password and second factor were checked in this session (005). */
  reauth_at: number | null;
}

export interface ConversationTable {
  id: string;
  /** sha256 of the visitor's tab token: the token itself never reaches the database. */
  visitor_token_hash: string;
  /** The conversation's data key, wrapped by a master key that is never in the database. */
  wrapped_key: string;
  /** Before migration 007 only; new rows keep the nickname in visitor_details. */
  nickname: string | null;
  language: string;
  status: string;
  counsellor_id: string | null;
  end_reason: string | null;
  last_seq: number;
  /** Before migration 007 only, like nickname. */
  pre_chat: string | null;
  /** Sealed JSON { nickname, preChat, triage } under the conversation's data key (see VisitorDetails). */
  visitor_details: string | null;
  created_at: number;
  accepted_at: number | null;
  ended_at: number | null;
  closed_at: number | null;
  /** When the retention job deleted the transcript (and its key). */
  purged_at: number | null;
  priority: Generated<string>;
  /** Before migration 007 only: JSON TriageResult (now sealed in visitor_details, as its snippets quote her messages). */
  triage: string | null;
  /** Staff id of a supervisor who changed the priority by hand. */
  priority_set_by: string | null;
  /** When she (re)joined the queue: the queue is ordered by priority, then this. */
  enqueued_at: Generated<number>;
  returned_to_front: Generated<number>;
  preferred_counsellor_id: string | null;
  /** JSON array of staff ids who declined or let an offer expire. */
  declined_by: Generated<string>;
  offered_at: number | null;
  transferred_from: string | null;
  /** Her tab is gone: her place is held until then (ms), and she is offered to nobody. */
  visitor_away_until: number | null;
  /** Pseudonymous key shared by the conversations of one return code (for unique-visitor counts). */
  visitor_key: string | null;
  /** The routing step that last changed this row (010): nodes catch up on rows newer than theirs. */
  queue_version: Generated<number>;
  /** chat, or mail for a letter left in the anonymous mailbox (024). */
  channel: Generated<string>;
}

export interface MessageTable {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string;
  sender: string;
  sender_staff_id: string | null;
  sender_name: string | null;
  /** AES-256-GCM ciphertext of the message text. */
  body: string;
  created_at: number;
}

export interface ConversationEventTable {
  id: Generated<number>;
  conversation_id: string;
  type: string;
  from_status: string;
  to_status: string;
  actor_kind: string;
  actor_id: string | null;
  at: number;
  detail: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  staff_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: string | null;
  /** Hash of the previous entry: a changed or removed entry breaks the chain. */
  prev_hash: string;
  hash: string;
}

export interface SettingTable {
  key: string;
  /** JSON */
  value: string;
  updated_at: number;
  updated_by: string | null;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  until: number;
}

export interface CounsellorPresenceTable {
  staff_id: string;
  status: string;
  idle_since: number;
  disconnected_at: number | null;
  updated_at: number;
  queue_version: Generated<number>;
}

/** A counsellor's effective status from `at` on (013): the history behind counsellor-hours. */
export interface CounsellorStatusChangeTable {
  staff_id: string;
  at: number;
  /** available, break, wrapping_up or offline (offline also while her connection is lost). */
  status: string;
}

export interface ReturnCodeTable {
  /** A slow, keyed hash of the code; the code itself is never stored. */
  code_hash: string;
  visitor_key: string;
  preferred_counsellor_id: string | null;
  created_at: number;
  last_used_at: number;
  blocked_until: number | null;
}

export interface QueueStateTable {
  id: number;
  /** Raised by every routing step. */
  version: number;
}

export interface InstallationSecretTable {
  name: string;
  /** Wrapped by the master key (`keyId:sealed`); never stored in the clear. */
  wrapped: string;
  created_at: number;
}

export interface ConversationNoteTable {
  id: string;
  conversation_id: string;
  staff_id: string;
  /** note (for colleagues), whisper (supervisor to counsellor), handover (with a transfer) */
  kind: string;
  /** Encrypted like messages. */
  body: string;
  created_at: number;
}

export interface ServiceLogoTable {
  id: string;
  /** image/png, image/jpeg or image/webp, from the file's own first bytes (009). */
  content_type: string;
  /** The image, base64. */
  data: string;
  updated_at: number;
  updated_by: string | null;
}

export interface HandoverTable {
  id: string;
  conversation_id: string;
  staff_id: string;
  kind: string;
  status: string;
  method: string;
  directory_entry_id: string | null;
  /** Sealed JSON under the conversation's data key (016); null after retention. */
  sealed: string | null;
  created_at: number;
  decided_by: string | null;
  decided_at: number | null;
}

export interface CaseSummaryTable {
  visitor_key: string;
  /** The chat whose data key seals the body: the one it was last saved in (017). */
  conversation_id: string;
  body: string;
  updated_by: string;
  created_at: number;
  updated_at: number;
}

export interface Database {
  staff: StaffTable;
  staff_sessions: StaffSessionTable;
  conversations: ConversationTable;
  messages: MessageTable;
  conversation_events: ConversationEventTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  job_leases: JobLeaseTable;
  counsellor_presence: CounsellorPresenceTable;
  counsellor_status_changes: CounsellorStatusChangeTable;
  return_codes: ReturnCodeTable;
  installation_secrets: InstallationSecretTable;
  queue_state: QueueStateTable;
  conversation_notes: ConversationNoteTable;
  codings: CodingTable;
  coding_visitors: CodingVisitorTable;
  coding_history: CodingHistoryTable;
  second_codings: SecondCodingTable;
  coding_blocks: CodingBlockTable;
  coding_years: CodingYearTable;
  staff_mfa: StaffMfaTable;
  staff_recovery_codes: StaffRecoveryCodeTable;
  staff_login_challenges: StaffLoginChallengeTable;
  visitor_blocks: VisitorBlockTable;
  staff_passkeys: StaffPasskeyTable;
  staff_passkey_challenges: StaffPasskeyChallengeTable;
  service_logo: ServiceLogoTable;
  referral_tokens: ReferralTokenTable;
  visibility_counts: VisibilityCountTable;
  snippets: SnippetTable;
  directory_entries: DirectoryEntryTable;
  handovers: HandoverTable;
  case_summaries: CaseSummaryTable;
}
