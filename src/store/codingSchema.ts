// Table types of coding storage (migration 004). Values are codes, never free text.
import type { Generated } from 'kysely';

export interface CodingTable {
  /** Insertion order: the monitor and the export read codings in this order (ties between a visitor's chats). */
  seq: Generated<number>;
  conversation_id: string;
  /** Dutch calendar year of closed_at. */
  year: number;
  closed_at: number;
  visitor_key: string | null;
  /** Dense number of visitor_key (coding_visitors.id), 0 without a return code. */
  visitor_no: number;
  codebook_version: string;
  /** JSON field id → value (the source of truth). */
  values_json: string;
  /** The coding packed for the monitor's columnar scan (see domain/monitor/packedCodings.ts). */
  packed: Uint8Array;
  /** Codebook version the packed record was laid out with. */
  packed_with: string;
  /** Staff id of the counsellor who coded it; null for imported history. */
  coder_id: string | null;
  /** 'console' or 'import' */
  source: string;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
}

export interface CodingVisitorTable {
  id: Generated<number>;
  visitor_key: string;
}

export interface CodingHistoryTable {
  id: Generated<number>;
  conversation_id: string;
  /** 'primary' or 'second' */
  coding: string;
  staff_id: string | null;
  at: number;
  /** 'create' | 'update' | 'import' */
  kind: string;
  codebook_version: string;
  /** JSON { fieldId: [before, after] } of the fields that changed. */
  changes: string;
}

export interface SecondCodingTable {
  conversation_id: string;
  coder_id: string;
  assigned_by: string;
  assigned_at: number;
  values_json: string | null;
  codebook_version: string | null;
  coded_at: number | null;
}

export interface CodingBlockTable {
  year: number;
  part: number;
  /** Highest codings.seq included; records of this year with a higher seq are not in any part yet. */
  through_seq: number;
  count: number;
  /** JSON array of the codebook versions of the records in this part. */
  versions: string;
  data: Uint8Array;
}

export interface CodingYearTable {
  year: number;
  /** Bumped by every write of a coding of this year and by every new cached part (migration 010). */
  generation: number;
}
