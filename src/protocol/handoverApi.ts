// HTTP bodies and responses of warm handovers (console ↔ server). The browser imports types
// only; the server validates with the schemas.
import { z } from 'zod';
import { handoverLimits } from './caseworkLimits.js';
import { handoverKinds, handoverMethods, handoverStatuses, type HandoverKind, type HandoverMethod, type HandoverStatus } from '../domain/handover/handoverRules.js';

const text = (max: number) => z.string().trim().max(max);

export const recordHandoverRequestSchema = z.object({
  conversationId: z.string().min(1).max(100),
  kind: z.enum(handoverKinds),
  organisation: text(handoverLimits.organisationChars).min(1),
  /** Optional link into the referral directory (built separately; not checked here). */
  directoryEntryId: z.string().trim().min(1).max(handoverLimits.directoryIdChars).optional(),
  method: z.enum(handoverMethods),
  /** Her consent, summarised in her own words (required with consent). */
  consentSummary: text(handoverLimits.textChars).default(''),
  /** What she agreed to share: the only text the letter carries. */
  shared: text(handoverLimits.textChars).min(1),
  /** Why there is immediate danger to life (required for an emergency handover). */
  reason: text(handoverLimits.textChars).default(''),
});
export type RecordHandoverRequest = z.input<typeof recordHandoverRequestSchema>;

export const handoverDecisionRequestSchema = z.object({ decision: z.enum(['approve', 'refuse']) });
export type HandoverDecisionRequest = z.infer<typeof handoverDecisionRequestSchema>;

export const handoverListQuerySchema = z.object({ status: z.enum(handoverStatuses).optional() });

export interface HandoverView {
  id: string;
  conversationId: string;
  kind: HandoverKind;
  status: HandoverStatus;
  method: HandoverMethod;
  directoryEntryId: string | null;
  /** null once retention deleted the chat's transcript, and with it these texts. */
  organisation: string | null;
  consentSummary: string | null;
  shared: string | null;
  reason: string | null;
  recordedBy: string;
  recordedByName: string;
  createdAt: number;
  decidedByName: string | null;
  decidedAt: number | null;
  /** Whether this viewer may approve or refuse it now. */
  mayDecide: boolean;
}

export interface HandoverListResponse {
  handovers: HandoverView[];
}

/** The printable letter: only what she agreed to share, and to whom. */
export interface HandoverLetterResponse {
  id: string;
  organisation: string;
  method: HandoverMethod;
  shared: string;
  createdAt: number;
  counsellorName: string;
}
