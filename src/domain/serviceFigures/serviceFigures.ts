// Service figures for the coordinator (issue #12 item 7): how quickly chats were answered, how
// many visitors gave up waiting, how long chats took and how busy the counsellors on duty were,
// per day, ISO week or month (Dutch local time) and per priority, plus an hour-of-week heatmap
// of arrivals. Pure: rows in, figures out; no clock, no I/O. Small counts are suppressed with the
// monitor's rule (1–4 shown as "<5"; shares only for a denominator of at least 20), and where one
// hidden count in a sum could be recovered from the total, a second one is hidden too.
import { SUPPRESSION_RULE } from '../monitor/suppressTable.js';
import { serializeCsv } from '../codebook/csvRfc4180.js';
import { amsterdamOffsetMs } from '../schedule/openingHours.js';
import { PRIORITIES, type Priority } from '../queue/priority.js';

export type Granularity = 'day' | 'week' | 'month';

export interface FigureChat {
  readonly createdAt: number;
  readonly acceptedAt: number | null;
  readonly endedAt: number | null;
  readonly endReason: string | null;
  readonly priority: Priority;
}

/** One stretch a counsellor was on duty (available or in a chat). */
export interface DutyInterval {
  readonly staffId: string;
  readonly from: number;
  readonly to: number;
}

export interface FigureCell {
  /** null: suppressed. */
  readonly value: number | null;
  readonly display: string;
}

export interface PeriodFigures {
  readonly period: string;
  readonly priority: Priority | 'all';
  readonly arrivals: FigureCell;
  readonly answered: FigureCell;
  /** Shares (0–1) of arrivals answered within 1, 5 and 15 minutes. */
  readonly answeredWithin: { readonly m1: FigureCell; readonly m5: FigureCell; readonly m15: FigureCell };
  readonly waitP50Ms: FigureCell;
  readonly waitP90Ms: FigureCell;
  readonly abandoned: FigureCell;
  readonly abandonedAfterP50Ms: FigureCell;
  readonly chatLengthP50Ms: FigureCell;
}

export interface ServiceFigures {
  readonly granularity: Granularity;
  readonly rows: readonly PeriodFigures[];
  /** Per period: share of on-duty counsellor time spent in chats (all priorities). */
  readonly occupancy: readonly { readonly period: string; readonly counsellorHours: number; readonly occupancy: FigureCell }[];
  /** heatmap[weekday 0 = Monday][hour 0–23]: arrivals, Dutch local time. */
  readonly heatmap: readonly (readonly FigureCell[])[];
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export { amsterdamOffsetMs };

function local(epochMs: number): Date {
  return new Date(epochMs + amsterdamOffsetMs(epochMs));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The period an instant falls in: `2026-12-02`, ISO week `2026-W49`, or `2026-12`. */
export function periodKey(epochMs: number, granularity: Granularity): string {
  const d = local(epochMs);
  if (granularity === 'day') return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (granularity === 'month') return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(dayStart + (3 - weekday) * DAY);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY)) + 1;
  return `${isoYear}-W${pad(week)}`;
}

/** Nearest-rank percentile of a non-empty list (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const rule = SUPPRESSION_RULE;

function countCell(n: number): FigureCell {
  if (n >= 1 && n <= rule.maxSuppressedCount) return { value: null, display: rule.primaryDisplay };
  return { value: n, display: String(n) };
}

function shareCell(n: number, denominator: number): FigureCell {
  if (denominator < rule.minPercentDenominator) return { value: null, display: '–' };
  const share = n / denominator;
  return { value: share, display: `${Math.round(share * 100)}%` };
}

/** A duration from at least `rule.maxSuppressedCount + 1` values, in whole minutes for display. */
function durationCell(values: readonly number[], p: number): FigureCell {
  if (values.length <= rule.maxSuppressedCount) return { value: null, display: '–' };
  const ms = percentile(values, p);
  return { value: ms, display: `${Math.round(ms / MINUTE)} min` };
}

/**
 * Cells that add up to a shown total: when exactly one is hidden it equals the total minus the
 * others, so the smallest other non-zero count is hidden too.
 */
function protectSum(cells: FigureCell[], counts: readonly number[]): FigureCell[] {
  const hidden = cells.filter((c) => c.value === null).length;
  if (hidden !== 1) return cells;
  let pick = -1;
  counts.forEach((n, i) => {
    if (cells[i]!.value !== null && n > 0 && (pick < 0 || n < counts[pick]!)) pick = i;
  });
  if (pick < 0) return cells;
  return cells.map((c, i) => (i === pick ? { value: null, display: rule.secondaryDisplay } : c));
}

interface Tally {
  arrivals: number;
  answered: number;
  within1: number;
  within5: number;
  within15: number;
  waits: number[];
  abandoned: number;
  abandonWaits: number[];
  lengths: number[];
}

const emptyTally = (): Tally => ({ arrivals: 0, answered: 0, within1: 0, within5: 0, within15: 0, waits: [], abandoned: 0, abandonWaits: [], lengths: [] });

function add(t: Tally, c: FigureChat): void {
  t.arrivals += 1;
  if (c.acceptedAt !== null) {
    const wait = Math.max(0, c.acceptedAt - c.createdAt);
    t.answered += 1;
    t.waits.push(wait);
    if (wait <= MINUTE) t.within1 += 1;
    if (wait <= 5 * MINUTE) t.within5 += 1;
    if (wait <= 15 * MINUTE) t.within15 += 1;
    if (c.endedAt !== null) t.lengths.push(Math.max(0, c.endedAt - c.acceptedAt));
  } else if (c.endReason === 'abandoned' && c.endedAt !== null) {
    t.abandoned += 1;
    t.abandonWaits.push(Math.max(0, c.endedAt - c.createdAt));
  }
}

