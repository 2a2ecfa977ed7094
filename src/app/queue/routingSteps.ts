// Takes each routing step: under a cluster-wide lock it brings this node's copy of the routing
// state up to date (only the rows changed since the version it holds), lets the pure routing
// reducer decide, writes back exactly what changed with a new version, and returns the step for
// the views to announce. Every node may take steps; the lock (a PostgreSQL advisory lock, or
// SQLite's single writer) makes them happen one at a time, so no chat goes to two counsellors.
import type { Repositories } from '../../store/repositories.js';
import { applyQueueRows } from '../../store/queueStateRepository.js';
import { nextDeadline, reduceQueue, type QueueConfig, type QueueEffect, type QueueEvent, type QueueState } from '../../domain/queue/queueModel.js';
import type { ServiceSettings } from '../../protocol/serviceSettings.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';

export type QueueEventInput = QueueEvent extends infer E ? (E extends { at: number } ? Omit<E, 'at'> : never) : never;

export interface QueueActor {
  kind: 'staff' | 'visitor' | 'system';
  id: string | null;
}

export function queueConfigFrom(settings: ServiceSettings): QueueConfig {
  return {
    offerTimeoutMs: settings.offerTimeoutSeconds * 1000,
    disconnectGraceMs: settings.disconnectGraceSeconds * 1000,
    queueCap: settings.queueCap,
  };
}

/**
 * How long a waiting visitor's place is held once her tab is gone: briefly when the tab said it
 * was closing (long enough for a reload), longer when only the connection went (a phone that
 * put the browser to sleep while she hid the chat must not lose her place at once).
 */
export const visitorAwayGrace = { tabClosedMs: 20_000, connectionLostMs: 5 * 60_000 } as const;

/** One routing step as it happened: the state before and after, and what the reducer decided. */
export interface RoutingStep {
  event: QueueEvent;
  before: QueueState;
  after: QueueState;
  effects: readonly QueueEffect[];
  /** Conversations and counsellors the step changed (ended ones included). */
  changed: { conversations: readonly string[]; counsellors: readonly string[] };
  settings: ServiceSettings;
  /** How long the step took, from asking for the lock to the commit. */
  durationMs: number;
}

const rejections: Record<string, [ServiceError['code'], string]> = {
  unknown_conversation: ['not_found', 'no such conversation in the queue'],
  unknown_counsellor: ['invalid_state', 'set your status first'],
  duplicate_conversation: ['conflict', 'already in the queue'],
  not_waiting: ['conflict', 'this chat is no longer waiting'],
  not_offered_to_counsellor: ['conflict', 'this chat was not offered to you (any more)'],
  not_active: ['invalid_state', 'this chat is not active'],
  no_capacity: ['conflict', 'you have no room for another chat'],
  counsellor_unavailable: ['invalid_state', 'you are offline; set your status to available first'],
  nothing_to_pull: ['not_found', 'nobody is waiting'],
  queue_full: ['unavailable', 'the queue is full'],
  invalid_capacity: ['invalid_request', 'invalid capacity'],
};

/** Entries the reducer replaced or dropped (it keeps untouched entries by reference). */
function changedKeys<T>(before: Readonly<Record<string, T>>, after: Readonly<Record<string, T>>): string[] {
  const out: string[] = [];
  for (const [id, value] of Object.entries(after)) if (before[id] !== value) out.push(id);
  for (const id of Object.keys(before)) if (!(id in after)) out.push(id);
  return out;
}

export class RoutingSteps {
  /** This node's copy of the routing state and the version it reflects. */
  private cache: { version: number; state: QueueState } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private safetyTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Told of every step taken on this node (the views announce it). */
  onTick: ((step: RoutingStep) => void) | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The service's settings as they are now (one small read; a step reads them once). */
  settings(): Promise<ServiceSettings> {
    return this.repos.settings.get();
  }

