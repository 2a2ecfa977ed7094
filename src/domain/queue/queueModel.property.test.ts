/**
 * Property-based tests of the routing brain: random sequences of queue events,
 * and after EVERY step the invariants the issue demands. The checks use their
 * own small oracle (order, eligibility) rather than the code under test.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyQueueState, reduceQueue } from './queueModel.js';
import type { QueueConfig, QueueEffect, QueueEntry, QueueEvent, QueueState } from './queueModel.js';
import { PRIORITIES } from './priority.js';
import type { Priority } from './priority.js';
import type { CounsellorStatus, RoutingMode } from './routingPolicy.js';

const CONFIG: QueueConfig = { offerTimeoutMs: 30_000, disconnectGraceMs: 60_000, queueCap: 12 };
const COUNSELLORS = ['c0', 'c1', 'c2', 'c3'] as const;
const STATUSES: readonly CounsellorStatus[] = ['available', 'break', 'wrapping_up', 'offline'];

type Step =
  | { k: 'arrive'; priority: Priority; preferred: number | null }
  | { k: 'end'; pick: number }
  | { k: 'accept'; pick: number }
  | { k: 'acceptWrong'; pick: number; who: number }
  | { k: 'decline'; pick: number }
  | { k: 'status'; who: number; status: CounsellorStatus; capacity: number | null }
  | { k: 'capacity'; who: number; capacity: number }
  | { k: 'disconnect'; who: number }
  | { k: 'reconnect'; who: number }
  | { k: 'pickChat'; pick: number; who: number }
  | { k: 'pull'; who: number }
  | { k: 'transfer'; pick: number; to: number | null }
  | { k: 'priority'; pick: number; priority: Priority }
  | { k: 'mode'; mode: RoutingMode }
  | { k: 'tick' }
  | { k: 'away'; pick: number; graceMs: number }
  | { k: 'back'; pick: number };

const who = fc.nat({ max: COUNSELLORS.length - 1 });
const pick = fc.nat({ max: 50 });
const priority = fc.constantFrom(...PRIORITIES);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('arrive' as const), priority, preferred: fc.option(who, { nil: null }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('end' as const), pick }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('accept' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('acceptWrong' as const), pick, who }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('decline' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('status' as const),
      who,
      status: fc.constantFrom(...STATUSES),
      capacity: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('capacity' as const), who, capacity: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('disconnect' as const), who }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reconnect' as const), who }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('pickChat' as const), pick, who }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('pull' as const), who }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('transfer' as const), pick, to: fc.option(who, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('priority' as const), pick, priority }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('mode' as const), mode: fc.constantFrom<RoutingMode>('automatic', 'manual') }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('tick' as const) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('away' as const), pick, graceMs: fc.integer({ min: 1_000, max: 120_000 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('back' as const), pick }) },
);

/** A shift starts with most counsellors on duty, so interesting states are reached quickly. */
const preludeArb = fc.tuple(
  ...COUNSELLORS.map((_, i) =>
    fc.record({
      k: fc.constant('status' as const),
      who: fc.constant(i),
      status: fc.constantFrom<CounsellorStatus>('available', 'available', 'available', 'break', 'offline'),
      capacity: fc.integer({ min: 1, max: 3 }),
    }),
  ),
);

const scenarioArb = fc
  .tuple(preludeArb, fc.array(fc.tuple(stepArb, fc.integer({ min: 0, max: 40_000 })), { minLength: 1, maxLength: 80 }))
  .map(([prelude, steps]) => [...prelude.map((p) => [p as Step, 0] as const), ...steps]);

// ------------------------------------------------------------------ oracle

const RANK: Record<Priority, number> = { critical: 3, high: 2, normal: 1, low: 0 };

/** True if a comes strictly before b in queue order. */
function ahead(a: QueueEntry, b: QueueEntry): boolean {
  if (RANK[a.priority] !== RANK[b.priority]) return RANK[a.priority] > RANK[b.priority];
  if (a.returnedToFront !== b.returnedToFront) return a.returnedToFront;
  if (a.enqueuedAt !== b.enqueuedAt) return a.enqueuedAt < b.enqueuedAt;
  return a.id < b.id;
}

function isReachableAvailable(state: QueueState, id: string): boolean {
  const c = state.counsellors[id];
  return c !== undefined && c.status === 'available' && c.capacity > 0 && c.disconnectedAt === undefined;
}

