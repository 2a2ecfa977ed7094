// The live status partners show (GET /api/status, the widget and its badge): open, busy with
// the wait a newcomer can expect, or closed with the next opening. Many partner pages ask every
// minute, so the queue's side (how many wait, the newcomer's estimate) is kept for a few
// seconds; the settings are read each time, so a supervisor closing the chat shows at once.
import type { Repositories } from '../../store/repositories.js';
import { queueAdmission } from '../../domain/queue/queueLimits.js';
import type { WaitEstimate } from '../../domain/queue/waitEstimate.js';
import { partnerStatus, type PartnerStatus } from '../../domain/visibility/partnerStatus.js';
import type { Clock } from '../clock.js';
import type { QueueViews } from './queueViews.js';
import { serviceAvailability } from './serviceAvailability.js';

/** How long the queue's side of one status is reused. Shorter than the max-age partners get. */
export const publicStatusReuseMs = 5_000;

export class PublicStatus {
  private queueSide: { at: number; waiting: number; estimate: WaitEstimate } | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly views: QueueViews,
  ) {}

  async current(): Promise<PartnerStatus> {
    const now = this.clock.now();
    const settings = await this.repos.settings.get();
    const availability = serviceAvailability(settings, now);
    if (!availability.open) return { state: 'closed', nextOpensAt: availability.nextOpensAt };
    const queue = await this.queue(now);
    return partnerStatus({
      open: true,
      nextOpensAt: null,
      busyMode: availability.busy,
      queueFull: queueAdmission({ waitingCount: queue.waiting, cap: settings.queueCap }).kind === 'full',
      newcomerEstimate: queue.estimate,
    });
  }

  private async queue(now: number): Promise<{ waiting: number; estimate: WaitEstimate }> {
    if (this.queueSide && now >= this.queueSide.at && now - this.queueSide.at < publicStatusReuseMs) return this.queueSide;
    const open = await this.repos.conversations.countOpen();
    this.queueSide = { at: now, waiting: open.waiting + open.offered, estimate: await this.views.newcomerEstimate() };
    return this.queueSide;
  }
}
