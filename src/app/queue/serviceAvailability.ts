// Is the chat open now? Opening hours (Europe/Amsterdam), or a supervisor's hand.
import { isOpen, nextOpening } from '../../domain/schedule/openingHours.js';
import type { ServiceSettings } from '../../protocol/serviceSettings.js';

export interface Availability {
  open: boolean;
  /** Why: the hours say so, or someone set it by hand. */
  reason: 'hours' | 'manual';
  /** When it opens next (ms), if closed and the hours know. */
  nextOpensAt: number | null;
  busy: boolean;
}

export function serviceAvailability(settings: ServiceSettings, now: number): Availability {
  if (settings.availability !== 'auto') {
    return { open: settings.availability === 'open', reason: 'manual', nextOpensAt: null, busy: settings.busy };
  }
  const open = isOpen(settings.openingHours, now);
  return {
    open,
    reason: 'hours',
    nextOpensAt: open ? null : (nextOpening(settings.openingHours, now)?.opensAt ?? null),
    busy: settings.busy,
  };
}