  /**
   * One routing step. `before` runs inside the same transaction first (to create or end a
   * conversation's row), so the database and the routing state never disagree. A refusal by the
   * reducer (a race between two tabs, a full queue) rolls everything back and becomes a typed error.
   */
  async step(input: QueueEventInput, actor: QueueActor, before?: (tx: Repositories) => Promise<void>): Promise<RoutingStep> {
    const started = performance.now();
    const settings = await this.settings();
    const config = queueConfigFrom(settings);
    let step: RoutingStep & { version: number };
    try {
      step = await this.repos.transaction(async (tx) => {
        await tx.queueState.lock();
        const version = await tx.queueState.version();
        const loaded = await this.stateAt(tx, version, settings);
        if (before) await before(tx);
        const event = { ...input, at: this.clock.now() } as QueueEvent;
        const { state: after, effects } = reduceQueue(loaded, event, config);
        const rejected = effects.find((e) => e.type === 'rejected');
        if (rejected && rejected.type === 'rejected') {
          const [code, message] = rejections[rejected.reason] ?? ['conflict', rejected.reason];
          throw new ServiceError(code, message);
        }
        const changed = { conversations: changedKeys(loaded.conversations, after.conversations), counsellors: changedKeys(loaded.counsellors, after.counsellors) };
        const next = version + 1;
        await tx.queueState.persist({ before: loaded, after, changed, effects, actor, now: event.at, version: next });
        // Places held for visitors whose tab went and who did not come back in time.
        for (const effect of effects) {
          if (effect.type === 'removed' && effect.abandoned) await tx.queueState.markEnded(effect.conversationId, 'abandoned', { kind: 'system' }, event.at);
        }
        return { event, before: loaded, after, effects, changed, settings, version: next, durationMs: 0 };
      });
    } catch (error) {
      // Whatever this node held may not match the database after a failed write.
      if (!(error instanceof ServiceError)) this.cache = undefined;
      throw error;
    }
    step.durationMs = performance.now() - started;
    if (!this.cache || this.cache.version < step.version) this.cache = { version: step.version, state: step.after };
    this.schedule(nextDeadline(step.after, config, step.event.at));
    return step;
  }

  /** The routing state as of now, for listings that need all of it (the board, a resume). */
  async current(): Promise<QueueState> {
    const settings = await this.settings();
    const version = await this.repos.queueState.version();
    if (this.cache && this.cache.version === version) return { ...this.cache.state, mode: settings.routingMode };
    // Not under the lock: read, but do not keep (a step may be writing the next version).
    return this.repos.queueState.loadAll(settings.routingMode);
  }

  /** Ticks at the next deadline (offer timeout, disconnect grace, a visitor's held place) and, as a safety net, every few seconds. */
  start(tick: () => Promise<void>): void {
    this.tickHandler = tick;
    this.safetyTimer = setInterval(() => void tick(), 5000);
    this.safetyTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.safetyTimer);
  }

  private tickHandler: (() => Promise<void>) | undefined;

  private async stateAt(tx: Repositories, version: number, settings: ServiceSettings): Promise<QueueState> {
    let state: QueueState;
    if (this.cache && this.cache.version === version) state = this.cache.state;
    else if (this.cache && this.cache.version < version) state = applyQueueRows(this.cache.state, await tx.queueState.changesSince(this.cache.version));
    else state = await tx.queueState.loadAll(settings.routingMode);
    state = { ...state, mode: settings.routingMode };
    state = await this.withLanguages(tx, state);
    // Read from the database each step, never written: an ended chat waits for her coding.
    if (!settings.requireCodingBeforeNext) {
      if (Object.values(state.counsellors).some((c) => c.mustCodeFirst)) {
        state = { ...state, counsellors: Object.fromEntries(Object.entries(state.counsellors).map(([id, c]) => [id, c.mustCodeFirst ? { ...c, mustCodeFirst: false } : c])) };
      }
      return state;
    }
    const mustCode = await tx.queueState.mustCodeFirst(Object.keys(state.counsellors));
    const counsellors = { ...state.counsellors };
    for (const [id, c] of Object.entries(counsellors)) {
      const flag = mustCode.has(id);
      if ((c.mustCodeFirst ?? false) !== flag) counsellors[id] = { ...c, mustCodeFirst: flag };
    }
    return { ...state, counsellors };
  }

  /**
   * The languages counsellors chat in, read from the database each step (an administrator may
   * have changed them), but only when someone waits: otherwise routing has nothing to decide.
   */
  private async withLanguages(tx: Repositories, state: QueueState): Promise<QueueState> {
    if (!Object.values(state.conversations).some((e) => e.phase === 'waiting')) return state;
    const languages = await tx.queueState.languagesOf(Object.keys(state.counsellors));
    const counsellors = { ...state.counsellors };
    for (const [id, c] of Object.entries(counsellors)) {
      const now = languages.get(id);
      if (now && now.join() !== (c.languages ?? []).join()) counsellors[id] = { ...c, languages: now };
    }
    return { ...state, counsellors };
  }

  private schedule(deadline: number | undefined): void {
    if (deadline === undefined || this.stopped || !this.tickHandler) return;
    clearTimeout(this.timer);
    const tick = this.tickHandler;
    this.timer = setTimeout(() => void tick(), Math.max(0, deadline - this.clock.now()) + 20);
    this.timer.unref();
  }
}
