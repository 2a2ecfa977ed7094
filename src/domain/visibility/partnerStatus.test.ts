import { describe, expect, it } from 'vitest';
import { partnerStatus, type PartnerStatusInput } from './partnerStatus.js';

const base: PartnerStatusInput = { open: true, nextOpensAt: null, busyMode: false, queueFull: false, newcomerEstimate: { kind: 'soon' } };

describe('partnerStatus', () => {
  it('is open only when a place is free for a newcomer', () => {
    expect(partnerStatus(base)).toEqual({ state: 'open' });
  });

  it('is busy with the honest range when she would wait', () => {
    expect(partnerStatus({ ...base, newcomerEstimate: { kind: 'range', minMinutes: 10, maxMinutes: 20 } })).toEqual({ state: 'busy', wait: { minMinutes: 10, maxMinutes: 20 } });
    expect(partnerStatus({ ...base, newcomerEstimate: { kind: 'unknown', reason: 'no_counsellor_on_duty' } })).toEqual({ state: 'busy', wait: null });
  });

  it('is busy in busy mode or when the queue is full, even with a free place', () => {
    expect(partnerStatus({ ...base, busyMode: true })).toEqual({ state: 'busy', wait: null });
    expect(partnerStatus({ ...base, queueFull: true })).toEqual({ state: 'busy', wait: null });
  });

  it('is closed with the next opening, whatever the queue', () => {
    expect(partnerStatus({ ...base, open: false, nextOpensAt: 123, busyMode: true })).toEqual({ state: 'closed', nextOpensAt: 123 });
  });
});