function load(state: QueueState, id: string): { active: number; offered: number } {
  const all = Object.values(state.conversations);
  return {
    active: all.filter((e) => e.phase === 'active' && e.counsellorId === id).length,
    offered: all.filter((e) => e.phase === 'offered' && e.counsellorId === id).length,
  };
}

/** The decline rule: skip decliners unless every available counsellor declined. */
function eligible(state: QueueState, w: QueueEntry, counsellorId: string, treatAsAvailable = false): boolean {
  const available = Object.keys(state.counsellors).filter(
    (id) => isReachableAvailable(state, id) || (treatAsAvailable && id === counsellorId && (state.counsellors[id]?.capacity ?? 0) > 0),
  );
  if (!available.includes(counsellorId)) return false;
  const fresh = available.filter((id) => !w.declinedBy.includes(id));
  return fresh.length === 0 || fresh.includes(counsellorId);
}

function nth<T>(items: readonly T[], i: number): T | undefined {
  return items.length === 0 ? undefined : items[i % items.length];
}

function toEvent(state: QueueState, step: Step, at: number, nextId: () => string): QueueEvent | undefined {
  const all = Object.values(state.conversations).sort((a, b) => (a.id < b.id ? -1 : 1));
  const offered = all.filter((e) => e.phase === 'offered');
  const active = all.filter((e) => e.phase === 'active');
  const waiting = all.filter((e) => e.phase === 'waiting');
  const cid = (i: number) => COUNSELLORS[i] ?? 'c0';
  switch (step.k) {
    case 'arrive':
      return {
        type: 'visitor_arrived',
        at,
        conversationId: nextId(),
        priority: step.priority,
        preferredCounsellorId: step.preferred === null ? undefined : cid(step.preferred),
      };
    case 'end': {
      const e = nth(all, step.pick);
      return e && { type: 'conversation_ended', at, conversationId: e.id };
    }
    case 'accept': {
      const e = nth(offered, step.pick);
      return e && e.phase === 'offered' ? { type: 'offer_accepted', at, conversationId: e.id, counsellorId: e.counsellorId } : undefined;
    }
    case 'acceptWrong': {
      const e = nth(all, step.pick);
      return e && { type: 'offer_accepted', at, conversationId: e.id, counsellorId: cid(step.who) };
    }
    case 'decline': {
      const e = nth(offered, step.pick);
      return e && e.phase === 'offered' ? { type: 'offer_declined', at, conversationId: e.id, counsellorId: e.counsellorId } : undefined;
    }
    case 'status':
      return {
        type: 'counsellor_status_changed',
        at,
        counsellorId: cid(step.who),
        status: step.status,
        capacity: step.capacity ?? undefined,
      };
    case 'capacity':
      return { type: 'counsellor_capacity_changed', at, counsellorId: cid(step.who), capacity: step.capacity };
    case 'disconnect':
      return { type: 'counsellor_disconnected', at, counsellorId: cid(step.who) };
    case 'reconnect':
      return { type: 'counsellor_reconnected', at, counsellorId: cid(step.who) };
    case 'pickChat': {
      const e = nth(waiting, step.pick);
      return e && { type: 'conversation_picked', at, conversationId: e.id, counsellorId: cid(step.who) };
    }
    case 'pull':
      return { type: 'next_pulled', at, counsellorId: cid(step.who) };
    case 'transfer': {
      const e = nth(active, step.pick);
      return e && { type: 'transferred', at, conversationId: e.id, toCounsellorId: step.to === null ? undefined : cid(step.to) };
    }
    case 'priority': {
      const e = nth(all, step.pick);
      return e && { type: 'priority_changed', at, conversationId: e.id, priority: step.priority };
    }
    case 'mode':
      return { type: 'mode_changed', at, mode: step.mode };
    case 'tick':
      return { type: 'tick', at };
    case 'away': {
      const e = nth(all, step.pick);
      return e && { type: 'visitor_away', at, conversationId: e.id, until: at + step.graceMs };
    }
    case 'back': {
      const e = nth(all, step.pick);
      return e && { type: 'visitor_back', at, conversationId: e.id };
    }
  }
}

