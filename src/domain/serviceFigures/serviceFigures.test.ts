import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../queue/priority.js';
import { amsterdamOffsetMs, computeServiceFigures, percentile, periodKey, serviceFiguresCsv, type FigureChat } from './serviceFigures.js';

const MIN = 60_000;
const t0 = Date.UTC(2026, 10, 2, 9); // Monday 2 November 2026, 10:00 in Amsterdam

function chat(over: Partial<FigureChat> & { wait?: number }): FigureChat {
  const createdAt = over.createdAt ?? t0;
  const acceptedAt = over.wait === undefined ? (over.acceptedAt ?? null) : createdAt + over.wait;
  return { createdAt, acceptedAt, endedAt: over.endedAt ?? (acceptedAt !== null ? acceptedAt + 20 * MIN : null), endReason: over.endReason ?? null, priority: over.priority ?? 'normal' };
}

describe('Dutch calendar', () => {
  it('knows summer time by the EU rule', () => {
    expect(amsterdamOffsetMs(Date.UTC(2026, 0, 10))).toBe(3_600_000);
    expect(amsterdamOffsetMs(Date.UTC(2026, 6, 10))).toBe(7_200_000);
    expect(amsterdamOffsetMs(Date.UTC(2026, 2, 29, 0, 59))).toBe(3_600_000);
    expect(amsterdamOffsetMs(Date.UTC(2026, 2, 29, 1, 0))).toBe(7_200_000);
    expect(amsterdamOffsetMs(Date.UTC(2026, 9, 25, 1, 0))).toBe(3_600_000);
  });
  it('puts an instant in its local day, ISO week and month', () => {
    const lateEvening = Date.UTC(2026, 11, 31, 23, 30); // 1 January 2027 00:30 local
    expect(periodKey(lateEvening, 'day')).toBe('2027-01-01');
    expect(periodKey(lateEvening, 'month')).toBe('2027-01');
    expect(periodKey(lateEvening, 'week')).toBe('2026-W53');
    expect(periodKey(Date.UTC(2026, 11, 2, 12), 'week')).toBe('2026-W49');
  });
});

