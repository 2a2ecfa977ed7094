// The audit log over HTTP: filters, keyset paging, the chain check and the CSV export.
import { z } from 'zod';
import { auditGroupNames } from '../domain/audit/auditActions.js';

/** The screen sends empty form fields as absent; a hand-written `?staffId=` means the same. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const auditPageLimitMax = 500;
/** One CSV holds at most this many entries; narrow the filter for more. */
export const auditExportMaxRows = 100_000;

const auditFilterFields = {
  /** Who did it. */
  staffId: optional(z.string().max(64)),
  /** One action, known or not (an older console may not know a newer action). */
  action: optional(z.string().regex(/^[a-z_.]{1,64}$/, 'an action name like staff.update')),
  /** A group of actions from auditActions.ts. */
  group: optional(z.enum(auditGroupNames as [string, ...string[]])),
  /** A conversation by its full id or its short form (the first 8 characters or more). */
  conversationId: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f-]{8,36}$/, 'a conversation id or its first 8 characters'),
  ),
  /** Any target by its exact id (a staff member's id, say). */
  targetId: optional(z.string().max(64)),
  /** Milliseconds since 1970, from inclusive, to exclusive. */
  from: optional(z.coerce.number().int().min(0)),
  to: optional(z.coerce.number().int().min(0)),
};

const noActionAndGroup = (q: { action?: string | undefined; group?: string | undefined }) => q.action === undefined || q.group === undefined;
const fromBeforeTo = (q: { from?: number | undefined; to?: number | undefined }) => q.from === undefined || q.to === undefined || q.from < q.to;

export const auditListQuerySchema = z
  .object({
    ...auditFilterFields,
    /** Keyset paging: entries older than this id (the previous page's `nextBefore`). */
    before: optional(z.coerce.number().int().min(1)),
    limit: z.coerce.number().int().min(1).max(auditPageLimitMax).default(100),
  })
  .refine(noActionAndGroup, 'give an action or a group, not both')
  .refine(fromBeforeTo, 'from must be before to');

export const auditExportQuerySchema = z.object(auditFilterFields).refine(noActionAndGroup, 'give an action or a group, not both').refine(fromBeforeTo, 'from must be before to');

export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export interface AuditEntryDto {
  id: number;
  at: number;
  staffId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** Ids, field names, counts — never content. */
  detail: Record<string, unknown> | null;
}

export interface AuditStaffDto {
  id: string;
  username: string;
  displayName: string;
}

export interface AuditListResponse {
  /** Newest first. */
  entries: AuditEntryDto[];
  /** Everyone these entries name, as actor or as target, so the screen shows usernames. */
  staff: AuditStaffDto[];
  /** Pass as `before` for the next (older) page; null when there is nothing older. */
  nextBefore: number | null;
}

export type AuditVerifyResponse =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAtId: number; cause: 'changed' | 'link_broken'; reason: string };
