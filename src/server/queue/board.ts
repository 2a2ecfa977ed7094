// The supervisor's live board and the visitors' queue positions, computed from the database.
import type { Repositories } from '../../store/repositories.js';
import { loadQueueState } from '../../store/queueStateStore.js';
import { routingSnapshot, waitingInOrder } from '../../domain/queue/queueModel.js';
import { dutySlots, estimateWait, recentHandlingDurations, waitEstimatePolicy } from '../../domain/queue/waitEstimate.js';
import type { ArrivalBurstAlert, BoardSnapshot, CounsellorView } from '../../protocol/staffProtocol.js';
import type { QueueStatus } from '../../protocol/visitorProtocol.js';
import type { ConversationService } from '../conversations/conversationService.js';
import { presentForStaff } from '../conversations/conversationPresenter.js';
import { serviceAvailability } from './serviceAvailability.js';

const hour = 3_600_000;

export async function counsellorViews(repos: Repositories): Promise<CounsellorView[]> {
  const settings = await repos.settings.get();
  const state = await loadQueueState(repos.store.db, settings.routingMode);
  const snapshot = routingSnapshot(state);
  const staff = await repos.staff.list();
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  return snapshot.counsellors
    .map((c) => ({
      id: c.id,
      displayName: names.get(c.id) ?? '?',
      status: state.counsellors[c.id]!.status,
      capacity: c.capacity,
      activeCount: c.activeCount,
      offeredCount: c.offeredCount,
      connected: state.counsellors[c.id]!.disconnectedAt === undefined && state.counsellors[c.id]!.status !== 'offline',
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function boardSnapshot(repos: Repositories, conversations: ConversationService, now: number, alerts: ArrivalBurstAlert[]): Promise<BoardSnapshot> {
  const settings = await repos.settings.get();
  const active = await repos.store.db.selectFrom('conversations').select('id').where('status', '=', 'active').orderBy('accepted_at').execute();
  const lastHour = await repos.store.db
    .selectFrom('conversations')
    .select(['end_reason', 'created_at'])
    .where((eb) => eb.or([eb('created_at', '>=', now - hour), eb('ended_at', '>=', now - hour)]))
    .execute();
  const availability = serviceAvailability(settings, now);
  return {
    now,
    queue: await conversations.queueItems(),
    counsellors: await counsellorViews(repos),
    active: await Promise.all(
      active.map(async ({ id }) => {
        const c = await conversations.get(id);
        return presentForStaff(c, await conversations.counsellorName(c.counsellorId));
      }),
    ),
    abandonedLastHour: lastHour.filter((c) => c.end_reason === 'abandoned').length,
    startedLastHour: lastHour.filter((c) => c.created_at >= now - hour).length,
    availability: { open: availability.open, reason: availability.reason, busy: availability.busy, setting: settings.availability },
    alerts,
  };
}

/** Position and honest estimate for every waiting visitor, by conversation id. */
export async function visitorQueueStatuses(repos: Repositories, now: number): Promise<Map<string, QueueStatus>> {
  const settings = await repos.settings.get();
  const state = await loadQueueState(repos.store.db, settings.routingMode);
  const waiting = waitingInOrder(state);
  const result = new Map<string, QueueStatus>();
  if (waiting.length === 0) return result;
  const recent = await repos.store.db
    .selectFrom('conversations')
    .select(['accepted_at', 'ended_at'])
    .where('ended_at', '>=', now - waitEstimatePolicy.historyWindowMs)
    .where('accepted_at', 'is not', null)
    .orderBy('ended_at', 'desc')
    .limit(50)
    .execute();
  const recentHandlingMs = recentHandlingDurations(
    recent.map((r) => ({ endedAt: r.ended_at!, durationMs: r.ended_at! - r.accepted_at! })),
    now,
  );
  const slots = dutySlots(routingSnapshot(state).counsellors);
  waiting.forEach((entry, index) => {
    result.set(entry.id, {
      position: index + 1,
      estimate: estimateWait({ position: index + 1, recentHandlingMs, ...slots }),
      busy: settings.busy,
    });
  });
  return result;
}
