// The administrator's and supervisors' settings: saved with their audit entry in one
// transaction; a new routing mode, offer time or queue cap takes effect at once (a routing step).
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { ServiceSettings, ServiceSettingsPatch } from '../../protocol/serviceSettings.js';
import type { Clock } from '../clock.js';
import { outcome, type Effect, type Outcome } from '../effects.js';
import type { Queue } from '../queue/queue.js';
import { serviceAvailability } from '../queue/serviceAvailability.js';

export class ServiceSettingsUseCases {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly queue: Queue,
  ) {}

  get(): Promise<ServiceSettings> {
    return this.repos.settings.get();
  }

  async update(patch: ServiceSettingsPatch, actor: StaffMember): Promise<Outcome<ServiceSettings>> {
    const now = this.clock.now();
    const settings = await this.repos.transaction(async (tx) => {
      const saved = await tx.settings.update(patch, actor.id, now);
      await tx.audit.append({ at: now, staffId: actor.id, action: 'settings.update', detail: { fields: Object.keys(patch) } });
      return saved;
    });
    const { effects } = await this.queue.run({ type: 'mode_changed', mode: settings.routingMode }, { kind: 'staff', id: actor.id });
    return outcome(settings, [...effects, this.serviceChanged(settings)]);
  }

  /** Supervisors open or close the chat by hand, or switch busy mode. */
  async setAvailability(patch: Pick<ServiceSettingsPatch, 'availability' | 'busy'>, actor: StaffMember): Promise<Outcome<ServiceSettings>> {
    const now = this.clock.now();
    const before = await this.repos.settings.get();
    const settings = await this.repos.transaction(async (tx) => {
      const saved = await tx.settings.update(patch, actor.id, now);
      await tx.audit.append({ at: now, staffId: actor.id, action: 'service.availability', detail: patch });
      return saved;
    });
    const effects: Effect[] = [this.serviceChanged(settings)];
    // Busy mode is said to everyone waiting, at once: it changes what each of them should expect.
    if (settings.busy !== before.busy) effects.push({ type: 'queue.positions', positions: await this.queue.views.allPositions() });
    return outcome(settings, effects);
  }

  private serviceChanged(settings: ServiceSettings): Effect {
    const a = serviceAvailability(settings, this.clock.now());
    return { type: 'service.changed', availability: { open: a.open, reason: a.reason, busy: a.busy, setting: settings.availability } };
  }
}
