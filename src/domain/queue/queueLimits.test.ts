import { describe, expect, it } from 'vitest';
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
