import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decisionRefusal, handoverStands, handoverStatuses, initialStatus, missingForKind, statusAfter } from './handoverRules.js';

describe('handover rules', () => {
  it('lets a consented handover stand at once and keeps an emergency one pending', () => {
    expect(initialStatus('consent')).toBe('recorded');
    expect(handoverStands(initialStatus('consent'))).toBe(true);
    expect(initialStatus('emergency')).toBe('pending');
    expect(handoverStands(initialStatus('emergency'))).toBe(false);
  });

  it('asks for her consent in her words, or for the reason of an emergency', () => {
    expect(missingForKind('consent', { consentSummary: '  ', reason: 'x' })).toBe('consent_summary');
    expect(missingForKind('emergency', { consentSummary: 'ja', reason: '' })).toBe('reason');
    expect(missingForKind('consent', { consentSummary: 'ze wil het', reason: '' })).toBeNull();
  });

  it('only lets another supervisor decide a pending handover, and only an approval makes it stand', () => {
    fc.assert(
      fc.property(fc.constantFrom(...handoverStatuses), fc.boolean(), fc.constantFrom('approve' as const, 'refuse' as const), (status, own, decision) => {
        const refusal = decisionRefusal({ status, recordedBy: 'a' }, own ? 'a' : 'b');
        expect(refusal === null).toBe(status === 'pending' && !own);
        expect(handoverStands(statusAfter(decision))).toBe(decision === 'approve');
      }),
    );
  });

});
