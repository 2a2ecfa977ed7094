/**
 * Conversation priority, as set by triage and changeable by a supervisor.
 * An enum rather than a free number so that every level has a meaning a
 * counsellor can read ("critical" = in danger now), while `priorityRank`
 * gives the ordering the queue needs.
 */
export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;

export type Priority = (typeof PRIORITIES)[number];

const RANK: Readonly<Record<Priority, number>> = { critical: 3, high: 2, normal: 1, low: 0 };

/** Higher rank = more urgent. */
export function priorityRank(priority: Priority): number {
  return RANK[priority];
}

/** The more urgent of two priorities. */
export function maxPriority(a: Priority, b: Priority): Priority {
  return RANK[a] >= RANK[b] ? a : b;
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}
