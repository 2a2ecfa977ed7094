// The service's own figures over HTTP (GET /api/figures, /api/figures.csv): a period grain and a
// range of Dutch calendar dates, both ends inclusive, at most a little over a year.
import { z } from 'zod';
import type { ServiceFigures } from '../domain/serviceFigures/serviceFigures.js';
import type { ServiceHours } from '../domain/serviceFigures/serviceHours.js';

export const figuresMaxRangeDays = 400;
const DAY = 86_400_000;

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 2000 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'a real calendar date between 2000 and 2100');

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export const figuresQuerySchema = z
  .object({
    period: z.enum(['day', 'week', 'month']).default('day'),
    from: calendarDate,
    to: calendarDate,
  })
  .refine((q) => daysBetween(q.from, q.to) >= 0, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => daysBetween(q.from, q.to) < figuresMaxRangeDays, { message: `at most ${figuresMaxRangeDays} days at a time`, path: ['to'] });

export type FiguresQuery = z.infer<typeof figuresQuerySchema>;

export interface FiguresResponse {
  from: string;
  to: string;
  /** The range as instants (Dutch midnight to the midnight after `to`). */
  fromMs: number;
  toMs: number;
  figures: ServiceFigures;
  hours: ServiceHours;
}
