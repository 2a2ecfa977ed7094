/**
 * Language matching, property-based: random queues with chats in random languages and
 * counsellors who speak random languages. After every step: within a chat's first minute it goes
 * only to someone who speaks its language (unless no one on duty does, or she is a returning
 * visitor's own counsellor); after that minute no chat waits while anyone could take it; and
 * when a counsellor who speaks none of the languages keeps taking chats, every chat is offered
 * in the end (no chat starves for want of a language).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyQueueState, reduceQueue, type QueueConfig, type QueueEffect, type QueueEvent, type QueueState } from './queueModel.js';
import { languageMatchWindowMs } from './languageMatch.js';
import type { CounsellorStatus } from './routingPolicy.js';

const CONFIG: QueueConfig = { offerTimeoutMs: 30_000, disconnectGraceMs: 60_000, pauseOnOfferTimeout: false };
const COUNSELLORS = ['c0', 'c1', 'c2', 'c3'] as const;
const LANGUAGES = ['nl', 'en', 'pl', 'ar'] as const;

type Step =
  | { k: 'arrive'; language: (typeof LANGUAGES)[number]; preferred: number | null }
  | { k: 'accept'; pick: number }
  | { k: 'decline'; pick: number }
  | { k: 'end'; pick: number }
  | { k: 'status'; who: number; status: CounsellorStatus; capacity: number }
  | { k: 'tick' };

const who = fc.nat({ max: COUNSELLORS.length - 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('arrive' as const), language: fc.constantFrom(...LANGUAGES), preferred: fc.option(who, { nil: null }) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('accept' as const), pick: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('decline' as const), pick: fc.nat(40) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('end' as const), pick: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('status' as const), who, status: fc.constantFrom<CounsellorStatus>('available', 'available', 'break', 'offline'), capacity: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('tick' as const) }) },
);
/** Which languages each counsellor speaks: fixed for a run, as the staff page sets them. */
const skillsArb = fc.tuple(...COUNSELLORS.map(() => fc.subarray([...LANGUAGES], { minLength: 0 })));
const scenarioArb = fc.record({
  skills: skillsArb,
  steps: fc.array(fc.tuple(stepArb, fc.integer({ min: 0, max: 40_000 })), { minLength: 1, maxLength: 60 }),
});

/** The server reads counsellors' languages from the database before each step; so does this. */
function withSkills(state: QueueState, skills: readonly (readonly string[])[]): QueueState {
  const counsellors = Object.fromEntries(Object.entries(state.counsellors).map(([id, c]) => [id, { ...c, languages: skills[COUNSELLORS.indexOf(id as 'c0')] ?? [] }]));
  return { ...state, counsellors };
}

function toEvent(state: QueueState, step: Step, at: number, nextId: () => string): QueueEvent | undefined {
  const all = Object.values(state.conversations).sort((a, b) => (a.id < b.id ? -1 : 1));
  const offered = all.filter((e) => e.phase === 'offered');
  const nth = <T,>(list: readonly T[], i: number) => (list.length ? list[i % list.length] : undefined);
  switch (step.k) {
    case 'arrive':
      return { type: 'visitor_arrived', at, conversationId: nextId(), priority: 'normal', language: step.language, preferredCounsellorId: step.preferred === null ? undefined : COUNSELLORS[step.preferred] };
    case 'accept': {
      const e = nth(offered, step.pick);
      return e && e.phase === 'offered' ? { type: 'offer_accepted', at, conversationId: e.id, counsellorId: e.counsellorId } : undefined;
    }
    case 'decline': {
      const e = nth(offered, step.pick);
      return e && e.phase === 'offered' ? { type: 'offer_declined', at, conversationId: e.id, counsellorId: e.counsellorId } : undefined;
    }
    case 'end': {
      const e = nth(all, step.pick);
      return e && { type: 'conversation_ended', at, conversationId: e.id };
    }
    case 'status':
      return { type: 'counsellor_status_changed', at, counsellorId: COUNSELLORS[step.who]!, status: step.status, capacity: step.capacity };
    case 'tick':
      return { type: 'tick', at };
  }
}

const speaks = (state: QueueState, id: string, language: string | undefined) => language !== undefined && (state.counsellors[id]?.languages ?? []).includes(language);
const onDuty = (state: QueueState, id: string) => {
  const c = state.counsellors[id]!;
  return c.status !== 'offline' && c.capacity > 0;
};
const room = (state: QueueState, id: string) => {
  const held = Object.values(state.conversations).filter((e) => e.phase !== 'waiting' && e.counsellorId === id).length;
  const c = state.counsellors[id]!;
  return c.status === 'available' && c.capacity > 0 && held < c.capacity;
};

