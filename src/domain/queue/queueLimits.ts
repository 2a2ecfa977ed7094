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
  /**
   * Chats already waiting from the same source (one address, hashed), when known. Only a
   * source's first waiting chat may pass a full queue as critical: otherwise one person could
   * answer "in danger now" forty times and push a real child in danger to place 41.
   */
  readonly sourceWaiting?: number | undefined;
}

/**
 * A visitor who said she is in danger now (critical) is admitted past the cap: she also sees
 * 112 while waiting, but turning her away is the worst outcome. That holds for the first chat
 * from a source only.
 */
export function queueAdmission({ waitingCount, cap, priority, sourceWaiting }: QueueAdmissionInput): QueueAdmission {
  if (cap === undefined || waitingCount < cap) return { kind: 'admitted' };
  if (priority === 'critical' && (sourceWaiting ?? 0) === 0) return { kind: 'admitted' };
  return { kind: 'full', waitingCount, cap };
}
