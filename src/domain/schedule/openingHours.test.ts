import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  amsterdamWallTimeToInstant,
  currentOpening,
  isOpen,
  nextOpening,
  openingScheduleSchema,
} from './openingHours.js';
import type { OpeningSchedule } from './openingHours.js';

const t = (iso: string) => Date.parse(iso);

/** A realistic evening service with a late Friday and Saturday. */
const evenings: OpeningSchedule = {
  weekly: [
    { day: 'mon', start: '14:00', end: '17:00' },
    { day: 'mon', start: '19:00', end: '22:00' },
    { day: 'wed', start: '19:00', end: '22:00' },
    { day: 'thu', start: '20:00', end: '02:00' },
    { day: 'fri', start: '20:00', end: '02:00' },
    { day: 'sat', start: '20:00', end: '02:00' },
  ],
  exceptions: [
    { date: '2026-12-25', label: 'Eerste Kerstdag', slots: [] },
    { date: '2026-12-31', label: 'Oudejaarsavond', slots: [{ start: '18:00', end: '01:00' }] },
  ],
};

describe('isOpen', () => {
  it('follows the weekly schedule, end exclusive', () => {
    expect(isOpen(evenings, t('2026-11-30T14:00:00+01:00'))).toBe(true); // Monday
    expect(isOpen(evenings, t('2026-11-30T16:59:59+01:00'))).toBe(true);
    expect(isOpen(evenings, t('2026-11-30T17:00:00+01:00'))).toBe(false);
    expect(isOpen(evenings, t('2026-12-01T15:00:00+01:00'))).toBe(false); // Tuesday
  });

  it('handles slots past midnight', () => {
    expect(isOpen(evenings, t('2026-11-28T01:30:00+01:00'))).toBe(true); // Friday night, Saturday 01:30
    expect(isOpen(evenings, t('2026-11-28T02:00:00+01:00'))).toBe(false);
    expect(isOpen(evenings, t('2026-11-29T01:59:00+01:00'))).toBe(true); // Saturday's slot into Sunday
    expect(isOpen(evenings, t('2026-11-29T20:30:00+01:00'))).toBe(false); // Sunday evening: closed
  });

  it('uses summer and winter time for the same wall-clock hours', () => {
    expect(isOpen(evenings, t('2026-07-06T12:00:00Z'))).toBe(true); // 14:00 CEST Monday
    expect(isOpen(evenings, t('2026-07-06T11:59:00Z'))).toBe(false);
    expect(isOpen(evenings, t('2026-01-05T13:00:00Z'))).toBe(true); // 14:00 CET Monday
    expect(isOpen(evenings, t('2026-01-05T12:59:00Z'))).toBe(false);
  });

  it('closes on a holiday but lets the previous evening run into it', () => {
    expect(isOpen(evenings, t('2026-12-25T01:00:00+01:00'))).toBe(true); // Thursday 24th's slot
    expect(isOpen(evenings, t('2026-12-25T21:00:00+01:00'))).toBe(false); // Friday the 25th: closed
    expect(isOpen(evenings, t('2026-12-26T21:00:00+01:00'))).toBe(true); // Saturday as usual
  });

  it('uses special hours from an exception', () => {
    expect(isOpen(evenings, t('2026-12-31T18:30:00+01:00'))).toBe(true); // Thursday, special 18:00–01:00
    expect(isOpen(evenings, t('2027-01-01T00:59:00+01:00'))).toBe(true);
    expect(isOpen(evenings, t('2027-01-01T01:30:00+01:00'))).toBe(false); // normal Thursday would run to 02:00
  });
});