function check(before: QueueState, after: QueueState, effects: readonly QueueEffect[], at: number): void {
  for (const f of effects) {
    if (f.type !== 'offered' || f.reason === 'named_transfer') continue;
    const chat = after.conversations[f.conversationId]!;
    const inWindow = at < chat.enqueuedAt + languageMatchWindowMs;
    if (!inWindow || speaks(after, f.counsellorId, chat.language) || f.counsellorId === chat.preferredCounsellorId) continue;
    // A chat in its first minute went to someone who does not speak its language: only right
    // when no one on duty speaks it.
    const speaker = Object.keys(before.counsellors).find((id) => onDuty(before, id) && speaks(before, id, chat.language));
    if (speaker) throw new Error(`${chat.id} (${chat.language}) went to ${f.counsellorId} in its first minute while ${speaker} speaks it`);
  }
  // No chat waits while a counsellor who speaks its language, and has not declined it, has room;
  // past its first minute, no chat waits while anyone who has not declined it has room.
  for (const w of Object.values(after.conversations)) {
    if (w.phase !== 'waiting' || w.awayUntil !== undefined) continue;
    const fresh = Object.keys(after.counsellors).filter((id) => room(after, id) && !w.declinedBy.includes(id));
    const speakers = fresh.filter((id) => speaks(after, id, w.language));
    if (speakers.length > 0) throw new Error(`${w.id} (${w.language}) waits while ${speakers.join(', ')}, who speaks it, could take it`);
    if (at >= w.enqueuedAt + languageMatchWindowMs && fresh.length > 0) throw new Error(`${w.id} (${w.language}) waits past its minute while ${fresh.join(', ')} could take it`);
  }
}

function run(skills: readonly (readonly string[])[], steps: readonly (readonly [Step, number])[]) {
  let state = emptyQueueState('automatic');
  let now = 5_000_000;
  let n = 0;
  const nextId = () => `v${n++}`;
  for (const [step, dt] of steps) {
    now += dt;
    const event = toEvent(state, step, now, nextId);
    if (!event) continue;
    const before = withSkills(state, skills);
    const { state: after, effects } = reduceQueue(before, event, CONFIG);
    check(before, after, effects, now);
    state = after;
  }
  return { state, now };
}

describe('language matching (property-based)', () => {
  it('offers a chat in its first minute only to speakers of its language, and after that to anyone', () => {
    fc.assert(
      fc.property(scenarioArb, ({ skills, steps }) => {
        run(skills, steps);
      }),
      { numRuns: 600 },
    );
  });

  it('starves no chat: a counsellor who speaks none of their languages is offered every one in the end', () => {
    fc.assert(
      fc.property(scenarioArb, ({ skills, steps }) => {
        // c0 speaks only Frisian, so only the fallback ever brings her a chat.
        const mixed = [['fy'], ...skills.slice(1)];
        const { state: start, now: t0 } = run(mixed, steps);
        const waiting = Object.values(start.conversations).filter((e) => e.phase === 'waiting').map((e) => e.id);
        const offeredTo = new Map<string, string>();
        let state = start;
        let now = t0;
        const step = (event: QueueEvent) => {
          const r = reduceQueue(withSkills(state, mixed), event, CONFIG);
          for (const f of r.effects) if (f.type === 'offered') offeredTo.set(f.conversationId, f.counsellorId);
          state = r.state;
        };
        step({ type: 'counsellor_status_changed', at: now, counsellorId: 'c0', status: 'available', capacity: 1 });
        // Colleagues who speak the languages stay as they are: busy, on a break or away. c0
        // takes each chat she is offered and ends it; time moves in steps of 10 seconds.
        for (let i = 0; i < 500 && Object.values(state.conversations).some((e) => e.phase === 'waiting'); i++) {
          now += 10_000;
          step({ type: 'tick', at: now });
          for (const e of Object.values(state.conversations)) {
            if (e.phase === 'offered' && e.counsellorId === 'c0') step({ type: 'offer_accepted', at: now, conversationId: e.id, counsellorId: 'c0' });
            else if (e.phase === 'active' && e.counsellorId === 'c0') step({ type: 'conversation_ended', at: now, conversationId: e.id });
          }
        }
        for (const id of waiting) expect(offeredTo.has(id), `${id} was never offered`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
