const HOUR = 3_600_000;

/**
 * The calendar year in the Netherlands of an instant. Around New Year the Netherlands is always
 * on CET (UTC+1, no summer time in winter), so shifting by one hour is exact and needs no time-zone data.
 */
export function amsterdamYear(epochMs: number): number {
  return new Date(epochMs + HOUR).getUTCFullYear();
}

/** [start, end) of a Dutch calendar year in epoch milliseconds. */
export function amsterdamYearBounds(year: number): readonly [number, number] {
  return [Date.UTC(year, 0, 1) - HOUR, Date.UTC(year + 1, 0, 1) - HOUR];
}
