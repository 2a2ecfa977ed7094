// Prometheus metrics. Counts and timings only: nothing that identifies a visitor, no text.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  socketRequestSeconds: Histogram<'event'>;
  messageCommitSeconds: Histogram;
  socketConnections: Gauge<'side'>;
  /** One routing step, lock to commit: it must not grow with the queue. */
  routingStepSeconds: Histogram;
  /** Pushes sent, by kind: what a step costs on the wire. */
  pushes: Counter<'kind'>;
}

export interface RoutingFigures {
  /** Waiting visitors and the longest wait, per priority. */
  queue: Record<string, { length: number; oldestWaitSeconds: number }>;
  counsellorsByStatus: Record<string, number>;
}

export function createMetrics(
  collectQueue: () => Promise<{ waiting: number; offered: number; active: number }>,
  collectRouting: () => Promise<RoutingFigures>,
): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'baken_' });
  const socketRequestSeconds = new Histogram({
    name: 'baken_socket_request_seconds',
    help: 'Time from receiving a socket request to acknowledging it (for message:send: stored durably)',
    labelNames: ['event'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const messageCommitSeconds = new Histogram({
    name: 'baken_message_commit_seconds',
    help: 'Database commit time of one message',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [registry],
  });
  const routingStepSeconds = new Histogram({
    name: 'baken_routing_step_seconds',
    help: 'Time of one routing step on this node, from taking the lock to commit',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5],
    registers: [registry],
  });
  const pushes = new Counter({
    name: 'baken_pushes_total',
    help: 'Messages pushed to sockets by this node, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const socketConnections = new Gauge({
    name: 'baken_socket_connections',
    help: 'Open socket connections on this node',
    labelNames: ['side'],
    registers: [registry],
  });
  const conversations = new Gauge({
    name: 'baken_conversations',
    help: 'Conversations by status (cluster-wide, from the database)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const q = await collectQueue();
      this.set({ status: 'waiting' }, q.waiting);
      this.set({ status: 'offered' }, q.offered);
      this.set({ status: 'active' }, q.active);
    },
  });
  void conversations;
  // prom-client collects all metrics at once, so gauges fed by one query share one promise per scrape.
  let routing: Promise<RoutingFigures> | undefined;
  const routingOnce = () => {
    routing ??= collectRouting().finally(() => setTimeout(() => (routing = undefined), 0));
    return routing;
  };
  new Gauge({
    name: 'baken_queue_length',
    help: 'Waiting visitors per priority',
    labelNames: ['priority'],
    registers: [registry],
    async collect() {
      for (const [priority, q] of Object.entries((await routingOnce()).queue)) this.set({ priority }, q.length);
    },
  });
  new Gauge({
    name: 'baken_queue_wait_seconds',
    help: 'Longest current wait per priority',
    labelNames: ['priority'],
    registers: [registry],
    async collect() {
      for (const [priority, q] of Object.entries((await routingOnce()).queue)) this.set({ priority }, q.oldestWaitSeconds);
    },
  });
  new Gauge({
    name: 'baken_counsellors',
    help: 'Counsellors by status (cluster-wide)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      for (const [status, n] of Object.entries((await routingOnce()).counsellorsByStatus)) this.set({ status }, n);
    },
  });
  return { registry, socketRequestSeconds, messageCommitSeconds, socketConnections, routingStepSeconds, pushes };
}
