// Queue length and waits per priority, and counsellors by status, for /metrics.
import type { RoutingSteps } from '../../app/queue/routingSteps.js';
import { PRIORITIES } from '../../domain/queue/priority.js';
import type { RoutingFigures } from './metrics.js';

export async function routingFigures(routing: RoutingSteps, now: number): Promise<RoutingFigures> {
  const state = await routing.current();
  const queue: RoutingFigures['queue'] = Object.fromEntries(PRIORITIES.map((p) => [p, { length: 0, oldestWaitSeconds: 0 }]));
  for (const entry of Object.values(state.conversations)) {
    if (entry.phase !== 'waiting') continue;
    const q = queue[entry.priority]!;
    q.length++;
    q.oldestWaitSeconds = Math.max(q.oldestWaitSeconds, (now - entry.enqueuedAt) / 1000);
  }
  const counsellorsByStatus: Record<string, number> = { available: 0, break: 0, wrapping_up: 0, offline: 0 };
  for (const c of Object.values(state.counsellors)) {
    const status = c.disconnectedAt !== undefined ? 'offline' : c.status;
    counsellorsByStatus[status] = (counsellorsByStatus[status] ?? 0) + 1;
  }
  return { queue, counsellorsByStatus };
}
