import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Priority } from './priority.js';
import { queueAdmission } from './queueLimits.js';

describe('queueAdmission', () => {
  it('admits below the cap and without a cap', () => {
    expect(queueAdmission({ waitingCount: 4, cap: 5 })).toEqual({ kind: 'admitted' });
    expect(queueAdmission({ waitingCount: 400 })).toEqual({ kind: 'admitted' });
  });
  it('is full at the cap, except for a visitor in danger now', () => {
    expect(queueAdmission({ waitingCount: 5, cap: 5, priority: 'high' })).toEqual({ kind: 'full', waitingCount: 5, cap: 5 });
    expect(queueAdmission({ waitingCount: 5, cap: 5, priority: 'critical' })).toEqual({ kind: 'admitted' });
  });
});

describe('queueAdmission per source', () => {
  it('lets only the first chat from one source pass a full queue as critical', () => {
    expect(queueAdmission({ waitingCount: 5, cap: 5, priority: 'critical', sourceWaiting: 0 })).toEqual({ kind: 'admitted' });
    expect(queueAdmission({ waitingCount: 5, cap: 5, priority: 'critical', sourceWaiting: 1 })).toEqual({ kind: 'full', waitingCount: 5, cap: 5 });
  });

  it('never admits past a full queue a source that already waits, whatever it answers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom('low', 'normal', 'high', 'critical'),
        fc.integer({ min: 1, max: 40 }),
        (cap, extra, priority, sourceWaiting) => {
          const admission = queueAdmission({ waitingCount: cap + extra, cap, priority: priority as Priority, sourceWaiting });
          expect(admission.kind).toBe('full');
        },
      ),
    );
  });

  it('below the cap admits everyone, first chat or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 40 }), (cap, sourceWaiting) => {
        expect(queueAdmission({ waitingCount: cap - 1, cap, priority: 'normal', sourceWaiting }).kind).toBe('admitted');
      }),
    );
  });
});
