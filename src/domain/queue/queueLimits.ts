/**
 * Queue cap: when too many visitors already wait, a newcomer is told so kindly
 * (with 112 and other helplines) instead of waiting for nothing.
 */
import type { Priority } from './priority.js';

export type QueueAdmission =
  | { readonly kind: 'admitted' }
  | { readonly kind: 'full'; readonly waitingCount: number; readonly cap: number };

export interface QueueAdmissionInput {
  readonly waitingCount: number;
  /** Maximum number of waiting visitors; undefined = no cap. */
  readonly cap?: number | undefined;
  /** Pre-chat priority, if known. */
  readonly priority?: Priority | undefined;
}

/**
 * A visitor who said she is in danger now (critical) is always admitted: she
 * also sees 112 while waiting, but turning her away is the worst outcome.
 */
export function queueAdmission({ waitingCount, cap, priority }: QueueAdmissionInput): QueueAdmission {
  if (cap === undefined || priority === 'critical' || waitingCount < cap) return { kind: 'admitted' };
  return { kind: 'full', waitingCount, cap };
}
