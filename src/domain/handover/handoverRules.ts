// The rules of a warm handover. With her consent the handover stands as recorded. Without it,
// only the emergency route exists (immediate danger to life): it needs a reason and waits for a
// supervisor other than whoever recorded it, who approves or refuses it.
export const handoverKinds = ['consent', 'emergency'] as const;
export type HandoverKind = (typeof handoverKinds)[number];

export const handoverMethods = ['phone', 'letter'] as const;
export type HandoverMethod = (typeof handoverMethods)[number];

export const handoverStatuses = ['recorded', 'pending', 'approved', 'refused'] as const;
export type HandoverStatus = (typeof handoverStatuses)[number];

export type HandoverDecision = 'approve' | 'refuse';

export function initialStatus(kind: HandoverKind): HandoverStatus {
  return kind === 'consent' ? 'recorded' : 'pending';
}

/** What is missing for a handover of this kind to be recorded, or null when it is complete. */
export function missingForKind(kind: HandoverKind, input: { consentSummary: string; reason: string }): 'consent_summary' | 'reason' | null {
  if (kind === 'consent' && input.consentSummary.trim() === '') return 'consent_summary';
  if (kind === 'emergency' && input.reason.trim() === '') return 'reason';
  return null;
}

/** Why this supervisor may not decide this handover, or null when she may. */
export function decisionRefusal(handover: { status: HandoverStatus; recordedBy: string }, supervisorId: string): 'not_pending' | 'own_handover' | null {
  if (handover.status !== 'pending') return 'not_pending';
  // Four eyes: the emergency route overrides her wish, so one person alone never decides it.
  if (handover.recordedBy === supervisorId) return 'own_handover';
  return null;
}

export function statusAfter(decision: HandoverDecision): HandoverStatus {
  return decision === 'approve' ? 'approved' : 'refused';
}

/** The letter may go out once the handover stands: with consent, or an approved emergency. */
export function handoverStands(status: HandoverStatus): boolean {
  return status === 'recorded' || status === 'approved';
}
