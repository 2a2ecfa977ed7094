// When each counsellor was on duty, for occupancy per counsellor-hour: available or wrapping up,
// or in a chat (a chat she keeps during a break still counts). Pure: the status history and her
// chats in, merged stretches out, clipped to the period asked for.
import type { DutyInterval } from './serviceFigures.js';

export interface StatusChange {
  readonly staffId: string;
  readonly at: number;
  readonly status: string;
}

export interface CounsellorChat {
  readonly counsellorId: string;
  readonly acceptedAt: number;
  /** null: still going. */
  readonly endedAt: number | null;
}

const onDuty = (status: string): boolean => status === 'available' || status === 'wrapping_up';

type Span = [number, number];

function merge(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * `changes` are the status changes inside [from, until) plus, per counsellor, the last one
 * before `from` (her status when the period began); order does not matter.
 */
export function dutyIntervals(changes: readonly StatusChange[], chats: readonly CounsellorChat[], from: number, until: number): DutyInterval[] {
  const spans = new Map<string, Span[]>();
  const spansOf = (id: string): Span[] => {
    let list = spans.get(id);
    if (!list) spans.set(id, (list = []));
    return list;
  };
  const byStaff = new Map<string, StatusChange[]>();
  for (const c of changes) {
    const list = byStaff.get(c.staffId) ?? [];
    list.push(c);
    byStaff.set(c.staffId, list);
  }
  for (const [staffId, list] of byStaff) {
    list.sort((a, b) => a.at - b.at);
    list.forEach((c, i) => {
      if (onDuty(c.status)) spansOf(staffId).push([Math.max(from, c.at), Math.min(until, list[i + 1]?.at ?? until)]);
    });
  }
  for (const c of chats) spansOf(c.counsellorId).push([Math.max(from, c.acceptedAt), Math.min(until, c.endedAt ?? until)]);
  const out: DutyInterval[] = [];
  for (const [staffId, list] of [...spans].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const [a, b] of merge(list)) out.push({ staffId, from: a, to: b });
  }
  return out;
}

/** The time counsellors spent in these chats inside [from, until), one stretch per chat (two at once count twice). */
export function inChatsBetween(chats: readonly CounsellorChat[], from: number, until: number): { from: number; to: number }[] {
  return chats.map((c) => ({ from: Math.max(from, c.acceptedAt), to: Math.min(until, c.endedAt ?? until) })).filter((s) => s.to > s.from);
}