describe('service figures', () => {
  it('counts arrivals, answers within 1/5/15 minutes, waits and abandonment', () => {
    const chats: FigureChat[] = [
      ...Array.from({ length: 10 }, (_, i) => chat({ createdAt: t0 + i * MIN, wait: 30_000 })),
      ...Array.from({ length: 6 }, (_, i) => chat({ createdAt: t0 + i * MIN, wait: 4 * MIN })),
      ...Array.from({ length: 4 }, (_, i) => chat({ createdAt: t0 + i * MIN, wait: 30 * MIN })),
      ...Array.from({ length: 5 }, (_, i) => chat({ createdAt: t0 + i * MIN, endedAt: t0 + i * MIN + 8 * MIN, endReason: 'abandoned' })),
    ];
    const f = computeServiceFigures(chats, [], 'day');
    const all = f.rows.find((r) => r.priority === 'all')!;
    expect(all.period).toBe('2026-11-02');
    expect(all.arrivals.value).toBe(25);
    expect(all.answered.value).toBe(20);
    expect(all.answeredWithin.m1.value).toBeCloseTo(10 / 25);
    expect(all.answeredWithin.m5.value).toBeCloseTo(16 / 25);
    expect(all.answeredWithin.m15.value).toBeCloseTo(16 / 25);
    expect(all.waitP50Ms.value).toBe(30_000);
    expect(all.waitP90Ms.value).toBe(30 * MIN);
    expect(all.abandoned.value).toBe(5);
    expect(all.abandonedAfterP50Ms.value).toBe(8 * MIN);
    expect(all.chatLengthP50Ms.value).toBe(20 * MIN);
    expect(f.heatmap[0]![10]!.value).toBe(25);
  });

  it('suppresses small counts, and a second one where the total would give it away', () => {
    const chats = [
      ...Array.from({ length: 3 }, () => chat({ priority: 'critical', wait: MIN })),
      ...Array.from({ length: 30 }, () => chat({ priority: 'normal', wait: MIN })),
      ...Array.from({ length: 8 }, () => chat({ priority: 'low', wait: MIN })),
    ];
    const rows = computeServiceFigures(chats, [], 'month').rows;
    const critical = rows.find((r) => r.priority === 'critical')!;
    const low = rows.find((r) => r.priority === 'low')!;
    expect(critical.arrivals.display).toBe('<5');
    expect(low.arrivals.display).toBe('x');
    expect(critical.waitP50Ms.value).toBeNull();
    expect(rows.find((r) => r.priority === 'all')!.arrivals.value).toBe(41);
  });

  it('works out occupancy per counsellor-hour', () => {
    const chats = [chat({ createdAt: t0, wait: 0, endedAt: t0 + 60 * MIN })];
    const duty = [{ staffId: 'a', from: t0, to: t0 + 2 * 3_600_000 }];
    const occ = computeServiceFigures(chats, duty, 'day').occupancy;
    expect(occ).toEqual([{ period: '2026-11-02', counsellorHours: 2, occupancy: { value: 0.5, display: '50%' } }]);
  });

  it('exports CSV with the suppression markers', () => {
    const csv = serviceFiguresCsv(computeServiceFigures([chat({ wait: MIN })], [], 'day'));
    expect(csv.split('\n')[0]).toContain('period,priority,arrivals');
    expect(csv).toContain('2026-11-02,all,<5');
  });

  const arbChat = fc.record({
    createdAt: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
    wait: fc.option(fc.integer({ min: 0, max: 3 * 3_600_000 }), { nil: null }),
    length: fc.integer({ min: 0, max: 3 * 3_600_000 }),
    abandoned: fc.boolean(),
    priority: fc.constantFrom(...PRIORITIES),
  }).map(({ createdAt, wait, length, abandoned, priority }): FigureChat => {
    const acceptedAt = wait === null ? null : createdAt + wait;
    return { createdAt, acceptedAt, endedAt: acceptedAt === null ? (abandoned ? createdAt + length : null) : acceptedAt + length, endReason: acceptedAt === null && abandoned ? 'abandoned' : null, priority };
  });

  it('properties: totals match, shares are shares, no hidden count is the total minus the shown ones', () => {
    fc.assert(
      fc.property(fc.array(arbChat, { maxLength: 120 }), fc.constantFrom('day' as const, 'week' as const, 'month' as const), (chats, g) => {
        const f = computeServiceFigures(chats, [], g);
        const periods = new Set(chats.map((c) => periodKey(c.createdAt, g)));
        expect(new Set(f.rows.map((r) => r.period))).toEqual(periods);
        for (const period of periods) {
          const inPeriod = chats.filter((c) => periodKey(c.createdAt, g) === period);
          const rows = f.rows.filter((r) => r.period === period);
          const all = rows.find((r) => r.priority === 'all')!;
          if (all.arrivals.value !== null) expect(all.arrivals.value).toBe(inPeriod.length);
          for (const cell of [all.answeredWithin.m1, all.answeredWithin.m5, all.answeredWithin.m15]) if (cell.value !== null) expect(cell.value).toBeGreaterThanOrEqual(0), expect(cell.value).toBeLessThanOrEqual(1);
          if (all.waitP50Ms.value !== null && all.waitP90Ms.value !== null) expect(all.waitP50Ms.value).toBeLessThanOrEqual(all.waitP90Ms.value);
          for (const measure of ['arrivals', 'answered', 'abandoned'] as const) {
            const parts = rows.filter((r) => r.priority !== 'all').map((r) => r[measure]);
            for (const cell of parts) if (cell.value !== null) expect(cell.value === 0 || cell.value > 4).toBe(true);
            // One hidden part would be the shown total minus the others.
            if (all[measure].value !== null) expect(parts.filter((c) => c.value === null).length).not.toBe(1);
          }
        }
        const heat = f.heatmap.flat();
        if (heat.some((c) => c.value !== null && c.value > 0)) expect(heat.filter((c) => c.value === null).length).not.toBe(1);
        expect(heat.reduce((s, c) => s + (c.value ?? 0), 0)).toBeLessThanOrEqual(chats.length);
      }),
      { numRuns: 200 },
    );
  });

  it('percentile is nearest-rank and stays within the values', () => {
    fc.assert(fc.property(fc.array(fc.integer(), { minLength: 1 }), fc.integer({ min: 0, max: 100 }), (xs, p) => {
      const v = percentile(xs, p);
      expect(xs).toContain(v);
    }));
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });
});
