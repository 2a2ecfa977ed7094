// Takes each routing step: under a cluster-wide lock it loads the queue from the database,
// lets the pure routing reducer decide, writes the difference back, and announces it.
// Every node may do this; the lock (PostgreSQL advisory lock, or SQLite's single writer)
// makes the steps happen one at a time, so no chat goes to two counsellors.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Repositories } from '../../store/repositories.js';
import { loadQueueState, markConversationEnded, persistQueueStep, type QueueChanges } from '../../store/queueStateStore.js';
import { nextDeadline, reduceQueue, type QueueConfig, type QueueEvent, type QueueStep } from '../../domain/queue/queueModel.js';
import type { Clock } from '../../app/clock.js';
import type { EventBus } from '../events/eventBus.js';
import type { Logger } from '../logger.js';
import type { ServiceSettings } from '../../protocol/serviceSettings.js';

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

export class QueueCoordinator {
  private timer: NodeJS.Timeout | undefined;
  private safetyTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly logger: Logger,
  ) {}

  /**
   * One routing step. `beforeReduce` runs inside the same transaction (for example to mark a
   * conversation ended), so the database and the routing state never disagree.
   */
  async step(
    input: QueueEventInput,
    actor: QueueActor,
    beforeReduce?: (trx: Kysely<Database>) => Promise<void>,
  ): Promise<QueueStep & QueueChanges> {
    const settings = await this.repos.settings.get();
    const config = queueConfigFrom(settings);
    const now = this.clock.now();
    const result = await this.repos.store.db.transaction().execute(async (trx) => {
      if (this.repos.store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(727275)`.execute(trx);
      const loaded = await loadQueueState(trx, settings.routingMode, { requireCodingBeforeNext: settings.requireCodingBeforeNext });
      if (beforeReduce) await beforeReduce(trx);
      // A new conversation's row already exists; to the reducer it arrives with this event.
      const before =
        input.type === 'visitor_arrived'
          ? { ...loaded, conversations: Object.fromEntries(Object.entries(loaded.conversations).filter(([id]) => id !== input.conversationId)) }
          : loaded;
      const step = reduceQueue(before, { ...input, at: now } as QueueEvent, config);
      const changes = await persistQueueStep(trx, before, step.state, step.effects, actor, now);
      // Places held for visitors whose tab went and who did not come back in time.
      for (const effect of step.effects) {
        if (effect.type === 'removed' && effect.abandoned) await markConversationEnded(trx, effect.conversationId, 'abandoned', { kind: 'system' }, now);
      }
      return { ...step, ...changes };
    });
    this.schedule(nextDeadline(result.state, config));
    if (result.conversationIds.length > 0 || result.counsellorIds.length > 0 || result.effects.length > 0 || input.type === 'visitor_arrived') {
      this.events.emit('queue.stepped', { conversationIds: result.conversationIds, counsellorIds: result.counsellorIds, effects: result.effects });
    }
    return result;
  }

  /** Ticks at the next deadline (offer timeout, disconnect grace) and, as a safety net, every few seconds. */
  start(): void {
    this.safetyTimer = setInterval(() => void this.tick(), 5000);
    this.safetyTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.safetyTimer);
  }

  async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.step({ type: 'tick' }, { kind: 'system', id: null });
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'queue tick failed');
    }
  }

  private schedule(deadline: number | undefined): void {
    if (deadline === undefined || this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), Math.max(0, deadline - this.clock.now()) + 20);
    this.timer.unref();
  }
}
