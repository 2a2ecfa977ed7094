// What a partner's page may show of the chat right now: open, busy (with the honest wait a new
// visitor can expect, when there is one) or closed (with the next opening, when known). Public:
// it says nothing about any visitor, only about the service.
import type { WaitEstimate } from '../queue/waitEstimate.js';

export type PartnerStatus =
  | { readonly state: 'open' }
  | { readonly state: 'busy'; readonly wait: { readonly minMinutes: number; readonly maxMinutes: number | null } | null }
  | { readonly state: 'closed'; readonly nextOpensAt: number | null };

export interface PartnerStatusInput {
  readonly open: boolean;
  readonly nextOpensAt: number | null;
  /** A supervisor switched busy mode on. */
  readonly busyMode: boolean;
  /** The queue cap is reached: a new visitor is refused for now. */
  readonly queueFull: boolean;
  /** The estimate for someone who joins the queue now (at the back). */
  readonly newcomerEstimate: WaitEstimate;
}

export function partnerStatus(input: PartnerStatusInput): PartnerStatus {
  if (!input.open) return { state: 'closed', nextOpensAt: input.nextOpensAt };
  const estimate = input.newcomerEstimate;
  const wait = estimate.kind === 'range' ? { minMinutes: estimate.minMinutes, maxMinutes: estimate.maxMinutes } : null;
  // Plain "open" only when a place is free for her now; otherwise she would wait (every place
  // taken, or nobody on duty yet), or the service says it is busy or full.
  if (input.queueFull || input.busyMode || estimate.kind !== 'soon') return { state: 'busy', wait };
  return { state: 'open' };
}
