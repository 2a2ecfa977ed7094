// The queue as the use cases use it: take a routing step and get back what it changed, as
// effects. Steps that time alone causes (an offer that expired, a held place that lapsed) are
// published through the port the transport provides.
import type { Effect } from '../effects.js';
import type { QueueActor, QueueEventInput, RoutingStep, RoutingSteps } from './routingSteps.js';
import type { QueueViews } from './queueViews.js';
import type { Repositories } from '../../store/repositories.js';

export class Queue {
  /** Where effects of steps nobody asked for (timers) go; set by the transport. */
  publish: (effects: Effect[]) => void = () => {};
  /** Told of every step (the per-source arrival limits free a place when a chat leaves the queue). */
  private readonly observers: ((step: RoutingStep) => void)[] = [];

  constructor(
    readonly steps: RoutingSteps,
    readonly views: QueueViews,
    private readonly log: (message: string, error: unknown) => void,
  ) {}

  observe(observer: (step: RoutingStep) => void): void {
    this.observers.push(observer);
  }

  async run(input: QueueEventInput, actor: QueueActor, before?: (tx: Repositories) => Promise<void>): Promise<{ step: RoutingStep; effects: Effect[] }> {
    const step = await this.steps.step(input, actor, before);
    for (const observe of this.observers) observe(step);
    return { step, effects: await this.views.effectsOf(step) };
  }

  /** Lets time pass: expired offers and grace periods are dealt with, and announced. */
  async tick(): Promise<void> {
    try {
      const { effects } = await this.run({ type: 'tick' }, { kind: 'system', id: null });
      if (effects.length > 0) this.publish(effects);
    } catch (error) {
      this.log('queue tick failed', error);
    }
  }

  start(): void {
    this.steps.start(() => this.tick());
  }

  stop(): void {
    this.steps.stop();
  }
}
