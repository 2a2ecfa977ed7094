/**
 * Opening hours in Europe/Amsterdam: a weekly schedule plus dated exceptions
 * (holidays closed, special hours). Slots may run past midnight (20:00–02:00):
 * a slot belongs to the day it starts on, so an exception for 25 December
 * replaces the slots that START on the 25th; the 24th's evening slot still
 * runs into the early 25th.
 *
 * Wall-clock times are turned into instants with Intl.DateTimeFormat (no
 * library). Across DST: a time that does not exist (02:30 on the last Sunday
 * of March) moves forward by the gap; a time that occurs twice (02:30 on the
 * last Sunday of October) means the earlier one — the same rule as Temporal's
 * "compatible" disambiguation.
 */
import { z } from 'zod';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM (00:00–24:00)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const timeSlotSchema = z
  .object({
    /** Local time the slot opens, "HH:MM". */
    start: clockTime,
    /** Local closing time; at or before `start` means the next day (20:00–02:00). "24:00" = midnight. */
    end: clockTime,
  })
  .refine((s) => s.start !== s.end, { message: 'start and end must differ' })
  .refine((s) => s.start !== '24:00', { message: 'a slot cannot start at 24:00' });

export const weeklySlotSchema = timeSlotSchema.and(z.object({ day: z.enum(WEEKDAYS) }));

export const scheduleExceptionSchema = z.object({
  date: isoDate,
  /** Shown to administrators ("Eerste Kerstdag"). */
  label: z.string().optional(),
  /** The slots starting on this date; empty = closed all day. */
  slots: z.array(timeSlotSchema),
});

export const openingScheduleSchema = z.object({
  timeZone: z.literal('Europe/Amsterdam').default('Europe/Amsterdam'),
  weekly: z.array(weeklySlotSchema),
  exceptions: z.array(scheduleExceptionSchema).default([]),
});

export type TimeSlot = z.infer<typeof timeSlotSchema>;
export type WeeklySlot = z.infer<typeof weeklySlotSchema>;
export type ScheduleException = z.infer<typeof scheduleExceptionSchema>;
export type OpeningSchedule = z.input<typeof openingScheduleSchema>;

/** An opening as instants (ms since epoch), end exclusive. */
export interface OpenInterval {
  readonly opensAt: number;
  readonly closesAt: number;
}

const TIME_ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;

// Created once: constructing Intl formatters is slow; formatting is pure.
const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface LocalDateTime {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Wall-clock time in Amsterdam at an instant. */
export function amsterdamLocalTime(ms: number): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** UTC offset of Amsterdam at an instant, in ms (+1h winter, +2h summer). */
export function amsterdamOffsetMs(ms: number): number {
  const t = amsterdamLocalTime(ms);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of an Amsterdam wall-clock time. `minutes` may be 1440 (24:00)
 * or more (a time on the following day).
 */
export function amsterdamWallTimeToInstant(year: number, month: number, day: number, minutes: number): number {
  const naive = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const before = amsterdamOffsetMs(naive - DAY_MS / 2);
  const after = amsterdamOffsetMs(naive + DAY_MS / 2);
  const candidates = [...new Set([before, after])]
    .map((offset) => naive - offset)
    .filter((instant) => naive - amsterdamOffsetMs(instant) === instant)
    .sort((a, b) => a - b);
  // Ambiguous (autumn): the earlier; nonexistent (spring): shift forward by the gap.
  return candidates[0] ?? naive - before;
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function isoDateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Slots starting on a local date: the exception for that date if any, else the weekly ones. */
function slotsStartingOn(schedule: OpeningSchedule, year: number, month: number, day: number): TimeSlot[] {
  const date = isoDateOf(year, month, day);
  const exception = (schedule.exceptions ?? []).find((e) => e.date === date);
  if (exception) return exception.slots;
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return schedule.weekly.filter((s) => s.day === weekday);
}

/** Openings that start on a local calendar date, as instants. */
function intervalsStartingOn(schedule: OpeningSchedule, utcMidnightOfDate: number): OpenInterval[] {
  const d = new Date(utcMidnightOfDate);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return slotsStartingOn(schedule, y, m, day)
    .map((slot) => {
      const start = minutesOf(slot.start);
      let end = minutesOf(slot.end);
      if (end <= start) end += 24 * 60; // past midnight
      return {
        opensAt: amsterdamWallTimeToInstant(y, m, day, start),
        closesAt: amsterdamWallTimeToInstant(y, m, day, end),
      };
    })
    .filter((i) => i.closesAt > i.opensAt)
    .sort((a, b) => a.opensAt - b.opensAt);
}

/**
 * Merged openings from the local date before `fromMs` onwards, lazily.
 * Touching or overlapping slots (Mon 20:00–24:00 + Tue 00:00–02:00) merge
 * into one, so "next opening" never reports a mere continuation.
 */
function* mergedIntervals(schedule: OpeningSchedule, fromMs: number, horizonDays: number): Generator<OpenInterval> {
  const local = amsterdamLocalTime(fromMs);
  let date = Date.UTC(local.year, local.month - 1, local.day) - DAY_MS; // yesterday's slots may still run
  let current: OpenInterval | undefined;
  for (let i = 0; i <= horizonDays + 1; i++, date += DAY_MS) {
    for (const next of intervalsStartingOn(schedule, date)) {
      if (current && next.opensAt <= current.closesAt) {
        current = { opensAt: current.opensAt, closesAt: Math.max(current.closesAt, next.closesAt) };
      } else {
        if (current) yield current;
        current = next;
      }
    }
  }
  if (current) yield current;
}

/** How far ahead to look; a year covers any reasonable run of exceptions. */
const HORIZON_DAYS = 370;

/** The opening that contains `nowMs`, if open. */
export function currentOpening(schedule: OpeningSchedule, nowMs: number): OpenInterval | undefined {
  for (const interval of mergedIntervals(schedule, nowMs, 2)) {
    if (interval.opensAt > nowMs) return undefined;
    if (nowMs < interval.closesAt) return interval;
  }
  return undefined;
}

export function isOpen(schedule: OpeningSchedule, nowMs: number): boolean {
  return currentOpening(schedule, nowMs) !== undefined;
}

/**
 * The next opening that starts strictly after `nowMs` (while open: the one
 * after the current opening), or undefined when none within about a year.
 */
export function nextOpening(schedule: OpeningSchedule, nowMs: number): OpenInterval | undefined {
  for (const interval of mergedIntervals(schedule, nowMs, HORIZON_DAYS)) {
    if (interval.opensAt > nowMs) return interval;
  }
  return undefined;
}

/** The merged openings that overlap [fromMs, toMs), clipped to it, in order. */
export function openingsBetween(schedule: OpeningSchedule, fromMs: number, toMs: number): OpenInterval[] {
  const out: OpenInterval[] = [];
  const days = Math.ceil((toMs - fromMs) / DAY_MS) + 1;
  for (const interval of mergedIntervals(schedule, fromMs, days)) {
    if (interval.opensAt >= toMs) break;
    if (interval.closesAt <= fromMs) continue;
    out.push({ opensAt: Math.max(fromMs, interval.opensAt), closesAt: Math.min(toMs, interval.closesAt) });
  }
  return out;
}