describe('daylight saving time (last Sunday of March / October)', () => {
  it('spring forward: 20:00–02:00 on Saturday 28 March 2026 closes at the jump (01:00 UTC)', () => {
    const opening = currentOpening(evenings, t('2026-03-28T22:00:00+01:00'));
    expect(opening).toEqual({ opensAt: t('2026-03-28T19:00:00Z'), closesAt: t('2026-03-29T01:00:00Z') });
    expect(isOpen(evenings, t('2026-03-29T00:59:59Z'))).toBe(true);
    expect(isOpen(evenings, t('2026-03-29T01:00:00Z'))).toBe(false); // 03:00 CEST
  });

  it('spring forward: a nonexistent opening time moves forward by the gap', () => {
    expect(amsterdamWallTimeToInstant(2026, 3, 29, 2 * 60 + 30)).toBe(t('2026-03-29T03:30:00+02:00'));
    const sundayNight: OpeningSchedule = { weekly: [{ day: 'sun', start: '02:30', end: '04:00' }] };
    expect(nextOpening(sundayNight, t('2026-03-28T12:00:00Z'))).toEqual({
      opensAt: t('2026-03-29T01:30:00Z'),
      closesAt: t('2026-03-29T02:00:00Z'),
    });
  });

  it('fall back: 20:00–02:00 on Saturday 24 October 2026 closes at the first 02:00 (CEST)', () => {
    const opening = currentOpening(evenings, t('2026-10-24T22:00:00+02:00'));
    expect(opening).toEqual({ opensAt: t('2026-10-24T18:00:00Z'), closesAt: t('2026-10-25T00:00:00Z') });
    expect(isOpen(evenings, t('2026-10-25T01:30:00+02:00'))).toBe(true);
    expect(isOpen(evenings, t('2026-10-25T02:30:00+02:00'))).toBe(false);
    expect(isOpen(evenings, t('2026-10-25T02:30:00+01:00'))).toBe(false); // the repeated hour
  });

  it('the week after each change uses the new offset', () => {
    expect(currentOpening(evenings, t('2026-03-30T15:00:00+02:00'))?.opensAt).toBe(t('2026-03-30T12:00:00Z'));
    expect(currentOpening(evenings, t('2026-10-26T15:00:00+01:00'))?.opensAt).toBe(t('2026-10-26T13:00:00Z'));
  });
});

describe('nextOpening', () => {
  it('gives the next opening strictly after now', () => {
    expect(nextOpening(evenings, t('2026-12-01T12:00:00+01:00'))).toEqual({
      opensAt: t('2026-12-02T19:00:00+01:00'),
      closesAt: t('2026-12-02T22:00:00+01:00'),
    });
    // While open: the one after the current opening.
    expect(nextOpening(evenings, t('2026-11-30T15:00:00+01:00'))?.opensAt).toBe(t('2026-11-30T19:00:00+01:00'));
  });

  it('skips a closed holiday', () => {
    expect(nextOpening(evenings, t('2026-12-25T03:00:00+01:00'))?.opensAt).toBe(t('2026-12-26T20:00:00+01:00'));
  });

  it('merges slots that touch across midnight', () => {
    const split: OpeningSchedule = {
      weekly: [
        { day: 'mon', start: '20:00', end: '24:00' },
        { day: 'tue', start: '00:00', end: '02:00' },
      ],
    };
    expect(nextOpening(split, t('2026-11-30T12:00:00+01:00'))).toEqual({
      opensAt: t('2026-11-30T20:00:00+01:00'),
      closesAt: t('2026-12-01T02:00:00+01:00'),
    });
    expect(nextOpening(split, t('2026-11-30T23:59:00+01:00'))?.opensAt).toBe(t('2026-12-07T20:00:00+01:00'));
  });

  it('is undefined when the service never opens', () => {
    expect(nextOpening({ weekly: [] }, t('2026-11-30T12:00:00Z'))).toBeUndefined();
  });

  it('property: the next opening is a closed→open transition and isOpen agrees with currentOpening', () => {
    const year2026 = fc.integer({ min: t('2026-01-01T00:00:00Z'), max: t('2027-01-01T00:00:00Z') });
    fc.assert(
      fc.property(year2026, (now) => {
        const current = currentOpening(evenings, now);
        expect(isOpen(evenings, now)).toBe(current !== undefined);
        if (current) expect(current.opensAt <= now && now < current.closesAt).toBe(true);
        const next = nextOpening(evenings, now);
        expect(next).toBeDefined();
        if (!next) return;
        expect(next.opensAt).toBeGreaterThan(now);
        expect(isOpen(evenings, next.opensAt)).toBe(true);
        expect(isOpen(evenings, next.opensAt - 1)).toBe(false);
        expect(isOpen(evenings, next.closesAt)).toBe(false);
        // Slots are at most 6 hours long, even on DST nights (± 1 hour).
        expect(next.closesAt - next.opensAt).toBeLessThanOrEqual(7 * 3_600_000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('openingScheduleSchema', () => {
  it('accepts a valid schedule and rejects bad times', () => {
    expect(openingScheduleSchema.safeParse(evenings).success).toBe(true);
    expect(openingScheduleSchema.safeParse({ weekly: [{ day: 'mon', start: '25:00', end: '02:00' }] }).success).toBe(false);
    expect(openingScheduleSchema.safeParse({ weekly: [{ day: 'mon', start: '10:00', end: '10:00' }] }).success).toBe(false);
    expect(openingScheduleSchema.safeParse({ weekly: [{ day: 'maandag', start: '10:00', end: '12:00' }] }).success).toBe(false);
  });
});