function present(period: string, priority: Priority | 'all', t: Tally): PeriodFigures {
  return {
    period,
    priority,
    arrivals: countCell(t.arrivals),
    answered: countCell(t.answered),
    answeredWithin: { m1: shareCell(t.within1, t.arrivals), m5: shareCell(t.within5, t.arrivals), m15: shareCell(t.within15, t.arrivals) },
    waitP50Ms: durationCell(t.waits, 50),
    waitP90Ms: durationCell(t.waits, 90),
    abandoned: countCell(t.abandoned),
    abandonedAfterP50Ms: durationCell(t.abandonWaits, 50),
    chatLengthP50Ms: durationCell(t.lengths, 50),
  };
}

/** Milliseconds of [from, to) that fall in each period. */
function splitByPeriod(from: number, to: number, granularity: Granularity, into: Map<string, number>): void {
  let start = from;
  while (start < to) {
    const key = periodKey(start, granularity);
    // Walk in hour steps to the end of the period (hours never straddle a Dutch day boundary).
    let end = Math.min(to, Math.floor(start / HOUR) * HOUR + HOUR);
    while (end < to && periodKey(end, granularity) === key) end = Math.min(to, end + HOUR);
    into.set(key, (into.get(key) ?? 0) + (end - start));
    start = end;
  }
}

/**
 * `inChats`: the stretches counsellors spent in chats, for occupancy; by default those of `chats`
 * (answered and ended). A caller reading a period passes its own, clipped to the period, so a chat
 * that began before it (or is still going) counts for the part inside.
 */
export function computeServiceFigures(
  chats: readonly FigureChat[],
  duty: readonly DutyInterval[],
  granularity: Granularity,
  inChats?: readonly { readonly from: number; readonly to: number }[],
): ServiceFigures {
  const tallies = new Map<string, Map<Priority | 'all', Tally>>();
  const heat: number[][] = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const chat of chats) {
    const period = periodKey(chat.createdAt, granularity);
    let byPriority = tallies.get(period);
    if (!byPriority) tallies.set(period, (byPriority = new Map()));
    for (const key of ['all', chat.priority] as const) {
      let t = byPriority.get(key);
      if (!t) byPriority.set(key, (t = emptyTally()));
      add(t, chat);
    }
    const d = local(chat.createdAt);
    heat[(d.getUTCDay() + 6) % 7]![d.getUTCHours()]! += 1;
  }
  const periods = [...tallies.keys()].sort();
  const rows: PeriodFigures[] = [];
  for (const period of periods) {
    const byPriority = tallies.get(period)!;
    const perPriority = PRIORITIES.map((p) => byPriority.get(p) ?? emptyTally());
    const presented = PRIORITIES.map((p, i) => present(period, p, perPriority[i]!));
    // Protect the sums "all = Σ priorities" for the count measures.
    for (const measure of ['arrivals', 'answered', 'abandoned'] as const) {
      const protectedCells = protectSum(
        presented.map((r) => r[measure]),
        perPriority.map((t) => t[measure]),
      );
      protectedCells.forEach((cell, i) => {
        presented[i] = { ...presented[i]!, [measure]: cell };
      });
    }
    rows.push(present(period, 'all', byPriority.get('all')!), ...presented);
  }

  const dutyMs = new Map<string, number>();
  for (const d of duty) if (d.to > d.from) splitByPeriod(d.from, d.to, granularity, dutyMs);
  const chatMs = new Map<string, number>();
  const busyStretches = inChats ?? chats.flatMap((c) => (c.acceptedAt !== null && c.endedAt !== null ? [{ from: c.acceptedAt, to: c.endedAt }] : []));
  for (const b of busyStretches) if (b.to > b.from) splitByPeriod(b.from, b.to, granularity, chatMs);
  const occupancy = [...dutyMs.keys()].sort().map((period) => {
    const on = dutyMs.get(period)!;
    const busy = chatMs.get(period) ?? 0;
    const hours = on / HOUR;
    return {
      period,
      counsellorHours: Math.round(hours * 10) / 10,
      occupancy: hours < 1 ? { value: null, display: '–' } : { value: busy / on, display: `${Math.round((busy / on) * 100)}%` },
    };
  });

  const flat = heat.flat();
  const heatCells = protectSum(flat.map(countCell), flat);
  const heatmap = heat.map((_, day) => heatCells.slice(day * 24, day * 24 + 24));
  return { granularity, rows, occupancy, heatmap };
}

/** The figures as CSV (RFC 4180, as the other exports): one line per period and priority; suppressed cells keep their marker. */
export function serviceFiguresCsv(figures: ServiceFigures): string {
  const header = ['period', 'priority', 'arrivals', 'answered', 'answered_within_1min', 'answered_within_5min', 'answered_within_15min', 'wait_p50_min', 'wait_p90_min', 'abandoned', 'abandoned_after_p50_min', 'chat_length_p50_min'];
  const minutes = (c: FigureCell): string => (c.value === null ? c.display : String(Math.round(c.value / MINUTE)));
  const share = (c: FigureCell): string => (c.value === null ? c.display : c.value.toFixed(3));
  const lines = figures.rows.map((r) => [r.period, r.priority, r.arrivals.display, r.answered.display, share(r.answeredWithin.m1), share(r.answeredWithin.m5), share(r.answeredWithin.m15), minutes(r.waitP50Ms), minutes(r.waitP90Ms), r.abandoned.display, minutes(r.abandonedAfterP50Ms), minutes(r.chatLengthP50Ms)]);
  return serializeCsv([header, ...lines]);
}