function checkInvariants(
  before: QueueState,
  event: QueueEvent,
  after: QueueState,
  effects: readonly QueueEffect[],
  alive: ReadonlySet<string>,
  config: QueueConfig,
): void {
  const now = event.at;
  const entries = Object.values(after.conversations);

  // No conversation lost (or invented).
  expect(new Set(Object.keys(after.conversations))).toEqual(alive);

  // One holder at most: every offer made this step is the entry's final state, once.
  const offeredNow = effects.filter((f) => f.type === 'offered' || (f.type === 'assigned' && f.via !== 'accepted'));
  const ids = offeredNow.map((f) => (f.type === 'offered' || f.type === 'assigned' ? f.conversationId : ''));
  expect(new Set(ids).size).toBe(ids.length);
  for (const f of offeredNow) {
    if (f.type !== 'offered' && f.type !== 'assigned') continue;
    const e = after.conversations[f.conversationId];
    expect(e?.phase).toBe(f.type === 'offered' ? 'offered' : 'active');
    expect(e && e.phase !== 'waiting' ? e.counsellorId : undefined).toBe(f.counsellorId);
    // It was waiting (or, for a named transfer, active) before this step: no double assignment.
    const prev = before.conversations[f.conversationId];
    if (f.type === 'offered' && f.reason === 'named_transfer') expect(prev?.phase).toBe('active');
    else {
      // Waiting before, or handed back to the queue earlier in this same step (decline, timeout, withdrawal).
      const requeuedNow = effects.some((g) => g.type === 'requeued' && g.conversationId === f.conversationId);
      if (!requeuedNow) expect(['waiting', undefined]).toContain(prev?.phase);
    }
  }

  // A visitor whose tab is gone is offered to nobody, and nobody is held past her grace time.
  for (const e of entries) {
    if (e.phase === 'offered') expect(e.awayUntil).toBeUndefined();
    if (e.phase !== 'active' && e.awayUntil !== undefined) expect(e.awayUntil).toBeGreaterThan(now);
  }
  for (const f of effects) {
    if (f.type === 'removed' && f.abandoned) {
      const prev = before.conversations[f.conversationId];
      expect(prev?.awayUntil).toBeDefined();
      expect(prev!.awayUntil!).toBeLessThanOrEqual(now);
    }
  }

  // Offers and chats belong to known, reachable-enough counsellors.
  for (const e of entries) {
    if (e.phase === 'waiting') continue;
    const c = after.counsellors[e.counsellorId];
    expect(c).toBeDefined();
    // A chat is never stranded with someone who left: offline only during a disconnect grace period.
    if (e.phase === 'active' && c?.status === 'offline') expect(c.disconnectedAt).toBeDefined();
    if (e.phase === 'active' && c?.disconnectedAt !== undefined) {
      expect(c.disconnectedAt + (config.disconnectGraceMs)).toBeGreaterThan(now);
    }
    if (e.phase === 'offered') {
      expect(c?.disconnectedAt).toBeUndefined();
      // Routed offers only to available counsellors; a named handover may reach one wrapping up.
      if (e.transferredFrom === undefined) expect(c?.status).toBe('available');
      else expect(c?.status).not.toBe('offline');
    }
  }

  // Capacity: never over; the only exception is active chats kept after a capacity cut,
  // and then nothing else is on offer to that counsellor.
  for (const [id, c] of Object.entries(after.counsellors)) {
    const { active, offered } = load(after, id);
    if (active + offered > c.capacity) expect(offered).toBe(0);
  }
  for (const f of offeredNow) {
    if (f.type !== 'offered' && f.type !== 'assigned') continue;
    const { active, offered } = load(after, f.counsellorId);
    expect(active + offered).toBeLessThanOrEqual(after.counsellors[f.counsellorId]?.capacity ?? -1);
  }

  // Priority order: nothing offered/pulled to C while a chat ahead of it that C could take still waits.
  const waiting = entries.filter((e) => e.phase === 'waiting' && e.awayUntil === undefined);
  for (const f of effects) {
    const routed = (f.type === 'offered' && f.reason !== 'named_transfer') || (f.type === 'assigned' && f.via === 'pulled');
    if (!routed) continue;
    const target = after.conversations[f.conversationId];
    if (!target) continue;
    // The decline rule: a decliner gets it again only when every available counsellor declined it.
    if (f.type === 'offered') expect(eligible(after, target, f.counsellorId)).toBe(true);
    for (const w of waiting) {
      if (ahead(w, target) && eligible(after, w, f.counsellorId, f.type === 'assigned')) {
        throw new Error(`priority violated: ${w.id} (${w.priority}) waits while ${target.id} (${target.priority}) went to ${f.counsellorId}`);
      }
    }
  }

  // Work conservation in automatic mode: nobody waits while an eligible counsellor has room.
  if (after.mode === 'automatic') {
    for (const w of waiting) {
      for (const id of Object.keys(after.counsellors)) {
        const { active, offered } = load(after, id);
        const room = active + offered < (after.counsellors[id]?.capacity ?? 0);
        if (room && eligible(after, w, id)) throw new Error(`${w.id} waits while ${id} could take it`);
      }
    }
  }
}

function run(
  steps: readonly (readonly [Step, number])[],
  config: QueueConfig = CONFIG,
): { state: QueueState; alive: Set<string>; now: number } {
  let state = emptyQueueState('automatic');
  const alive = new Set<string>();
  let now = 1_000_000;
  let counter = 0;
  const nextId = () => `v${counter++}`;
  for (const [step, dt] of steps) {
    now += dt;
    const event = toEvent(state, step, now, nextId);
    if (!event) continue;
    const { state: next, effects } = reduceQueue(state, event, config);
    const rejected = effects.some((f) => f.type === 'rejected');
    if (event.type === 'visitor_arrived' && !rejected) alive.add(event.conversationId);
    for (const f of effects) if (f.type === 'removed') alive.delete(f.conversationId);
    // A rejected event changes nothing beyond what the passing of time does.
    if (rejected) expect(next).toEqual(reduceQueue(state, { type: 'tick', at: now }, config).state);
    checkInvariants(state, event, next, effects, alive, config);
    state = next;
  }
  return { state, alive, now };
}

describe('queueModel invariants (property-based)', () => {
  it('hold after every step of random event sequences', () => {
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), (steps, pause, cap) => {
        run(steps, { ...CONFIG, pauseOnOfferTimeout: pause, queueCap: cap });
      }),
      { numRuns: 1000 },
    );
  });

  it('every waiting visitor eventually gets an offer once a counsellor is available', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat({ max: 3 }), (steps, helper) => {
        const { state: start, now: t0 } = run(steps);
        const c = COUNSELLORS[helper] ?? 'c0';
        const waitingAtStart = Object.values(start.conversations).filter((e) => e.phase === 'waiting').map((e) => e.id);
        const offeredEver = new Set<string>();
        // A visitor whose tab is gone is not offered: she comes back, or her place lapses.
        const lapsed = new Set<string>();
        let state = start;
        let now = t0;
        const step = (event: QueueEvent) => {
          const r = reduceQueue(state, event, CONFIG);
          for (const f of r.effects) if (f.type === 'offered' || f.type === 'assigned') offeredEver.add(f.conversationId);
          for (const f of r.effects) if (f.type === 'removed' && f.abandoned) lapsed.add(f.conversationId);
          state = r.state;
        };
        step({ type: 'tick', at: now });
        step({ type: 'counsellor_reconnected', at: now, counsellorId: c });
        step({ type: 'counsellor_status_changed', at: now, counsellorId: c, status: 'available', capacity: 1 });
        // The counsellor handles chats one by one: accept (or pull in manual mode), then end.
        // Time moves in half offer-timeouts: the helper always answers in time, silent colleagues time out.
        for (let i = 0; i < 400 && Object.keys(state.conversations).length > 0; i++) {
          now += CONFIG.offerTimeoutMs / 2;
          step({ type: 'tick', at: now });
          // Paused for an offer missed before the drain started: she comes back, as the property assumes.
          if (state.counsellors[c]?.status !== 'available') {
            step({ type: 'counsellor_status_changed', at: now, counsellorId: c, status: 'available' });
          }
          const mine = Object.values(state.conversations).filter((e) => e.phase !== 'waiting' && e.counsellorId === c);
          for (const e of mine) {
            if (e.phase === 'offered') step({ type: 'offer_accepted', at: now, conversationId: e.id, counsellorId: c });
            else step({ type: 'conversation_ended', at: now, conversationId: e.id });
          }
          if (state.mode === 'manual') step({ type: 'next_pulled', at: now, counsellorId: c });
          // Other counsellors' chats end too, as chats do.
          for (const e of Object.values(state.conversations)) {
            if (e.phase === 'active' && e.counsellorId !== c) step({ type: 'conversation_ended', at: now, conversationId: e.id });
          }
        }
        for (const id of waitingAtStart) expect(offeredEver.has(id) || lapsed.has(id) || !(id in start.conversations)).toBe(true);
        expect(Object.values(state.conversations).filter((e) => e.phase === 'waiting')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
